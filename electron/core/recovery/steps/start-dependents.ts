/**
 * Starting again the application resources the recovery took down with the disks: Stop-ClusterResource on a
 * disk takes them down, and in maintenance mode the plan stops them itself, because maintenance mode on a plain
 * disk leaves them running on a disk that vanishes (docs/windows-facts.md#maintenance-mode-semantics).
 * Start-ClusterResource per dependent, not Start-ClusterGroup: the group call starts every resource of the group,
 * including any the administrator had left offline, while a resource can only depend on resources of its own
 * group, so starting exactly the dependents that were online restores the group as it was and nothing more.
 */
import { applicationOperations, applicationsOnline, captureApplications, startedTargets, stopApplications } from './cluster-resources';
import { dependentChanges, dependentNamesOf, dependentTargetsOf } from './draft-inputs';
import type { StepModule } from './step-module';

export const startDependents: StepModule<'start-dependents'> = {
  draft(inputs) {
    const dependents = dependentTargetsOf(inputs);
    if (dependents.length === 0) return [];
    const names = dependentNamesOf(inputs);
    return [
      {
        kind: 'start-dependents',
        title: `Bring ${names} back online`,
        why: `${names} went offline before the disks, and neither starting a disk nor ending its maintenance mode starts what depends on it: without this step the application stays down on recovered disks. Each is started with Start-ClusterResource, rather than Start-ClusterGroup, so that only what was online before the recovery comes back, after everything it depends on.`,
        destructive: false,
        confirmPhrase: null,
        changes: dependentChanges(inputs, 'Offline', 'Online'),
        operations: inputs.dependents.map((r) => ({
          operation: 'startApplicationResource',
          cluster: inputs.cluster ?? '',
          resource: r.name,
          onNode: r.ownerNode,
        })),
        undo: `Stop-ClusterResource for ${names} on the owner node.`,
        params: { dependents },
      },
    ];
  },
  probe: (context, params) => applicationsOnline(context, params.dependents),
  capture: (context, params) => captureApplications(context, params.dependents),
  operations: (context, params) => applicationOperations(context, params.dependents, 'online'),
  // Only those the run started are taken down again.
  compensate: (context, params, before, happened) => stopApplications(context, startedTargets(params.dependents, happened), before),
};
