/** Ending maintenance mode on the disk resources, now on the recovered disks. */
import { resourceChanges, resourceTargetsOf } from './draft-inputs';
import { diskResourceBehaviour, diskResourceOperations, RETURN_DISKS_WHY } from './cluster-resources';
import type { StepModule } from './step-module';

export const resumeResources: StepModule<'resume-resources'> = {
  draft(inputs) {
    if (inputs.resources.length === 0 || inputs.options.mode !== 'maintenance') return [];
    return [
      {
        kind: 'resume-resources',
        title: 'End maintenance mode on the disk resources',
        why: RETURN_DISKS_WHY,
        destructive: false,
        confirmPhrase: null,
        changes: resourceChanges(inputs, 'Online(Maintenance)', 'Online'),
        operations: diskResourceOperations(inputs, 'resumeResource'),
        undo: 'Suspend-ClusterResource again.',
        params: { resources: resourceTargetsOf(inputs) },
      },
    ];
  },
  ...diskResourceBehaviour('online', 'resumeResource'),
};
