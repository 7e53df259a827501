/** A destructive step waits here: what it will change, its commands' host, and the typed name that lets it run. */
import { Text } from '@fluentui/react-components';
import type { PlanStep } from '../../../shared/recovery';
import { operatorParam } from '../operator';
import { StepChanges } from './StepChanges';
import { TypedConfirmationDialog } from './TypedConfirmationDialog';
import { useRunAction } from './use-run-action';

interface Props {
  runId: string;
  step: PlanStep;
  open: boolean;
  onClose(): void;
}

export function ConfirmStepDialog({ runId, step, open, onClose }: Props) {
  const confirm = useRunAction('runs.confirm');
  const phrase = step.confirmPhrase ?? '';
  const hosts = [...new Set(step.commands.map((c) => c.runsOn))];
  return (
    <TypedConfirmationDialog
      open={open}
      onClose={() => {
        confirm.reset();
        onClose();
      }}
      title={`Confirm: ${step.title}`}
      phrase={phrase}
      confirmLabel="Confirm and run"
      pending={confirm.isPending}
      error={confirm.error}
      onConfirm={(typed) => confirm.mutate({ runId, stepId: step.id, typed, ...operatorParam() }, { onSuccess: onClose })}
    >
      <Text>{step.why}</Text>
      <Text weight="semibold">This step will change:</Text>
      <StepChanges changes={step.changes} />
      {hosts.length > 0 && (
        <Text>
          Its commands run on {hosts.join(', ')}
          {step.commandsSimulated ? ' (simulated by the Lab)' : ''}.
        </Text>
      )}
      <Text>If it has to be undone: {step.undo}</Text>
    </TypedConfirmationDialog>
  );
}
