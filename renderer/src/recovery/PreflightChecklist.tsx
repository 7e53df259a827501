/**
 * Preflight verdicts, worst first: each with its one-line reason, what to do, why the check exists and the
 * Microsoft page behind it. A warning needs its own tick before the run can start; a failure blocks it.
 */
import { Caption1, Checkbox, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { preflightExplanation } from '../../../shared/preflight-explanations';
import type { PreflightCheck, Verdict } from '../../../shared/recovery';
import { StatusBadge } from '../components/badges';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: '6.5em 1fr',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  verdict: { justifySelf: 'start' },
  body: { display: 'flex', flexDirection: 'column' },
  fix: { color: tokens.colorNeutralForeground2 },
  about: { color: tokens.colorNeutralForeground3 },
});

const verdictBadge: Record<Verdict, { label: string; color: 'success' | 'warning' | 'danger' }> = {
  fail: { label: 'Fail', color: 'danger' },
  warn: { label: 'Warning', color: 'warning' },
  pass: { label: 'Pass', color: 'success' },
};
const severity: Record<Verdict, number> = { fail: 0, warn: 1, pass: 2 };

interface Props {
  checks: readonly PreflightCheck[];
  acknowledged: readonly string[];
  onAcknowledge(checkId: string, acknowledged: boolean): void;
}

export function PreflightChecklist({ checks, acknowledged, onAcknowledge }: Props) {
  const styles = useStyles();
  const ordered = [...checks].sort((a, b) => severity[a.verdict] - severity[b.verdict]);
  return (
    <ul className={styles.list} aria-label="Preflight checks">
      {ordered.map((check) => (
        <li key={check.id} className={styles.item}>
          <CheckLine check={check} acknowledged={acknowledged} onAcknowledge={onAcknowledge} />
        </li>
      ))}
    </ul>
  );
}

function CheckLine({ check, acknowledged, onAcknowledge }: { check: PreflightCheck } & Omit<Props, 'checks'>) {
  const styles = useStyles();
  const explanation = preflightExplanation(check.id);
  // A check that names its own page (the domain controller checks) is more precise than its kind's page.
  const learnMore = check.learnMore ?? explanation?.learnMore;
  return (
    <>
      <StatusBadge className={styles.verdict} color={verdictBadge[check.verdict].color} text={verdictBadge[check.verdict].label} />
      <div className={styles.body}>
        <Text weight={check.verdict === 'pass' ? 'regular' : 'semibold'}>
          {check.title}: {check.reason}
        </Text>
        {check.fix && <Text className={styles.fix}>What to do: {check.fix}</Text>}
        {(explanation || learnMore) && (
          <Caption1 className={styles.about}>
            {explanation && `Why: ${explanation.about}`}
            {learnMore && (
              <>
                {explanation && ' '}
                <Link href={learnMore} target="_blank" rel="noreferrer" aria-label={`Microsoft's page for: ${check.title}`}>
                  Microsoft's page
                </Link>
              </>
            )}
          </Caption1>
        )}
        {check.verdict === 'warn' && (
          <Checkbox
            label={`I have read this warning and want to go on: ${check.title}`}
            checked={acknowledged.includes(check.id)}
            onChange={(_event, data) => onAcknowledge(check.id, data.checked === true)}
          />
        )}
      </div>
    </>
  );
}

/** Warnings not yet ticked: the run cannot start while any remain. */
export function unacknowledgedWarnings(checks: readonly PreflightCheck[], acknowledged: readonly string[]): PreflightCheck[] {
  return checks.filter((c) => c.verdict === 'warn' && !acknowledged.includes(c.id));
}
