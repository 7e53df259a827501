/**
 * Starting again the application resources that taking the disks offline took down. Only taking the disks
 * offline took them down: maintenance mode on a plain disk leaves them online
 * (https://learn.microsoft.com/powershell/module/failoverclusters/suspend-clusterresource). Clusters with
 * Cluster Shared Volumes, whose maintenance takes dependents offline, are not read.
 * Start-ClusterResource per dependent, not Start-ClusterGroup: the group call starts every resource of the group,
 * including any the administrator had left offline, while a resource can only depend on resources of its own
 * group, so starting exactly the dependents that were online restores the group as it was and nothing more.
 */
import { applicationsOnline, captureApplications, startApplications, stopApplications } from './cluster-resources';
import { dependentChanges, dependentNamesOf, dependentTargetsOf } from './draft-inputs';
import type { StepModule } from './step-module';

export const startDependents: StepModule<'start-dependents'> = {
  draft(inputs) {
    const dependents = dependentTargetsOf(inputs);
    if (inputs.options.mode !== 'offline' || dependents.length === 0) return [];
    const names = dependentNamesOf(inputs);
    return [
      {
        kind: 'start-dependents',
        title: `Bring ${names} back online`,
        why: `Stop-ClusterResource took ${names} offline before the disks, and starting a disk does not start what depends on it: without this step the application stays down on recovered disks. Each is started with Start-ClusterResource, rather than Start-ClusterGroup, so that only what was online before the recovery comes back, after everything it depends on.`,
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
  apply: (context, params) => startApplications(context, params.dependents),
  compensate: (context, params, before) => stopApplications(context, params.dependents, before),
};
