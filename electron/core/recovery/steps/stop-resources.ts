/** Taking the disk resources offline before their LUNs are masked away (the default cluster handling). */
import {
  dependentChanges,
  confirmPhraseOf,
  dependentNamesOf,
  dependentTargetsOf,
  resourceChanges,
  resourceTargetsOf,
} from './draft-inputs';
import { diskResourceBehaviour, diskResourceOperations, RELEASE_DISKS_WHY, restartDependentsUndo } from './cluster-resources';
import type { StepModule } from './step-module';

export const stopResources: StepModule<'stop-resources'> = {
  draft(inputs) {
    const { resources, dependents, options } = inputs;
    if (resources.length === 0 || options.mode !== 'offline') return [];
    return [
      {
        kind: 'stop-resources',
        title: `Take ${resources.length} disk resource(s) offline`,
        why:
          RELEASE_DISKS_WHY +
          (dependents.length === 0
            ? ''
            : ` Stop-ClusterResource takes what depends on the disks offline first: ${dependentNamesOf(inputs)} go down with them and are started again after the disks.`),
        destructive: true,
        confirmPhrase: confirmPhraseOf(inputs),
        // Stop-ClusterResource takes the dependents down first.
        changes: [...dependentChanges(inputs, 'Online', 'Offline'), ...resourceChanges(inputs, 'Online', 'Offline')],
        operations: diskResourceOperations(inputs, 'stopResource'),
        undo: 'Start-ClusterResource on the owner node (after the originals are unmasked again).' + restartDependentsUndo(inputs),
        params: { resources: resourceTargetsOf(inputs), dependents: dependentTargetsOf(inputs) },
      },
    ];
  },
  ...diskResourceBehaviour('offline', 'stopResource'),
};
