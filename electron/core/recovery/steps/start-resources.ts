/** Bringing the disk resources online on the recovered disks (after they were taken offline). */
import { resourceChanges, resourceTargetsOf } from './draft-inputs';
import { diskResourceBehaviour, diskResourceOperations, RETURN_DISKS_WHY } from './cluster-resources';
import type { StepModule } from './step-module';

export const startResources: StepModule<'start-resources'> = {
  draft(inputs) {
    if (inputs.resources.length === 0 || inputs.options.mode !== 'offline') return [];
    return [
      {
        kind: 'start-resources',
        title: 'Bring the disk resources online',
        why: RETURN_DISKS_WHY,
        destructive: false,
        confirmPhrase: null,
        changes: resourceChanges(inputs, 'Offline', 'Online'),
        operations: diskResourceOperations(inputs, 'startResource'),
        undo: 'Stop-ClusterResource again.',
        params: { resources: resourceTargetsOf(inputs) },
      },
    ];
  },
  ...diskResourceBehaviour('online', 'startResource'),
};
