/**
 * What recovering a domain controller means for its domain, said before anything runs (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight):
 * the only DC loses every change since the set; one of several gets them back by replication, replicated damage included.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { RecoveryPlan } from '../../../shared/recovery';

const useStyles = makeStyles({ notice: { margin: `${tokens.spacingVerticalS} 0` } });

export function DomainControllerNotice({ plan }: { plan: RecoveryPlan }) {
  const styles = useStyles();
  const dc = plan.domainController;
  if (!dc) return null;
  const kind = dc.restore === 'only-dc' ? 'the only domain controller of its domain' : `one of ${dc.domainControllers} domain controllers`;
  return (
    <section aria-label="What this restore means for the domain" className={styles.notice}>
      <MessageBar intent={dc.restore === 'only-dc' ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {dc.host} is {kind} ({dc.domain})
          </MessageBarTitle>
          <ul>
            {dc.consequences.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {dc.offlineSwap && (
              <li>{dc.host} boots from the SAN: the swap happens with it shut down, and the set is imported on another host.</li>
            )}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
