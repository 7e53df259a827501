/**
 * DiskRAID's `unmask lun` command, for arrays that still ship a VDS hardware provider; diskraid-session.ts sends it
 * in one checked session, after `detail lun` showed the selected LUN is the right one.
 *
 * Grammar (docs/windows-facts.md#diskraid-unmask-replaces-the-list):
 *   select subsystem <n> / select lun <n>
 *   unmask lun {all | none | [add] wwn=<hex>[;<hex>...] | [add] initiator=<iqn>[;<iqn>...]} [uninstall]
 * Without `add`, "the list of hosts supplied replaces the existing list of hosts" (IVdsLun::SetMask: "access
 * is not cumulative"). We never emit `add`: the caller computes the FULL new list, which is what the
 * operator sees and what the journal records. An empty list means "accessible to no host" = `unmask lun none`.
 * Note the iSCSI keyword is `initiator=`, not `iqn=`.
 */
import { invalid, validateIqn, validateWwn } from './validate';

export type LunAccess =
  /** Every host on the subsystem (`*`). Learn: not possible for iSCSI targets you are logged in to. */
  | { kind: 'all' }
  /** No host at all (`none`). */
  | { kind: 'none' }
  /** Exactly these FC host ports (16-hex WWNs); an empty list is the same as none. */
  | { kind: 'wwn'; wwns: readonly string[] }
  /** Exactly these iSCSI initiators (IQNs); an empty list is the same as none. */
  | { kind: 'iscsi'; initiators: readonly string[] };

/** The `unmask lun ...` command for the full new access list (exported for previews). */
export function unmaskCommand(access: LunAccess, uninstallLocalDisk = false): string {
  let body: string;
  switch (access.kind) {
    case 'all':
      body = 'all';
      break;
    case 'none':
      body = 'none';
      break;
    case 'wwn': {
      const list = uniqueList(access.wwns, (v, i) => validateWwn(v, `WWN ${i + 1}`), 'WWNs');
      body = list.length === 0 ? 'none' : `wwn=${list.join(';')}`;
      break;
    }
    case 'iscsi': {
      const list = uniqueList(access.initiators, (v, i) => validateIqn(v, `iSCSI initiator ${i + 1}`), 'initiators');
      body = list.length === 0 ? 'none' : `initiator=${list.join(';')}`;
      break;
    }
    default:
      throw invalid('LUN access', access, 'it is not a known access kind', 'all, none, wwn or iscsi');
  }
  return uninstallLocalDisk ? `unmask lun ${body} uninstall` : `unmask lun ${body}`;
}

function uniqueList(values: unknown, validate: (v: unknown, i: number) => string, what: string): string[] {
  if (!Array.isArray(values)) throw invalid(what, values, 'it is not a list', `a list of ${what}`);
  const out: string[] = [];
  values.forEach((v, i) => {
    const normal = validate(v, i);
    // Duplicates are harmless to the array but make the shown list misleading; keep the first.
    if (!out.includes(normal)) out.push(normal);
  });
  return out;
}
