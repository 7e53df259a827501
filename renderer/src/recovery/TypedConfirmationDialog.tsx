/**
 * The one guard for every irreversible action: a dialog that says what will change and enables its
 * button only once the operator has typed the phrase (the cluster or host name) exactly.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ActionError } from './ActionError';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  phrase: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  open: boolean;
  onClose(): void;
  title: string;
  /** What will change, named exactly. */
  children: ReactNode;
  phrase: string;
  confirmLabel: string;
  onConfirm(typed: string): void;
  pending: boolean;
  error: Error | null;
  /** Why the action cannot go ahead yet even with the phrase typed (e.g. a step is still finishing). */
  notYet?: string | null;
}

export function TypedConfirmationDialog({ open, onClose, ...rest }: Props) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : onClose())}>
      {/* The surface unmounts when closed, so the typed text never carries over to the next confirmation. */}
      <DialogSurface>
        <DialogForm onClose={onClose} {...rest} />
      </DialogSurface>
    </Dialog>
  );
}

function DialogForm({ onClose, title, children, phrase, confirmLabel, onConfirm, pending, error, notYet }: Omit<Props, 'open'>) {
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === phrase;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (matches && !notYet) onConfirm(typed);
      }}
    >
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.content}>
          {children}
          <Field
            label={
              <>
                Type <span className={styles.phrase}>{phrase}</span> to confirm
              </>
            }
            validationState={typed !== '' && !matches ? 'warning' : 'none'}
            validationMessage={typed !== '' && !matches ? `This does not match ${phrase} yet.` : undefined}
          >
            <Input value={typed} onChange={(_event, data) => setTyped(data.value)} autoComplete="off" spellCheck={false} />
          </Field>
          {notYet && <p role="status">{notYet}</p>}
          <ActionError error={error} what="The console refused" />
        </DialogContent>
        <DialogActions>
          <Button appearance="secondary" onClick={onClose}>
            Not now
          </Button>
          <Button appearance="primary" type="submit" disabled={!matches || pending || Boolean(notYet)}>
            {pending ? 'Sending…' : confirmLabel}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
