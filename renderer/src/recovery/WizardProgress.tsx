/** Where the operator is in the wizard: the six steps in order, the current one marked. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { wizardSteps, type WizardStepId } from './wizard-store';

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

export function WizardProgress({ current }: { current: WizardStepId }) {
  const styles = useStyles();
  const currentIndex = wizardSteps.findIndex((s) => s.id === current);
  return (
    <ol className={styles.list} aria-label="Recovery wizard steps">
      {wizardSteps.map((step, i) => (
        <li
          key={step.id}
          className={mergeClasses(styles.item, i < currentIndex && styles.past, i === currentIndex && styles.current)}
          aria-current={i === currentIndex ? 'step' : undefined}
        >
          {i + 1}. {step.title}
        </li>
      ))}
    </ol>
  );
}
