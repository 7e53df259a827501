/** One step of a run in the timeline: its state in words, elapsed time, error and output. */
import { Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { doorLabels, type Confirmation, type PlanStep, type RunStep, type StepState } from '../../../shared/recovery';
import { formatDuration, formatTime, stepElapsedMs, stepStateText } from './run-format';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `4px solid ${tokens.colorNeutralStroke2}`,
    marginBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  running: { borderLeftColor: tokens.colorBrandStroke1 },
  attention: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  failed: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  done: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { flexGrow: 1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  output: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    backgroundColor: tokens.colorNeutralBackground3,
    maxHeight: '16em',
    overflow: 'auto',
  },
});

const badgeColor: Record<StepState, 'brand' | 'warning' | 'danger' | 'success' | 'informative' | 'subtle'> = {
  pending: 'subtle',
  'waiting-confirmation': 'warning',
  running: 'brand',
  succeeded: 'success',
  failed: 'danger',
  skipped: 'informative',
  compensated: 'informative',
};

/** While running, `now` ticks once a second, so the first second reads "just started" rather than a stale 0. */
function elapsedText(ms: number, running: boolean): string {
  if (!running) return `took ${formatDuration(ms)}`;
  return ms < 1000 ? 'just started' : `running for ${formatDuration(ms)}`;
}

interface Props {
  number: number;
  planStep: PlanStep;
  progress: RunStep;
  /** Who confirmed this destructive step, once someone has. */
  confirmation: Confirmation | undefined;
  now: number;
}

export function TimelineStep({ number, planStep, progress, confirmation, now }: Props) {
  const styles = useStyles();
  const { state } = progress;
  const elapsed = stepElapsedMs(progress.startedAt, progress.endedAt, now);
  const current = state === 'running' || state === 'failed' || state === 'waiting-confirmation';
  const tones: Partial<Record<StepState, string>> = {
    running: styles.running,
    'waiting-confirmation': styles.attention,
    failed: styles.failed,
    succeeded: styles.done,
    skipped: styles.done,
  };
  return (
    <li className={mergeClasses(styles.item, tones[state])} aria-current={current ? 'step' : undefined}>
      <div className={styles.heading}>
        <Badge appearance="filled" color={badgeColor[state]}>
          {stepStateText[state]}
        </Badge>
        <Text weight="semibold" className={styles.title}>
          Step {number}: {progress.title}
        </Text>
        {planStep.destructive && (
          <Badge appearance="outline" color="danger">
            {confirmation
              ? `Destructive: ${confirmation.byApproval ? 'passed under the approval of' : 'confirmed by'} ${confirmation.by}${confirmation.door ? ` through the ${doorLabels[confirmation.door]}` : ''} at ${formatTime(confirmation.at)}`
              : `Destructive: needs ${planStep.confirmPhrase} typed to run`}
          </Badge>
        )}
        {elapsed !== null && <Caption1>{elapsedText(elapsed, progress.endedAt === null)}</Caption1>}
      </div>
      {progress.error && <Text className={styles.error}>{progress.error}</Text>}
      {progress.output.length > 0 && (
        <details open={current}>
          <summary>
            Output ({progress.output.length} {progress.output.length === 1 ? 'line' : 'lines'})
          </summary>
          <pre className={styles.output}>{progress.output.join('\n')}</pre>
        </details>
      )}
    </li>
  );
}
