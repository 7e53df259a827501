/** One step of a run in the timeline: its state in words, elapsed time, error and output. */
import { Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { doorLabels, type Confirmation, type PlanStep, type RunStep, type StepState } from '../../../shared/recovery';
import type { StepFailure } from '../../../shared/step-failure';
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
  failure: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  places: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
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

/** A failed step in the operator's terms: what happened (with its code), where to look, what to do next. */
function StepFailureText({ failure }: { failure: StepFailure }) {
  const styles = useStyles();
  return (
    <dl className={styles.failure} aria-label={`Why step "${failure.step}" failed`}>
      <dt>What happened</dt>
      <dd className={styles.error}>{failure.happened}</dd>
      {failure.code !== null && (
        <>
          <dt>Code</dt>
          <dd className={styles.code}>{failure.code}</dd>
        </>
      )}
      <dt>Where to look</dt>
      <dd>
        <ul className={styles.places}>
          {failure.lookAt.map((place) => (
            <li key={place}>{place}</li>
          ))}
        </ul>
      </dd>
      <dt>What to do</dt>
      <dd>{failure.next}.</dd>
    </dl>
  );
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
      {progress.failure ? (
        <StepFailureText failure={progress.failure} />
      ) : (
        progress.error && <Text className={styles.error}>{progress.error}</Text>
      )}
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
