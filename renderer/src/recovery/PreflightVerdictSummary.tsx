/** The preflight in one line: how many checks passed, warn and fail, and whether the run can start. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { RecoveryPlan, Verdict } from '../../../shared/recovery';

export function PreflightVerdictSummary({ plan }: { plan: RecoveryPlan }) {
  const count = (verdict: Verdict) => plan.preflight.filter((c) => c.verdict === verdict).length;
  const [passed, warnings, failed] = [count('pass'), count('warn'), count('fail')];
  const tally = `${passed} passed, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${failed} failed.`;
  if (plan.blocked) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>This recovery cannot run</MessageBarTitle>
          {tally} Fix what failed (see below) and run the checks again; you can still review the plan.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={warnings > 0 ? 'warning' : 'success'}>
      <MessageBarBody>
        <MessageBarTitle>{warnings > 0 ? 'Ready once you acknowledge each warning' : 'Ready to run'}</MessageBarTitle>
        {tally}
      </MessageBarBody>
    </MessageBar>
  );
}
