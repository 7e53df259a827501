/**
 * DiskRAID masking scripts (`diskraid /s FILE`), for arrays that still ship a VDS hardware provider.
 *
 * Grammar (Learn diskraid.md, reference §4.2):
 *   select subsystem <n> / select lun <n>
 *   unmask lun {all | none | [add] wwn=<hex>[;<hex>...] | [add] initiator=<iqn>[;<iqn>...]} [uninstall]
 * Without `add`, "the list of hosts supplied replaces the existing list of hosts" (IVdsLun::SetMask: "access
 * is not cumulative"). We never emit `add`: the caller computes the FULL new list, which is what the
 * operator sees and what the journal records. An empty list means "accessible to no host" = `unmask lun none`.
 * Note the iSCSI keyword is `initiator=`, not `iqn=`.
 */
import { invalid, validateDiskraidNumber, validateIqn, validateWwn } from './validate';
import { toScriptText } from './script-text';

export type LunAccess =
  /** Every host on the subsystem (`*`). Learn: not possible for iSCSI targets you are logged in to. */
  | { kind: 'all' }
  /** No host at all (`none`). */
  | { kind: 'none' }
  /** Exactly these FC host ports (16-hex WWNs); an empty list is the same as none. */
  | { kind: 'wwn'; wwns: readonly string[] }
  /** Exactly these iSCSI initiators (IQNs); an empty list is the same as none. */
  | { kind: 'iscsi'; initiators: readonly string[] };

export interface MaskingRequest {
  subsystem: number;
  lun: number;
  access: LunAccess;
  /** `uninstall`: uninstall the disk on the local host before the LUN is masked (SetMask asks callers to). */
  uninstallLocalDisk?: boolean;
}

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

/** Script: select the subsystem and LUN, set the complete access list, exit. */
export function buildMaskingScript(request: MaskingRequest): string {
  const subsystem = validateDiskraidNumber(request.subsystem, 'subsystem number');
  const lun = validateDiskraidNumber(request.lun, 'LUN number');
  return toScriptText([
    `select subsystem ${subsystem}`,
    `select lun ${lun}`,
    unmaskCommand(request.access, request.uninstallLocalDisk === true),
    'exit',
  ]);
}
