/** Putting the disk resources in maintenance mode before their LUNs are masked away (the operator's choice). */
import {
  confirmPhraseOf,
  dependentChanges,
  dependentNamesOf,
  dependentTargetsOf,
  resourceChanges,
  resourceTargetsOf,
} from './draft-inputs';
import { diskResourceBehaviour, diskResourceOperations, RELEASE_DISKS_WHY, restartDependentsUndo } from './cluster-resources';
import type { StepModule } from './step-module';

export const suspendResources: StepModule<'suspend-resources'> = {
  draft(inputs) {
    const { resources, dependents, options, cluster } = inputs;
    if (resources.length === 0 || options.mode !== 'maintenance') return [];
    return [
      {
        kind: 'suspend-resources',
        title: `Put ${resources.length} disk resource(s) in maintenance mode`,
        why:
          RELEASE_DISKS_WHY +
          (dependents.length === 0
            ? ''
            : ` On a plain disk maintenance mode only turns health checking off: ${dependentNamesOf(inputs)} would keep running while the disk vanishes, lose their files and fail. So they are taken offline first (Stop-ClusterResource on their owner node), recorded, and started again after the disks.`),
        destructive: true,
        confirmPhrase: confirmPhraseOf(inputs),
        changes: [...dependentChanges(inputs, 'Online', 'Offline'), ...resourceChanges(inputs, 'Online', 'Online(Maintenance)')],
        // The dependents go down first, the last started first; then the disks go into maintenance.
        operations: [
          ...[...dependents].reverse().map((r) => ({
            operation: 'stopApplicationResource' as const,
            cluster: cluster ?? '',
            resource: r.name,
            onNode: r.ownerNode,
          })),
          ...diskResourceOperations(inputs, 'suspendResource'),
        ],
        undo: 'Resume-ClusterResource on the owner node.' + restartDependentsUndo(inputs),
        params: { resources: resourceTargetsOf(inputs), dependents: dependentTargetsOf(inputs) },
      },
    ];
  },
  ...diskResourceBehaviour('maintenance', 'suspendResource'),
};
