/** "Copy as script": the whole plan as reviewable text, shown first, copied on request. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { RecoveryPlan } from '../../../shared/recovery';
import { planScript } from '../../../shared/plan-script';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(72em, 95vw)' },
  script: { fontFamily: tokens.fontFamilyMonospace, width: '100%' },
  textarea: { height: '60vh', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type CopyState = 'idle' | 'copied' | 'refused';

export function ScriptDialog({ plan }: { plan: RecoveryPlan }) {
  const styles = useStyles();
  const [copy, setCopy] = useState<CopyState>('idle');
  const script = planScript(plan);
  // navigator.clipboard is missing outside secure contexts: the chain turns that into a refusal too.
  const copyToClipboard = () =>
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(script))
      .then(
        () => setCopy('copied'),
        () => setCopy('refused'),
      );
  return (
    <Dialog onOpenChange={() => setCopy('idle')}>
      <DialogTrigger disableButtonEnhancement>
        <Button>Copy as script…</Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>The plan as a script</DialogTitle>
          <DialogContent>
            <Textarea
              className={styles.script}
              textarea={{ className: styles.textarea }}
              value={script}
              readOnly
              aria-label="Recovery plan script"
            />
            <p role="status">
              {copy === 'copied'
                ? 'Copied to the clipboard.'
                : copy === 'refused'
                  ? 'The clipboard is not available here: select the text above and copy it.'
                  : ''}
            </p>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Close</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => void copyToClipboard()}>
              Copy to clipboard
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
