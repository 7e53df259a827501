/**
 * The outage beside the least time its operations allow (the critical path), in the wording every door uses:
 * expected in the review step, measured once the run is done.
 */
import { Text } from '@fluentui/react-components';
import { outageLimitText } from '../../../shared/outage-limit';

export function OutageLimit({ label, outageMs, limitMs }: { label: string; outageMs: number | null; limitMs: number | null }) {
  const text = outageLimitText(outageMs, limitMs);
  return (
    <Text as="p" block aria-label={`${label}: ${text}`}>
      {label}: {text}.
    </Text>
  );
}
