/** One planned step as the review shows it: why, what it changes, the exact commands (folded) and how it is undone. */
import { Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PlanStep } from '../../../shared/recovery';
import { StepChanges } from './StepChanges';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `4px solid ${tokens.colorNeutralStroke2}`,
  },
  destructive: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  heading: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  command: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    // A command is never wrapped mid-token (a wrapped GUID or path reads as two); long lines scroll instead.
    whiteSpace: 'pre',
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

export function PlanStepCard({ step, number }: { step: PlanStep; number: number }) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.item, step.destructive && styles.destructive)}>
      <div className={styles.heading}>
        <Text weight="semibold">
          {number}. {step.title}
        </Text>
        {step.destructive && (
          <Badge appearance="filled" color="danger">
            Destructive: you will type {step.confirmPhrase}
          </Badge>
        )}
      </div>
      <Text>{step.why}</Text>
      <StepChanges changes={step.changes} />
      {step.commands.length > 0 && (
        // Collapsed by default: the review reads as the steps and what they change; the exact commands are one click away.
        <details>
          <summary>
            {step.commands.length === 1 ? 'The command' : `The ${step.commands.length} commands`} (
            {[...new Set(step.commands.map((c) => `${c.tool} on ${c.runsOn}`))].join(', ')})
            {step.commandsSimulated ? ' — simulated by the Lab' : ''}
          </summary>
          {step.commands.map((command, i) => (
            <pre key={i} className={styles.command} aria-label={`${command.tool} on ${command.runsOn}`}>
              {command.text.replace(/\r\n/g, '\n').trimEnd()}
            </pre>
          ))}
        </details>
      )}
      <Caption1>Undo: {step.undo}</Caption1>
    </li>
  );
}
