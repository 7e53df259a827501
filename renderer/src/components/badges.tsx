/**
 * The state badges every page uses, so one state has one colour everywhere: green is fine, red needs
 * action, amber needs attention, blue is informational (a shadow copy, an imported set).
 */
import { Badge } from '@fluentui/react-components';
import type { ClusterNodeState, DiskResourceState, LunState, SnapshotSetState } from '../../../shared/domain';
import type { z } from 'zod';
import { lunRoleText, type LunRole } from '../../../shared/lun-roles';
import type { RunState } from '../../../shared/recovery';
import { runStateText } from '../recovery/run-format';

type BadgeColor = 'success' | 'danger' | 'warning' | 'informative' | 'subtle' | 'brand' | 'severe' | 'important';

const lunColor: Record<z.infer<typeof LunState>, BadgeColor> = {
  healthy: 'success',
  damaged: 'danger',
  shadow: 'informative',
  'forensic-hold': 'warning',
};
const setColor: Record<SnapshotSetState, BadgeColor> = {
  created: 'informative',
  imported: 'brand',
  exposed: 'warning',
  broken: 'subtle',
  failed: 'danger',
};
const resourceColor: Record<z.infer<typeof DiskResourceState>, BadgeColor> = {
  Online: 'success',
  Offline: 'warning',
  Failed: 'danger',
  'Online(Maintenance)': 'warning',
};
const nodeColor: Record<z.infer<typeof ClusterNodeState>, BadgeColor> = { Up: 'success', Down: 'danger', Paused: 'warning' };
const groupColor: Record<string, BadgeColor> = { Online: 'success', Offline: 'warning', Failed: 'danger', PartialOnline: 'warning' };

/** Every state or verdict badge of the console is this one: tinted, rounded, its colour by meaning (see above). */
export function StatusBadge({ color, text, className }: { color: BadgeColor; text: string; className?: string }) {
  return (
    <Badge appearance="tint" color={color} shape="rounded" className={className}>
      {text}
    </Badge>
  );
}

export const LunStateBadge = ({ state }: { state: z.infer<typeof LunState> }) => <StatusBadge color={lunColor[state]} text={state} />;
export const SetStateBadge = ({ state }: { state: SnapshotSetState }) => <StatusBadge color={setColor[state]} text={state} />;
export const ResourceStateBadge = ({ state }: { state: z.infer<typeof DiskResourceState> }) => (
  <StatusBadge color={resourceColor[state]} text={state} />
);
export const NodeStateBadge = ({ state }: { state: z.infer<typeof ClusterNodeState> }) => (
  <StatusBadge color={nodeColor[state]} text={state} />
);
const roleColor: Record<LunRole, BadgeColor> = {
  production: 'success',
  evidence: 'warning',
  'spare-shadow': 'informative',
  unassigned: 'subtle',
};
export const LunRoleBadge = ({ role }: { role: LunRole }) => <StatusBadge color={roleColor[role]} text={lunRoleText[role]} />;
export const RunStateBadge = ({ state }: { state: RunState }) => (
  <StatusBadge color={runStateText[state].color} text={runStateText[state].label} />
);
/** Failover Cluster's group states in words ("PartialOnline" is some resources online, others not). */
const groupText: Record<string, string> = { PartialOnline: 'Partly online' };
export const GroupStateBadge = ({ state }: { state: string }) => (
  <StatusBadge color={groupColor[state] ?? 'subtle'} text={groupText[state] ?? state} />
);

const verdictLook = {
  compliant: { color: 'success', text: 'Compliant' },
  warning: { color: 'warning', text: 'Warning' },
  'not-compliant': { color: 'danger', text: 'Not compliant' },
} as const;

/**
 * The cluster-recovery compliance verdict; the reason ("The LUN ...") shows on hover and in the details.
 * A native title, not a Fluent Tooltip: a tooltip per row costs more than the rest of the row to render.
 */
export function ComplianceBadge({ verdict, reason }: { verdict: keyof typeof verdictLook; reason: string }) {
  const look = verdictLook[verdict];
  return (
    <Badge appearance="filled" color={look.color} shape="rounded" title={`The LUN ${reason}.`}>
      {look.text}
    </Badge>
  );
}
