/**
 * Step 4: the plan before anything changes: open preflight issues, the before/after masking picture,
 * every step with its exact commands, and the one approval that starts the run.
 */
import { Button, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { RecoveryPlan } from '../../../shared/recovery';
import { QueryState } from '../components/QueryState';
import { ApproveRecoveryDialog } from './ApproveRecoveryDialog';
import { DomainControllerNotice } from './DomainControllerNotice';
import { MaskingPictureTable } from './MaskingPictureTable';
import { OutageLimit } from './OutageLimit';
import { PlanStepCard } from './PlanStepCard';
import { PreflightChecklist, unacknowledgedWarnings } from './PreflightChecklist';
import { PreflightVerdictSummary } from './PreflightVerdictSummary';
import { ScriptDialog } from './ScriptDialog';
import { WizardFooter } from './WizardFooter';
import { useWizardPlan } from './use-wizard-plan';
import { useWizardStore } from './wizard-store';
import { SectionTitle, SubsectionTitle } from './titles';
import { leaveOutText } from '../../../shared/recovery-scope';

const useStyles = makeStyles({
  steps: { listStyleType: 'none', padding: 0, margin: 0 },
});

export function ReviewStep({ setId }: { setId: string }) {
  const plan = useWizardPlan(setId);
  return (
    <section aria-labelledby="wizard-review-heading">
      <SectionTitle id="wizard-review-heading">Review the plan</SectionTitle>
      <QueryState query={plan} what="the recovery plan">
        {(p) => <PlanReview plan={p} />}
      </QueryState>
    </section>
  );
}

function PlanReview({ plan }: { plan: RecoveryPlan }) {
  const styles = useStyles();
  const { acknowledged, acknowledge } = useWizardStore();
  const [approving, setApproving] = useState(false);
  const issues = plan.preflight.filter((c) => c.verdict !== 'pass');
  const pending = unacknowledgedWarnings(plan.preflight, acknowledged);
  const warningIds = plan.preflight.filter((c) => c.verdict === 'warn').map((c) => c.id);
  const leftOut = (plan.scope ?? []).filter((lun) => lun.leftOut);
  const notYet = plan.blocked
    ? 'A preflight check failed: this plan cannot run.'
    : pending.length > 0
      ? `Acknowledge ${pending.length === 1 ? 'the warning' : `the ${pending.length} warnings`} above first.`
      : null;

  return (
    <>
      <SubsectionTitle>Before you start</SubsectionTitle>
      <DomainControllerNotice plan={plan} />
      <PreflightVerdictSummary plan={plan} />
      {issues.length > 0 && <PreflightChecklist checks={issues} acknowledged={acknowledged} onAcknowledge={acknowledge} />}

      {leftOut.length > 0 && (
        <>
          <SubsectionTitle>Left out, staying in production as they are</SubsectionTitle>
          <ul aria-label="LUNs left out">
            {leftOut.map((lun) => (
              <li key={lun.lunId}>{leaveOutText(lun)}</li>
            ))}
          </ul>
        </>
      )}

      <SubsectionTitle>Who sees which LUN</SubsectionTitle>
      <MaskingPictureTable plan={plan} />

      <SubsectionTitle>
        The {plan.steps.length} steps, in order ({plan.steps.filter((s) => s.destructive).length} destructive, all covered by one approval)
      </SubsectionTitle>
      {plan.timing && <OutageLimit label="Expected" outageMs={plan.timing.expectedOutageMs} limitMs={plan.timing.criticalPathMs} />}
      <ol className={styles.steps} aria-label="Planned steps">
        {plan.steps.map((step, i) => (
          <PlanStepCard key={step.id} step={step} number={i + 1} />
        ))}
      </ol>

      <WizardFooter back="options">
        {notYet && <Text role="status">{notYet}</Text>}
        <ScriptDialog plan={plan} />
        <Button appearance="primary" disabled={notYet !== null} onClick={() => setApproving(true)}>
          Approve and start…
        </Button>
      </WizardFooter>
      {/* The plan carries the options it was made with and its digest: the run starts exactly what was reviewed. */}
      <ApproveRecoveryDialog
        plan={plan}
        acknowledge={acknowledged.filter((id) => warningIds.includes(id))}
        open={approving}
        onClose={() => setApproving(false)}
      />
    </>
  );
}
