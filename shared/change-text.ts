/** A step's changes in one line each, as the CLI and the recovery reports both print them. */
import type { StepChange } from './recovery';

export function hostsText(hosts: readonly string[]): string {
  if (hosts.includes('*')) return '* (all hosts)';
  return hosts.length === 0 ? '(nobody)' : hosts.join(', ');
}

export function changeText(change: StepChange): string {
  switch (change.kind) {
    case 'mask':
      return `${change.lunName}: masked to ${hostsText(change.before)} → ${hostsText(change.after)}`;
    case 'resource':
      return `${change.cluster} resource "${change.resource}": ${change.before} → ${change.after}`;
    case 'snapshot-set':
      return `set ${change.setId}: ${change.before} → ${change.after}`;
    case 'volume':
      return `${change.lunName}: ${change.before} → ${change.after}`;
    case 'host-setting':
      return `${change.host} ${change.setting}: ${change.before} → ${change.after}`;
  }
}
