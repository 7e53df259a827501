/**
 * Roll back a run: every step it touched is undone in reverse order. Also the second half of "Cancel",
 * which pauses first: the rollback can only begin once the step then running has finished.
 */
import { Text } from '@fluentui/react-components';
import { rollbackPhrase, type RunDetail } from '../../../shared/recovery';
import { operatorParam } from '../operator';
import { TypedConfirmationDialog } from './TypedConfirmationDialog';
import { useRunAction } from './use-run-action';

interface Props {
  run: RunDetail;
  open: boolean;
  onClose(): void;
  /** Opened by Cancel: explain that the run stops after its current step. */
  cancelling: boolean;
}

export function RollbackDialog({ run, open, onClose, cancelling }: Props) {
  const rollback = useRunAction('runs.rollback');
  const touched = run.steps.filter((s) => s.startedAt !== null && s.state !== 'compensated');
  const undoOf = new Map(run.plan.steps.map((s) => [s.id, s.undo]));
  return (
    <TypedConfirmationDialog
      open={open}
      onClose={() => {
        rollback.reset();
        onClose();
      }}
      title={cancelling ? 'Cancel this run' : 'Roll back this run'}
      phrase={rollbackPhrase(run.plan)}
      confirmLabel="Roll back"
      pending={rollback.isPending}
      error={rollback.error}
      notYet={
        run.state === 'running'
          ? 'The step now running is finishing (a step is never cut off halfway); you can roll back as soon as it stops.'
          : null
      }
      onConfirm={(typed) => rollback.mutate({ runId: run.id, typed, ...operatorParam() }, { onSuccess: onClose })}
    >
      {cancelling && (
        <Text>
          The run is pausing: it stops after the current step. To put production back as it was, roll back now. Or close this window and
          resume the run later from the Runs page.
        </Text>
      )}
      <Text>Rolling back undoes what this run changed, newest first. Nothing is deleted: recovered LUNs are masked away and kept.</Text>
      {touched.length === 0 ? (
        <Text weight="semibold">No step has changed anything yet: the run simply ends.</Text>
      ) : (
        <>
          <Text weight="semibold">Will be undone:</Text>
          <ul>
            {[...touched].reverse().map((s) => (
              <li key={s.id}>
                {s.title}: {undoOf.get(s.id)}
              </li>
            ))}
          </ul>
        </>
      )}
    </TypedConfirmationDialog>
  );
}
