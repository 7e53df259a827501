/** The row at the bottom of a wizard step: Back on the left, the step's own actions on the right. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useWizardStore, type WizardStepId } from './wizard-store';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalL, flexWrap: 'wrap' },
  spacer: { flexGrow: 1 },
});

export function WizardFooter({ back, children }: { back?: WizardStepId; children: ReactNode }) {
  const styles = useStyles();
  const goTo = useWizardStore((s) => s.goTo);
  return (
    <div className={styles.root}>
      {back && <Button onClick={() => goTo(back)}>Back</Button>}
      <div className={styles.spacer} />
      {children}
    </div>
  );
}
