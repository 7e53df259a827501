/** Putting the disk resources in maintenance mode before their LUNs are masked away (the operator's choice). */
import { confirmPhraseOf, dependentNamesOf, dependentTargetsOf, resourceChanges, resourceTargetsOf } from './draft-inputs';
import { diskResourceBehaviour, diskResourceOperations, RELEASE_DISKS_WHY, restartDependentsUndo } from './cluster-resources';
import type { StepModule } from './step-module';

export const suspendResources: StepModule<'suspend-resources'> = {
  draft(inputs) {
    const { resources, dependents, options } = inputs;
    if (resources.length === 0 || options.mode !== 'maintenance') return [];
    return [
      {
        kind: 'suspend-resources',
        title: `Put ${resources.length} disk resource(s) in maintenance mode`,
        why:
          RELEASE_DISKS_WHY +
          (dependents.length === 0
            ? ''
            : ` Maintenance mode leaves ${dependentNamesOf(inputs)} online (for plain disks; a Cluster Shared Volume would take them offline).`),
        destructive: true,
        confirmPhrase: confirmPhraseOf(inputs),
        // Maintenance mode on a plain disk does not touch the dependents.
        changes: resourceChanges(inputs, 'Online', 'Online(Maintenance)'),
        operations: diskResourceOperations(inputs, 'suspendResource'),
        undo: 'Resume-ClusterResource on the owner node.' + restartDependentsUndo(inputs),
        params: { resources: resourceTargetsOf(inputs), dependents: dependentTargetsOf(inputs) },
      },
    ];
  },
  ...diskResourceBehaviour('maintenance'),
};
