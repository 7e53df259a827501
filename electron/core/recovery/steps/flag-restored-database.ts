/**
 * `Database restored from backup` = 1 under NTDS\Parameters, set in DSRM on the recovered database: at its next
 * normal start the DC takes a new invocation ID (event 1109) and raises `DSA Previous Restore Count`, so its
 * partners send it every change made since the snapshot instead of detecting a USN rollback
 * (docs/recovery-procedure.md#domain-controllers).
 */
import { domainControllerHost } from './draft-inputs';
import { domainControllerNow } from './domain-controller-reads';
import { report, type StepModule } from './step-module';

export const flagRestoredDatabase: StepModule<'flag-restored-database'> = {
  draft(inputs) {
    const host = domainControllerHost(inputs);
    if (host === null) return [];
    return [
      {
        kind: 'flag-restored-database',
        title: `Mark ${host}'s database as restored from backup`,
        why: `Without this value, ${host} would start on the snapshot's database with its old invocation ID and older USNs, which its partners take for a USN rollback: the DC quarantines itself (Dsa Not Writable) and must be demoted. With it, ${host} takes a new invocation ID at its next normal start and gets the changes since the snapshot back by replication.`,
        destructive: false,
        confirmPhrase: null,
        changes: [
          { kind: 'host-setting', host, setting: 'NTDS "Database restored from backup"', before: 'absent', after: '1 (REG_DWORD)' },
        ],
        operations: [{ operation: 'setDatabaseRestoredFlag', host, restored: true }],
        undo: 'Remove the value again, before the DC starts normally (after that start it is consumed).',
        params: { host },
      },
    ];
  },
  async probe(context, params) {
    return (await domainControllerNow(context, params.host)).restoredFlag === 1;
  },
  capture: async (context, params) => ({ restoredFlag: (await domainControllerNow(context, params.host)).restoredFlag }),
  async apply(context, params) {
    report(context, await context.backend.setDatabaseRestoredFlag({ host: params.host, restored: true }));
  },
  async compensate(context, params, before) {
    if ((before as { restoredFlag: number | null }).restoredFlag === 1) return;
    report(context, await context.backend.setDatabaseRestoredFlag({ host: params.host, restored: false }));
  },
};
