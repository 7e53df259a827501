/**
 * The one approval before the outage: every destructive step of the reviewed plan and what it changes, the change
 * reference and the reason, and the cluster (or host) name typed once. The core journals it and runs every
 * destructive step under it, so nobody types while production storage is away; "pause before each destructive
 * step" keeps the old stops as well.
 */
import { Checkbox, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { rollbackPhrase, type RecoveryPlan } from '../../../shared/recovery';
import { operatorParam } from '../operator';
import { StepChanges } from './StepChanges';
import { TypedConfirmationDialog } from './TypedConfirmationDialog';
import { useRunAction } from './use-run-action';
import { useWizardStore } from './wizard-store';

interface Props {
  plan: RecoveryPlan;
  /** The warnings acknowledged on the review page, sent with the start. */
  acknowledge: string[];
  open: boolean;
  onClose(): void;
}

export function ApproveRecoveryDialog({ plan, acknowledge, open, onClose }: Props) {
  const start = useRunAction('recovery.start');
  const runStarted = useWizardStore((s) => s.runStarted);
  // Kept while the dialog is closed: reopening it after a refusal does not lose what was written.
  const [change, setChange] = useState('');
  const [reason, setReason] = useState('');
  const [pauseBeforeEachStep, setPauseBeforeEachStep] = useState(false);
  const destructive = plan.steps.filter((s) => s.destructive);
  const target = plan.cluster === null ? `host ${plan.importHost}` : `cluster ${plan.cluster}`;
  return (
    <TypedConfirmationDialog
      open={open}
      onClose={() => {
        start.reset();
        onClose();
      }}
      title={`Approve the recovery of ${target}`}
      phrase={rollbackPhrase(plan)}
      confirmLabel="Approve and start"
      pending={start.isPending}
      error={start.error}
      notYet={change.trim() === '' || reason.trim() === '' ? 'Enter the change reference and the reason first.' : null}
      onConfirm={(typed) =>
        start.mutate(
          {
            options: plan.options,
            acknowledge,
            approval: { typed, change: change.trim(), reason: reason.trim(), planDigest: plan.approvalDigest ?? '', pauseBeforeEachStep },
            ...operatorParam(),
          },
          { onSuccess: (run) => runStarted(run.id) },
        )
      }
    >
      <Text>
        This approval covers the {destructive.length} destructive steps below. Production storage goes away at the first of them; the run
        then goes on to the end without asking again{pauseBeforeEachStep ? ', except where you asked it to pause' : ''}.
      </Text>
      <ol>
        {destructive.map((step) => (
          <li key={step.id}>
            <Text weight="semibold">{step.title}</Text>
            <StepChanges changes={step.changes} />
          </li>
        ))}
      </ol>
      <Field label="Change reference" required hint="The change or incident number this recovery is done under.">
        <Input value={change} onChange={(_event, data) => setChange(data.value)} maxLength={100} autoComplete="off" />
      </Field>
      <Field label="Reason" required>
        <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} maxLength={1000} resize="vertical" />
      </Field>
      <Checkbox
        checked={pauseBeforeEachStep}
        onChange={(_event, data) => setPauseBeforeEachStep(data.checked === true)}
        label="Pause before each destructive step (production waits while you confirm each one)"
      />
    </TypedConfirmationDialog>
  );
}
