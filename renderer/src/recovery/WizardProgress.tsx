/**
 * Where the operator is in the wizard: the six steps in order, the current one marked. Steps already passed
 * are links back to them, until a run has started (from then on the run is the only way on).
 */
import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatRoute, wizardRoute } from '../routes';
import { useWizardStore, wizardSteps, type WizardStepId } from './wizard-store';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalM} 0`,
    flexWrap: 'wrap',
  },
  item: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
  past: { color: tokens.colorNeutralForeground1 },
  current: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    border: 'none',
  },
});

const runStarted = (step: WizardStepId) => step === 'run' || step === 'done';

export function WizardProgress({ current }: { current: WizardStepId }) {
  const styles = useStyles();
  const setId = useWizardStore((s) => s.setId);
  const currentIndex = wizardSteps.findIndex((s) => s.id === current);
  return (
    <ol className={styles.list} aria-label="Recovery wizard steps">
      {wizardSteps.map((step, i) => {
        const label = `${i + 1}. ${step.title}`;
        const reachable = i < currentIndex && !runStarted(current);
        return (
          <li
            key={step.id}
            className={mergeClasses(styles.item, i < currentIndex && styles.past, i === currentIndex && styles.current)}
            aria-current={i === currentIndex ? 'step' : undefined}
          >
            {reachable ? <Link href={formatRoute(wizardRoute(step.id, setId, null))}>{label}</Link> : label}
          </li>
        );
      })}
    </ol>
  );
}
