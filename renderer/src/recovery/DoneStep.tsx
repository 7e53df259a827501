/**
 * Step 6: what the recovery achieved: the verification results, the production downtime, and where the
 * damaged LUNs are now.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RunDetail, StepChange, StepKind } from '../../../shared/recovery';
import { QueryState } from '../components/QueryState';
import { ReportExports } from './ReportExports';
import { OutageLimit } from './OutageLimit';
import { useContractQuery } from '../queries';
import { WizardFooter } from './WizardFooter';
import { hostsText } from '../../../shared/change-text';
import { formatDuration } from './run-format';
import { RunLink } from '../components/RunLink';
import { useWizardStore } from './wizard-store';
import { SectionTitle, SubsectionTitle } from './titles';

const useStyles = makeStyles({
  figure: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  lines: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export function DoneStep({ runId }: { runId: string }) {
  const run = useContractQuery('runs.get', { runId });
  const reset = useWizardStore((s) => s.reset);
  return (
    <section aria-labelledby="wizard-done-heading">
      <SectionTitle id="wizard-done-heading">Recovery complete</SectionTitle>
      <QueryState query={run} what={`run ${runId}`}>
        {(detail) => <RecoveryResults run={detail} />}
      </QueryState>
      <ReportExports runId={runId} />
      <WizardFooter>
        <RunLink runId={runId} label="Open this run on the Runs page" />
        <Button appearance="primary" onClick={reset}>
          Start another recovery
        </Button>
      </WizardFooter>
    </section>
  );
}

type MaskChange = Extract<StepChange, { kind: 'mask' }>;

function RecoveryResults({ run }: { run: RunDetail }) {
  const styles = useStyles();
  const planStepOf = (kind: StepKind) => run.plan.steps.find((s) => s.kind === kind);
  const progressOf = (stepId: string | undefined) => run.steps.find((s) => s.id === stepId);
  const verify = planStepOf('verify');
  const verification = progressOf(verify?.id)?.output ?? [];
  const masked = (planStepOf('mask-originals')?.changes ?? []).filter((c): c is MaskChange => c.kind === 'mask');
  const hold = planStepOf('forensic-hold');
  const held = hold && progressOf(hold.id)?.state === 'succeeded';
  const heldTo = new Map((hold?.changes ?? []).filter((c): c is MaskChange => c.kind === 'mask').map((c) => [c.lunId, c.after]));

  return (
    <>
      <SubsectionTitle>Production downtime</SubsectionTitle>
      <Text as="p" block>
        <span className={styles.figure}>{run.downtimeMs === null ? 'not measured' : formatDuration(run.downtimeMs)}</span>
        <br />
        From the moment the first step took the production disks away until {run.plan.cluster ? 'the cluster' : run.plan.importHost} had
        them back.
      </Text>
      {run.operationsAllowMs !== undefined && run.operationsAllowMs !== null && (
        <OutageLimit label="Measured" outageMs={run.downtimeMs} limitMs={run.operationsAllowMs} />
      )}

      <SubsectionTitle>Verification</SubsectionTitle>
      {verify ? (
        <ul className={styles.lines} aria-label="Verification results">
          {verification.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : (
        <Text as="p" block>
          Verification was turned off for this run: check the application yourself before handing it back.
        </Text>
      )}

      <SubsectionTitle>The damaged LUNs</SubsectionTitle>
      <ul aria-label="What happened to the damaged LUNs">
        {masked.map((change) => (
          <li key={change.lunId}>
            <strong>{change.lunName}</strong>: masked from production (was visible to {hostsText(change.before)}) and kept on the array
            unchanged
            {held
              ? `; now visible only to ${hostsText(heldTo.get(change.lunId) ?? [])} for forensics — mount it read-only there.`
              : '; no host sees it.'}
          </li>
        ))}
      </ul>
    </>
  );
}
