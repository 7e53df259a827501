/**
 * Parser for `vssadmin list shadows` and `vssadmin create shadow` output
 * (docs/windows-facts.md#listings-depend-on-locale-console-width-and-case).
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
import { guidIn } from './guid-text';
import type { DateOptions } from './locale-date';
import { ListingFields, type CreationTime } from './listing-fields';
import { emptyRecord, normalizeVolumePath, type ShadowCopyRecord, type ShadowListing } from './shadow-listing';
import { KnownLines } from './known-lines';
import { LineCursor, type LogicalLine } from './text-lines';
import {
  hasLineSeparatorIn,
  hasRegexLineSeparator,
  indexOfCode,
  NameTable,
  skipSpace,
  type KeyedRule,
  skipSpaceBack,
  startsWithIgnoreCase,
  trimmedSlice,
} from './text-scan';

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

/** One bit per key: the keys already seen for a shadow copy fit in one number instead of a Set per copy. */
const KEY_BIT: Record<Key, number> = {
  set: 1 << 0,
  contained: 1 << 1,
  created: 1 << 2,
  shadowId: 1 << 3,
  originalVolume: 1 << 4,
  deviceName: 1 << 5,
  originatingMachine: 1 << 6,
  serviceMachine: 1 << 7,
  provider: 1 << 8,
  type: 1 << 9,
  attributes: 1 << 10,
};

/** What follows a key's name on the trimmed line, as the regex each rule stood for spells it. */
type Tail =
  | 'value' // `\s*(.*?)\s*$`
  | 'contained' // `(\d+) shadow copies at creation time:\s*(.*?)\s*$`
  | 'quoted' // `(.*)'\s*$`
  | 'volumeName'; // `(?: Name)?:\s*(.*?)\s*$`

type Rule = KeyedRule<Key, Tail>;

const RULES = new NameTable<Rule>([
  { key: 'set', name: 'Contents of shadow copy set ID:', tail: 'value', bit: KEY_BIT.set },
  { key: 'contained', name: 'Contained ', tail: 'contained', bit: KEY_BIT.contained },
  { key: 'created', name: "Successfully created shadow copy for '", tail: 'quoted', bit: KEY_BIT.created },
  { key: 'shadowId', name: 'Shadow Copy ID:', tail: 'value', bit: KEY_BIT.shadowId },
  { key: 'originalVolume', name: 'Original Volume:', tail: 'value', bit: KEY_BIT.originalVolume },
  { key: 'deviceName', name: 'Shadow Copy Volume', tail: 'volumeName', bit: KEY_BIT.deviceName },
  { key: 'originatingMachine', name: 'Originating Machine:', tail: 'value', bit: KEY_BIT.originatingMachine },
  { key: 'serviceMachine', name: 'Service Machine:', tail: 'value', bit: KEY_BIT.serviceMachine },
  { key: 'provider', name: 'Provider:', tail: 'value', bit: KEY_BIT.provider },
  { key: 'type', name: 'Type:', tail: 'value', bit: KEY_BIT.type },
  { key: 'attributes', name: 'Attributes:', tail: 'value', bit: KEY_BIT.attributes },
]);

/**
 * Where the values of a key line are, as ranges of the line's string (`time` only for `contained`); one per
 * parse, refilled line after line, so that only the values kept become strings.
 */
interface RuleValue {
  from: number;
  to: number;
  timeFrom: number;
  timeTo: number;
}

const noValue = (): RuleValue => ({ from: 0, to: 0, timeFrom: 0, timeTo: 0 });

const KNOWN = new KnownLines([
  { prefix: 'vssadmin ', pattern: /^vssadmin \S+ - Volume Shadow Copy Service administrative command-line tool$/i },
  { prefix: '(C) Copyright ', pattern: /^\(C\) Copyright \d{4}-\d{4} Microsoft Corp\.$/i },
  { prefix: 'No items found that satisfy the query.', pattern: /^No items found that satisfy the query\.$/i },
]);

/** `^(?:Error:|C:\\|Do you really|Successfully deleted)` (case-insensitive): lines that are not continuations of a wrapped one. */
const OTHER_RECORD_STARTS = ['error:', 'c:\\', 'do you really', 'successfully deleted'];
const CONTAINED_REST = ' shadow copies at creation time:';
const VOLUME_NAME_SUFFIX = ' name:';
const COLON = 0x3a;
const QUOTE = 0x27;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/**
 * `\s*(.*?)\s*$` on `[from, to)`: true with the trimmed range in `out`, or false when it holds U+2028/U+2029,
 * which `.` does not match (then the rule does not apply).
 */
function valueTail(src: string, from: number, to: number, separators: boolean, out: RuleValue): boolean {
  out.from = skipSpace(src, from, to);
  out.to = skipSpaceBack(src, out.from, to);
  return !hasLineSeparatorIn(src, out.from, out.to, separators);
}

/** The rule whose name and tail fit the trimmed line `[from, to)`, with its values in `out`; null when none does. */
function matchRule(src: string, from: number, to: number, separators: boolean, out: RuleValue): Rule | null {
  const rule = RULES.find(src, from, to);
  return rule !== null && readTail(src, from + rule.name.length, to, separators, rule.tail, out) ? rule : null;
}

function readTail(src: string, at: number, to: number, separators: boolean, tail: Tail, out: RuleValue): boolean {
  switch (tail) {
    case 'value':
      return valueTail(src, at, to, separators, out);
    case 'contained': {
      let digitsEnd = at;
      while (digitsEnd < to && src.charCodeAt(digitsEnd) >= 0x30 && src.charCodeAt(digitsEnd) <= 0x39) digitsEnd += 1;
      if (digitsEnd === at || !startsWithIgnoreCase(src, digitsEnd, to, CONTAINED_REST)) return false;
      if (!valueTail(src, digitsEnd + CONTAINED_REST.length, to, separators, out)) return false;
      out.timeFrom = out.from;
      out.timeTo = out.to;
      out.from = at;
      out.to = digitsEnd;
      return true;
    }
    case 'quoted':
      // The line is trimmed, so the closing quote must be its last character.
      if (to - 1 < at || src.charCodeAt(to - 1) !== QUOTE || hasLineSeparatorIn(src, at, to - 1, separators)) return false;
      out.from = skipSpace(src, at, to - 1);
      out.to = skipSpaceBack(src, out.from, to - 1);
      return true;
    case 'volumeName': {
      const colon = startsWithIgnoreCase(src, at, to, VOLUME_NAME_SUFFIX) ? at + VOLUME_NAME_SUFFIX.length - 1 : at;
      if (colon >= to || src.charCodeAt(colon) !== COLON) return false;
      return valueTail(src, colon + 1, to, separators, out);
    }
  }
}

/** Filled by startsRecord, which runs on every line after a full-width one and so makes nothing of its own. */
const recordStartValue = noValue();

function startsRecord(line: string): boolean {
  const from = skipSpace(line, 0, line.length);
  const to = skipSpaceBack(line, from, line.length);
  if (matchRule(line, from, to, hasRegexLineSeparator(line), recordStartValue) !== null || KNOWN.test(line, from, to)) return true;
  for (const prefix of OTHER_RECORD_STARTS) if (startsWithIgnoreCase(line, from, to, prefix)) return true;
  return false;
}

function requireGuid(g: string | null, what: string, line: LogicalLine): string {
  if (g === null) throw new ParseError(`${what} is not a GUID`, line.line, line.raw);
  return g;
}

/** `text.split(',').map((a) => a.trim()).filter((a) => a.length > 0)` without the intermediate arrays. */
function commaSeparated(text: string): string[] {
  const items: string[] = [];
  let from = 0;
  while (from <= text.length) {
    const comma = text.indexOf(',', from);
    const to = comma === -1 ? text.length : comma;
    const item = trimmedSlice(text, from, to);
    if (item.length > 0) items.push(item);
    from = to + 1;
  }
  return items;
}

export function parseVssadminOutput(text: string, options: DateOptions = {}): ShadowListing {
  if (typeof text !== 'string') throw new ParseError('vssadmin output is not text', 0, '');
  const listing: ShadowListing = { shadowCopies: [], aliases: {}, unparsed: [] };
  let setId: string | null = null;
  let setTime: CreationTime | null = null;
  let setCount: number | null = null;
  let createdFor: string | null = null;
  let current: ShadowCopyRecord | null = null;
  let seen = 0;
  const matched = noValue();
  const fields = new ListingFields(options, commaSeparated);

  const line = new LineCursor(text, startsRecord);
  while (line.next()) {
    const src = line.src;
    const from = skipSpace(src, line.start, line.end);
    const to = skipSpaceBack(src, from, line.end);
    if (from === to) continue;
    const rule = matchRule(src, from, to, line.lineSeparators, matched);
    if (rule === null) {
      if (!KNOWN.test(src, from, to)) listing.unparsed.push(line.text);
      continue;
    }
    const value = matched;
    const empty = value.from === value.to;
    switch (rule.key) {
      case 'set':
        setId = requireGuid(guidIn(src, value.from, value.to), 'The shadow copy set ID', line);
        setTime = null;
        setCount = null;
        createdFor = null;
        current = null;
        continue;
      case 'contained':
        if (setId === null) throw new ParseError('"Contained ... shadow copies" appears before any shadow copy set', line.line, line.raw);
        setCount = Number(src.slice(value.from, value.to));
        setTime = value.timeFrom === value.timeTo ? null : fields.creationTime.at(src, value.timeFrom, value.timeTo);
        continue;
      case 'created':
        // `vssadmin create shadow` prints no set; the record that follows belongs to this volume.
        setId = null;
        setTime = null;
        setCount = null;
        createdFor = src.slice(value.from, value.to);
        current = null;
        continue;
      case 'shadowId': {
        current = emptyRecord(requireGuid(guidIn(src, value.from, value.to), 'The shadow copy ID', line));
        seen = 0;
        current.setId = setId;
        current.creationTime = setTime === null ? null : setTime.text;
        current.createdAt = setTime === null ? null : setTime.iso;
        current.originalCount = setCount;
        if (createdFor !== null) current.originalVolumeLabel = createdFor;
        listing.shadowCopies.push(current);
        continue;
      }
      default:
        break;
    }
    if (current === null) throw new ParseError('A shadow copy property appears before any "Shadow Copy ID:" line', line.line, line.raw);
    const bit = rule.bit;
    if ((seen & bit) !== 0) throw new ParseError('A shadow copy property appears twice for one shadow copy', line.line, line.raw);
    seen |= bit;
    switch (rule.key) {
      case 'originalVolume': {
        // `(C:)\\?\Volume{guid}\`, as the regex `^\(([^)]*)\)\s*(.*)$`: a label in the first parentheses, then the path.
        const close = !empty && src.charCodeAt(value.from) === OPEN_PAREN ? indexOfCode(src, CLOSE_PAREN, value.from, value.to) : -1;
        if (close !== -1) {
          const labelStart = skipSpace(src, value.from + 1, close);
          const labelEnd = skipSpaceBack(src, labelStart, close);
          current.originalVolumeLabel = labelStart === labelEnd ? null : fields.volumeLabel.at(src, labelStart, labelEnd);
        }
        const path = close === -1 ? value.from : skipSpace(src, close + 1, value.to);
        current.originalVolume = path === value.to ? null : normalizeVolumePath(src.slice(path, value.to));
        break;
      }
      case 'deviceName':
        current.deviceName = empty ? null : src.slice(value.from, value.to);
        break;
      case 'originatingMachine':
        current.originatingMachine = empty ? null : fields.machine.at(src, value.from, value.to);
        break;
      case 'serviceMachine':
        current.serviceMachine = empty ? null : fields.machine.at(src, value.from, value.to);
        break;
      case 'provider': {
        // `'<name>'`: the quotes go when both are there.
        const quoted = value.to - value.from >= 2 && src.charCodeAt(value.from) === QUOTE && src.charCodeAt(value.to - 1) === QUOTE;
        const nameFrom = quoted ? value.from + 1 : value.from;
        const nameTo = quoted ? value.to - 1 : value.to;
        current.providerName = nameFrom === nameTo ? null : fields.providerName.at(src, nameFrom, nameTo);
        break;
      }
      case 'type':
        current.type = empty ? null : fields.type.at(src, value.from, value.to);
        break;
      case 'attributes':
        current.attributes = fields.attributes.at(src, value.from, value.to);
        break;
      default:
        break;
    }
  }
  return listing;
}
