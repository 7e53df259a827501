/**
 * Preflight verdicts, worst first: each with its one-line reason, what to do and, when there is one, Microsoft's
 * page on the rule. A warning needs its own
 * tick before the run can start; a failure blocks it.
 */
import { Checkbox, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
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
          <StatusBadge className={styles.verdict} color={verdictBadge[check.verdict].color} text={verdictBadge[check.verdict].label} />
          <div className={styles.body}>
            <Text weight={check.verdict === 'pass' ? 'regular' : 'semibold'}>
              {check.title}: {check.reason}
            </Text>
            {check.fix && <Text className={styles.fix}>What to do: {check.fix}</Text>}
            {check.learnMore && (
              <Link href={check.learnMore} target="_blank" rel="noreferrer" aria-label={`Microsoft's page on: ${check.title}`}>
                Why (Microsoft Learn)
              </Link>
            )}
            {check.verdict === 'warn' && (
              <Checkbox
                label={`I have read this warning and want to go on: ${check.title}`}
                checked={acknowledged.includes(check.id)}
                onChange={(_event, data) => onAcknowledge(check.id, data.checked === true)}
              />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Warnings not yet ticked: the run cannot start while any remain. */
export function unacknowledgedWarnings(checks: readonly PreflightCheck[], acknowledged: readonly string[]): PreflightCheck[] {
  return checks.filter((c) => c.verdict === 'warn' && !acknowledged.includes(c.id));
}
