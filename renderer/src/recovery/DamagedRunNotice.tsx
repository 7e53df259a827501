/**
 * A run whose journal cannot be read: it can be neither resumed nor rolled back, so the Runs page says
 * why, names the LUNs it still holds, and offers the one way to free them: a release the operator
 * confirms by typing the run's id (journaled beside the run; the damaged journal is left as it is).
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { RunSummary } from '../../../shared/recovery';
import { operatorParam } from '../operator';
import { formatTime } from './run-format';
import { TypedConfirmationDialog } from './TypedConfirmationDialog';
import { useRunAction } from './use-run-action';

export function DamagedRunNotice({ run }: { run: RunSummary & { damage: NonNullable<RunSummary['damage']> } }) {
  const [open, setOpen] = useState(false);
  // The dialog opens without a DialogTrigger: focus comes back to this button when it closes.
  const restoreFocusHere = useRestoreFocusTarget();
  const release = useRunAction('runs.release');
  const { damage } = run;
  const close = () => {
    release.reset();
    setOpen(false);
  };
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Run {run.id}: damaged journal</MessageBarTitle>
        {damage.reason}{' '}
        {damage.released
          ? `Its LUNs were released by ${damage.released.by} on ${formatTime(damage.released.at)}.`
          : damage.heldLunIds.length > 0
            ? `It still holds ${damage.heldLunIds.join(', ')}.`
            : 'It holds no LUN.'}
      </MessageBarBody>
      {!damage.released && damage.heldLunIds.length > 0 && (
        <MessageBarActions>
          <Button {...restoreFocusHere} onClick={() => setOpen(true)}>
            Release its LUNs…
          </Button>
        </MessageBarActions>
      )}
      <TypedConfirmationDialog
        open={open}
        onClose={close}
        title={`Release the LUNs of run ${run.id}`}
        phrase={run.id}
        confirmLabel="Release the LUNs"
        pending={release.isPending}
        error={release.error}
        onConfirm={(typed) => release.mutate({ runId: run.id, typed, ...operatorParam() }, { onSuccess: close })}
      >
        <Text>
          This run&apos;s journal cannot be read, so ShadowSwap cannot tell what it changed. Check the estate by hand first (masks, disk
          resources): releasing lets another run take {damage.heldLunIds.join(', ')}.
        </Text>
        <Text>The release is journaled with your name; the damaged journal is kept as it is for the incident record.</Text>
      </TypedConfirmationDialog>
    </MessageBar>
  );
}
