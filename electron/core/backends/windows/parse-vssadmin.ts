/**
 * Parser for `vssadmin list shadows` and `vssadmin create shadow` output (reference §3.2).
 *
 *   Contents of shadow copy set ID: {guid}                                   (0 spaces)
 *      Contained N shadow copies at creation time: 11/5/2016 1:19:40 AM      (3)
 *         Shadow Copy ID: {guid}                                             (6)
 *            Original Volume: (C:)\\?\Volume{guid}\                          (9)
 *            Shadow Copy Volume / Originating Machine / Service Machine / Provider: '<name>' / Type / Attributes
 * Attributes are comma-separated words and wrap at the 80-column console ("No writers," / " Differential"),
 * so physical lines are re-joined first (text-lines.ts). Indentation is not relied on.
 */
import { ParseError } from './parse-error';
import { guidOrNull } from './guid-text';
import { toIsoLocal, type DateOptions } from './locale-date';
import { emptyRecord, normalizeVolumePath, type ShadowCopyRecord, type ShadowListing } from './shadow-listing';
import { logicalLines, type LogicalLine } from './text-lines';

type Key =
  | 'set'
  | 'contained'
  | 'created'
  | 'shadowId'
  | 'originalVolume'
  | 'deviceName'
  | 'originatingMachine'
  | 'serviceMachine'
  | 'provider'
  | 'type'
  | 'attributes';

const RULES: { key: Key; re: RegExp }[] = [
  { key: 'set', re: /^Contents of shadow copy set ID:\s*(.*?)\s*$/i },
  { key: 'contained', re: /^Contained (\d+) shadow copies at creation time:\s*(.*?)\s*$/i },
  { key: 'created', re: /^Successfully created shadow copy for '(.*)'\s*$/i },
  { key: 'shadowId', re: /^Shadow Copy ID:\s*(.*?)\s*$/i },
  { key: 'originalVolume', re: /^Original Volume:\s*(.*?)\s*$/i },
  { key: 'deviceName', re: /^Shadow Copy Volume(?: Name)?:\s*(.*?)\s*$/i },
  { key: 'originatingMachine', re: /^Originating Machine:\s*(.*?)\s*$/i },
  { key: 'serviceMachine', re: /^Service Machine:\s*(.*?)\s*$/i },
  { key: 'provider', re: /^Provider:\s*(.*?)\s*$/i },
  { key: 'type', re: /^Type:\s*(.*?)\s*$/i },
  { key: 'attributes', re: /^Attributes:\s*(.*?)\s*$/i },
];

const KNOWN: RegExp[] = [
  /^vssadmin \S+ - Volume Shadow Copy Service administrative command-line tool$/i,
  /^\(C\) Copyright \d{4}-\d{4} Microsoft Corp\.$/i,
  /^No items found that satisfy the query\.$/i,
];

function startsRecord(line: string): boolean {
  const t = line.trim();
  return RULES.some((r) => r.re.test(t)) || KNOWN.some((re) => re.test(t)) || /^(?:Error:|C:\\|Do you really|Successfully deleted)/i.test(t);
}

function guid(text: string, what: string, line: LogicalLine): string {
  const g = guidOrNull(text);
  if (g === null) throw new ParseError(`${what} is not a GUID`, line.line, line.raw);
  return g;
}

export function parseVssadminOutput(text: string, options: DateOptions = {}): ShadowListing {
  if (typeof text !== 'string') throw new ParseError('vssadmin output is not text', 0, '');
  const listing: ShadowListing = { shadowCopies: [], aliases: {}, unparsed: [] };
  let setId: string | null = null;
  let setTime: string | null = null;
  let setCount: number | null = null;
  let createdFor: string | null = null;
  let current: ShadowCopyRecord | null = null;
  let seen = new Set<Key>();

  for (const line of logicalLines(text, startsRecord)) {
    const t = line.text.trim();
    if (t === '') continue;
    const rule = RULES.find((r) => r.re.test(t));
    if (rule === undefined) {
      if (!KNOWN.some((re) => re.test(t))) listing.unparsed.push(line.text);
      continue;
    }
    const m = rule.re.exec(t) ?? [];
    const value = (m[1] ?? '').trim();
    switch (rule.key) {
      case 'set':
        setId = guid(value, 'The shadow copy set ID', line);
        setTime = null;
        setCount = null;
        createdFor = null;
        current = null;
        continue;
      case 'contained':
        if (setId === null) throw new ParseError('"Contained ... shadow copies" appears before any shadow copy set', line.line, line.raw);
        setCount = Number(value);
        setTime = (m[2] ?? '').trim() || null;
        continue;
      case 'created':
        // `vssadmin create shadow` prints no set; the record that follows belongs to this volume.
        setId = null;
        setTime = null;
        setCount = null;
        createdFor = value;
        current = null;
        continue;
      case 'shadowId': {
        current = emptyRecord(guid(value, 'The shadow copy ID', line));
        seen = new Set();
        current.setId = setId;
        current.creationTime = setTime;
        current.createdAt = setTime === null ? null : toIsoLocal(setTime, options);
        current.originalCount = setCount;
        if (createdFor !== null) current.originalVolumeLabel = createdFor;
        listing.shadowCopies.push(current);
        continue;
      }
      default:
        break;
    }
    if (current === null) throw new ParseError('A shadow copy property appears before any "Shadow Copy ID:" line', line.line, line.raw);
    if (seen.has(rule.key)) throw new ParseError('A shadow copy property appears twice for one shadow copy', line.line, line.raw);
    seen.add(rule.key);
    switch (rule.key) {
      case 'originalVolume': {
        const vm = /^\(([^)]*)\)\s*(.*)$/.exec(value);
        current.originalVolumeLabel = vm === null ? current.originalVolumeLabel : (vm[1] ?? '').trim() || null;
        current.originalVolume = normalizeVolumePath(vm === null ? value : (vm[2] ?? '').trim()) || null;
        break;
      }
      case 'deviceName':
        current.deviceName = value || null;
        break;
      case 'originatingMachine':
        current.originatingMachine = value || null;
        break;
      case 'serviceMachine':
        current.serviceMachine = value || null;
        break;
      case 'provider': {
        const pm = /^'(.*)'$/.exec(value);
        current.providerName = (pm === null ? value : (pm[1] ?? '')) || null;
        break;
      }
      case 'type':
        current.type = value || null;
        break;
      case 'attributes':
        current.attributes = value
          .split(',')
          .map((a) => a.trim())
          .filter((a) => a.length > 0);
        break;
      default:
        break;
    }
  }
  return listing;
}
