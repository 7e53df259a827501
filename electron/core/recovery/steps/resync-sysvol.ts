/**
 * SYSVOL after the restore, as KB 2218556 describes for DFS Replication: non-authoritatively (this DC takes SYSVOL
 * from a partner) when the domain has other DCs, authoritatively (this DC's copy becomes the one of record) when it
 * is the only one. DFSR reads its settings from the directory, so this runs after the normal start
 * (docs/recovery-procedure.md#domain-controllers).
 */
import {
  EVENT_INVOCATION_ID_CHANGED,
  EVENT_SYSVOL_AUTHORITATIVE,
  EVENT_SYSVOL_NON_AUTHORITATIVE,
  eventsSince,
  writablePartners,
} from '../../../../shared/domain-controller';
import { domainControllerHost } from './draft-inputs';
import { domainControllerNow } from './domain-controller-reads';
import { report, type StepModule } from './step-module';

export const resyncSysvol: StepModule<'resync-sysvol'> = {
  draft(inputs) {
    const host = domainControllerHost(inputs);
    if (host === null) return [];
    const partnerNames = inputs.domainController ? writablePartners(inputs.domainController) : [];
    const authoritative = partnerNames.length === 0;
    const partners = partnerNames.join(', ');
    return [
      {
        kind: 'resync-sysvol',
        title: authoritative
          ? `Make ${host}'s SYSVOL authoritative (it is the only domain controller)`
          : `Resynchronise ${host}'s SYSVOL from ${partners} (non-authoritative)`,
        why: authoritative
          ? `${host} is the only domain controller of its domain, so its recovered SYSVOL becomes the copy of record (msDFSR-Options = 1, event 4602): there is no partner to take it from.`
          : `The recovered SYSVOL is as old as the snapshot; ${host} takes the current one from ${partners} (msDFSR-Enabled off and on again, event 4604), so group policies changed since the snapshot are not rolled back on it.`,
        destructive: false,
        confirmPhrase: null,
        changes: [
          {
            kind: 'host-setting',
            host,
            setting: 'SYSVOL',
            before: 'as in the snapshot',
            after: authoritative ? 'authoritative (4602)' : 'synchronised from a partner (4604)',
          },
        ],
        operations: [{ operation: 'resyncSysvol', host, authoritative }],
        undo: 'None: SYSVOL follows the directory, which cannot be rolled back after the normal start.',
        params: { host, authoritative },
      },
    ];
  },
  // Done when DFS Replication initialised SYSVOL (the way this step asks) since the DC took its new invocation ID.
  async probe(context, params) {
    const dc = await domainControllerNow(context, params.host);
    const restoredAt = dc.directoryEvents
      .filter((e) => e.id === EVENT_INVOCATION_ID_CHANGED)
      .map((e) => e.at)
      .sort((a, b) => Date.parse(a) - Date.parse(b))
      .at(-1);
    const wanted = params.authoritative ? EVENT_SYSVOL_AUTHORITATIVE : EVENT_SYSVOL_NON_AUTHORITATIVE;
    return restoredAt !== undefined && eventsSince(dc.dfsrEvents, [wanted], restoredAt).length > 0;
  },
  async apply(context, params) {
    report(context, await context.backend.resyncSysvol(params));
  },
};
