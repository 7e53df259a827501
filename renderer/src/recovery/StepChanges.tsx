/** The changes a step makes, one line each: shown in the review and in its confirmation. */
import type { StepChange } from '../../../shared/recovery';
import { changeText } from '../../../shared/change-text';

export function StepChanges({ changes }: { changes: readonly StepChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul>
      {changes.map((change, i) => (
        <li key={i}>{changeText(change)}</li>
      ))}
    </ul>
  );
}
