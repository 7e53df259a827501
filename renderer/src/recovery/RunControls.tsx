/**
 * What the operator can do with a run in its current state, and only that: confirm the waiting step,
 * pause or cancel a running one, resume or roll back a stopped one. Every button is a contract call.
 */
import { Button, Caption1, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useState } from 'react';
import type { RunDetail } from '../../../shared/recovery';
import { ActionError } from './ActionError';
import { ConfirmStepDialog } from './ConfirmStepDialog';
import { RollbackDialog } from './RollbackDialog';
import { useRunAction } from './use-run-action';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * A confirmation dialog belongs to one step: the run moves on (and may wait at the next destructive step)
 * before the confirm call answers, and that next step must not inherit an open dialog.
 */
type OpenDialog = null | { kind: 'confirm'; stepId: string } | { kind: 'rollback' | 'cancel' };

export function RunControls({ run }: { run: RunDetail }) {
  const styles = useStyles();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const pause = useRunAction('runs.pause');
  const resume = useRunAction('runs.resume');
  const waitingStep = run.state === 'waiting-confirmation' ? run.plan.steps.find((s) => s.id === run.attentionStepId) : undefined;
  const stopped = run.state === 'paused' || run.state === 'interrupted' || run.state === 'failed';
  const canRollBack = stopped || run.state === 'waiting-confirmation';
  const close = () => setDialog(null);
  // These dialogs open without a DialogTrigger: the buttons are marked so focus returns to them when a dialog closes.
  const restoreFocusHere = useRestoreFocusTarget();

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        {waitingStep && (
          <Button appearance="primary" {...restoreFocusHere} onClick={() => setDialog({ kind: 'confirm', stepId: waitingStep.id })}>
            Review and confirm: {waitingStep.title}…
          </Button>
        )}
        {run.state === 'running' && (
          <>
            <Button onClick={() => pause.mutate({ runId: run.id })} disabled={pause.isPending}>
              Pause
            </Button>
            <Button
              {...restoreFocusHere}
              onClick={() => {
                setDialog({ kind: 'cancel' });
                pause.mutate({ runId: run.id });
              }}
              disabled={pause.isPending}
            >
              Cancel…
            </Button>
            <Caption1>Pause and Cancel stop the run after the current step. Cancel then offers to roll back.</Caption1>
          </>
        )}
        {stopped && (
          <Button appearance="primary" onClick={() => resume.mutate({ runId: run.id })} disabled={resume.isPending}>
            Resume
          </Button>
        )}
        {canRollBack && (
          <Button {...restoreFocusHere} onClick={() => setDialog({ kind: 'rollback' })}>
            Roll back…
          </Button>
        )}
      </div>
      <ActionError error={pause.error} what="Could not pause the run" />
      <ActionError error={resume.error} what="Could not resume the run" />
      {waitingStep && (
        <ConfirmStepDialog
          runId={run.id}
          step={waitingStep}
          open={dialog?.kind === 'confirm' && dialog.stepId === waitingStep.id}
          onClose={close}
        />
      )}
      <RollbackDialog
        run={run}
        open={dialog?.kind === 'rollback' || dialog?.kind === 'cancel'}
        cancelling={dialog?.kind === 'cancel'}
        onClose={close}
      />
    </div>
  );
}
