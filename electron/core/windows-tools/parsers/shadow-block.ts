/**
 * The per-shadow block shared by diskshadow and vshadow (docs/windows-facts.md#the-per-shadow-listing-block):
 *
 *   <TAB>* Shadow copy ID = {guid}<TAB><TAB>%alias%         vshadow: * SNAPSHOT ID = {guid} ...
 *   <TAB><TAB>- Shadow copy set: {guid}<TAB>%VSS_SHADOW_SET%   vshadow: - Shadow copy Set: {guid}
 *   - Original count of shadow copies = 1                      (`=`, not `:`)
 *   - Original volume name: \\?\Volume{guid}\ [C:\]            vshadow: Original Volume name
 *   - Creation time: 3/21/2023 6:15:41 PM                      vshadow: Creation Time
 *   - Shadow copy device name: ...
 *   - Originating machine: ... / - Service machine: ...
 *   - Not exposed                                              vshadow: Not Exposed | Exposed locally as: X | Exposed remotely as X
 *   - Provider ID: {guid}                                      vshadow: Provider id
 *   - Attributes:  No_Auto_Release Persistent ...              (space-separated tokens)
 *
 * Keys are matched case-insensitively and indentation is optional (captures lose tabs). A block ends at a
 * blank line or at any line that is not a `- ` property.
 */
import { ParseError } from './parse-error';
import { guidIn } from './guid-text';
import type { DateOptions } from './locale-date';
import { ListingFields } from './listing-fields';
import { emptyRecord, normalizeVolumePath, type ShadowCopyRecord, type ShadowListing } from './shadow-listing';
import type { LineCursor, LogicalLine } from './text-lines';
import {
  digitsValue,
  hasLineSeparatorIn,
  hasRegexLineSeparator,
  indexOfCode,
  isSpace,
  NameTable,
  type KeyedRule,
  skipNonSpace,
  skipSpace,
  skipSpaceBack,
  startsWithIgnoreCase,
} from './text-scan';

/**
 * Reads the header of a block from `[at, end)` of `src`, `at` being just past the `*` that starts it (after
 * optional indentation; the block parser only asks about such lines): true with the range of the raw id
 * text and the alias, if any, in `out`; false when the line is not a header.
 */
export type HeaderMatcher = (src: string, at: number, end: number, out: FieldValue) => boolean;

/** `^\s*\*\s*Shadow copy ID\s*=\s*(\S+)(?:\s+%([A-Za-z0-9_]+)%)?\s*$` (case-insensitive), read in place: one per shadow copy. */
export const diskshadowHeader: HeaderMatcher = (src, at, end, out) => {
  const name = skipSpace(src, at, end);
  if (!startsWithIgnoreCase(src, name, end, 'shadow copy id')) return false;
  const equals = skipSpace(src, name + 'shadow copy id'.length, end);
  return equals < end && src.charCodeAt(equals) === EQUALS && readIdAndAlias(src, equals + 1, end, out);
};

const VSHADOW_HEADER_REST = /^\s*SNAPSHOT ID\s*=\s*(\S+?)(?:\s*\.\.\.)?\s*$/di;

/** `^\s*\*\s*SNAPSHOT ID\s*=\s*(\S+?)(?:\s*\.\.\.)?\s*$` (case-insensitive). */
export const vshadowHeader: HeaderMatcher = (src, at, end, out) => {
  const id = VSHADOW_HEADER_REST.exec(src.slice(at, end))?.indices?.[1];
  if (id === undefined) return false;
  out.from = at + id[0];
  out.to = at + id[1];
  out.aliasFrom = -1;
  return true;
};

type PropertyKey =
  | 'setId'
  | 'originalCount'
  | 'originalVolume'
  | 'creationTime'
  | 'deviceName'
  | 'originatingMachine'
  | 'serviceMachine'
  | 'exposure'
  | 'pathExposed'
  | 'providerId'
  | 'attributes';

/** One bit per key: the keys already seen in a block fit in one number instead of a Set per block. */
const KEY_BIT: Record<PropertyKey, number> = {
  setId: 1 << 0,
  originalCount: 1 << 1,
  originalVolume: 1 << 2,
  creationTime: 1 << 3,
  deviceName: 1 << 4,
  originatingMachine: 1 << 5,
  serviceMachine: 1 << 6,
  exposure: 1 << 7,
  pathExposed: 1 << 8,
  providerId: 1 << 9,
  attributes: 1 << 10,
};

/** What follows a property's name, as the regex each rule stood for spells it. */
type Tail =
  | 'value' // `\s*(.*?)\s*$`
  | 'setId' // `\s*(\S+)(?:\s+%([A-Za-z0-9_]+)%)?\s*$`
  | 'count' // `\s*=\s*(\S+)\s*$`
  | 'none' // `\s*$`, the value being the name itself
  | 'optionalColon'; // `:?\s*(.*?)\s*$`

type PropertyRule = KeyedRule<PropertyKey, Tail>;

/** Property lines, after the leading `- `. */
const PROPERTY_RULES = new NameTable<PropertyRule>([
  { key: 'setId', name: 'Shadow copy set:', tail: 'setId', bit: KEY_BIT.setId },
  { key: 'originalCount', name: 'Original count of shadow copies', tail: 'count', bit: KEY_BIT.originalCount },
  { key: 'originalVolume', name: 'Original volume name:', tail: 'value', bit: KEY_BIT.originalVolume },
  { key: 'creationTime', name: 'Creation time:', tail: 'value', bit: KEY_BIT.creationTime },
  { key: 'deviceName', name: 'Shadow copy device name:', tail: 'value', bit: KEY_BIT.deviceName },
  { key: 'originatingMachine', name: 'Originating machine:', tail: 'value', bit: KEY_BIT.originatingMachine },
  { key: 'serviceMachine', name: 'Service machine:', tail: 'value', bit: KEY_BIT.serviceMachine },
  { key: 'exposure', name: 'Not exposed', tail: 'none', bit: KEY_BIT.exposure },
  { key: 'exposure', name: 'Exposed locally as:', tail: 'value', bit: KEY_BIT.exposure },
  { key: 'exposure', name: 'Exposed remotely as', tail: 'optionalColon', bit: KEY_BIT.exposure },
  { key: 'pathExposed', name: 'Path exposed:', tail: 'value', bit: KEY_BIT.pathExposed },
  { key: 'providerId', name: 'Provider ID:', tail: 'value', bit: KEY_BIT.providerId },
  { key: 'attributes', name: 'Attributes:', tail: 'value', bit: KEY_BIT.attributes },
]);

/**
 * Where the value of a header or property line is, as `[from, to)` of the line's string, and the alias it
 * defines, if any, as `[aliasFrom, aliasTo)` (aliasFrom -1 when none); one per parse, refilled line after
 * line, so that only the values kept become strings.
 */
export interface FieldValue {
  from: number;
  to: number;
  aliasFrom: number;
  aliasTo: number;
}

const noField = (): FieldValue => ({ from: 0, to: 0, aliasFrom: -1, aliasTo: -1 });

const STAR = 0x2a;
const DASH = 0x2d;
const COLON = 0x3a;
const EQUALS = 0x3d;
const PERCENT = 0x25;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NOT_EXPOSED = 'not exposed';

/**
 * The regex `^\s*-\s+(.*)$` on `[first, end)` of `src`, `first` being the line's first non-space index:
 * returns where the body `(.*)` starts, or -1 when the line is not a property line (`.` stops at U+2028/9).
 */
function propertyBodyStart(src: string, first: number, end: number, separators: boolean): number {
  if (first + 1 >= end || src.charCodeAt(first) !== DASH || !isSpace(src.charCodeAt(first + 1))) return -1;
  const body = skipSpace(src, first + 1, end);
  return hasLineSeparatorIn(src, body, end, separators) ? -1 : body;
}

function isAliasChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/** The rule whose name and tail fit the body `[body, end)`, with its value in `out`; null when none does. */
function matchProperty(src: string, body: number, end: number, out: FieldValue): PropertyRule | null {
  const rule = PROPERTY_RULES.find(src, body, end);
  return rule !== null && readTail(src, body, body + rule.name.length, end, rule, out) ? rule : null;
}

function readTail(src: string, body: number, at: number, end: number, rule: PropertyRule, out: FieldValue): boolean {
  out.aliasFrom = -1;
  switch (rule.tail) {
    case 'value':
      setTrimmed(out, src, at, end);
      return true;
    case 'optionalColon':
      setTrimmed(out, src, at < end && src.charCodeAt(at) === COLON ? at + 1 : at, end);
      return true;
    case 'none':
      out.from = body;
      out.to = at;
      return skipSpace(src, at, end) === end;
    case 'count': {
      const equals = skipSpace(src, at, end);
      if (equals >= end || src.charCodeAt(equals) !== EQUALS) return false;
      out.from = skipSpace(src, equals + 1, end);
      out.to = skipNonSpace(src, out.from, end);
      return out.to > out.from && skipSpace(src, out.to, end) === end;
    }
    case 'setId':
      return readIdAndAlias(src, at, end, out);
  }
}

/** `\s*(.*?)\s*$` on `[from, to)`. */
function setTrimmed(out: FieldValue, src: string, from: number, to: number): void {
  out.from = skipSpace(src, from, to);
  out.to = skipSpaceBack(src, out.from, to);
}

/** `\s*(\S+)(?:\s+%([A-Za-z0-9_]+)%)?\s*$` on `[at, end)`: a GUID as printed and an optional `%alias%`. */
function readIdAndAlias(src: string, at: number, end: number, out: FieldValue): boolean {
  const token = skipSpace(src, at, end);
  const tokenEnd = skipNonSpace(src, token, end);
  if (tokenEnd === token) return false;
  out.from = token;
  out.to = tokenEnd;
  out.aliasFrom = -1;
  const percent = skipSpace(src, tokenEnd, end);
  if (percent === end) return true;
  if (src.charCodeAt(percent) !== PERCENT) return false;
  let nameEnd = percent + 1;
  while (nameEnd < end && isAliasChar(src.charCodeAt(nameEnd))) nameEnd += 1;
  if (nameEnd === percent + 1 || nameEnd >= end || src.charCodeAt(nameEnd) !== PERCENT) return false;
  out.aliasFrom = percent + 1;
  out.aliasTo = nameEnd;
  return skipSpace(src, nameEnd + 1, end) === end;
}

/** True when `text` is a block header for `header` (used to stop wrap joining). */
export function isHeaderLine(text: string, header: HeaderMatcher): boolean {
  const first = skipSpace(text, 0, text.length);
  return text.charCodeAt(first) === STAR && header(text, first + 1, text.length, noField());
}

/** True when `text` is a property line of a shadow block (used to refuse orphans and to stop wrap joining). */
export function isShadowPropertyLine(text: string): boolean {
  const body = propertyBodyStart(text, skipSpace(text, 0, text.length), text.length, hasRegexLineSeparator(text));
  return body !== -1 && matchProperty(text, body, text.length, noField()) !== null;
}

function requireGuid(g: string | null, what: string, line: LogicalLine): string {
  if (g === null) throw new ParseError(`${what} is not a GUID`, line.line, line.raw);
  return g;
}

/**
 * Shared state machine. `known` returns true for tool lines that carry nothing for the listing (banners,
 * progress messages); `extra` may consume a line (e.g. alias definitions) and returns true if it did.
 */
export interface BlockParserSpec {
  header: HeaderMatcher;
  known: (text: string) => boolean;
  extra: (line: LogicalLine, listing: ShadowListing, state: { blocksSinceCount: number }) => boolean;
}

export function parseShadowBlocks(lines: LineCursor, spec: BlockParserSpec, options: DateOptions): ShadowListing {
  const listing: ShadowListing = { shadowCopies: [], aliases: {}, unparsed: [] };
  const state = { blocksSinceCount: 0 };
  const field = noField();
  const fields = new ListingFields(options, spaceSeparated);
  let current: ShadowCopyRecord | null = null;
  let seen = 0;

  while (lines.next()) {
    const { src, start, end } = lines;
    const first = skipSpace(src, start, end);
    if (first === end) {
      current = null;
      continue;
    }
    // Only a `*` line can be a header, so the header matcher stays off every other line.
    if (src.charCodeAt(first) === STAR && spec.header(src, first + 1, end, field)) {
      const id = requireGuid(guidIn(src, field.from, field.to), 'The shadow copy ID', lines);
      current = emptyRecord(id);
      seen = 0;
      listing.shadowCopies.push(current);
      state.blocksSinceCount += 1;
      if (field.aliasFrom !== -1) listing.aliases[fields.aliasName.at(src, field.aliasFrom, field.aliasTo)] = id;
      continue;
    }
    const body = propertyBodyStart(src, first, end, lines.lineSeparators);
    if (body !== -1) {
      const rule = matchProperty(src, body, end, field);
      if (rule !== null) {
        if (current === null) throw new ParseError('A shadow copy property appears outside a shadow copy block', lines.line, lines.raw);
        const bit = rule.bit;
        if ((seen & bit) !== 0) throw new ParseError('A shadow copy property appears twice in one block', lines.line, lines.raw);
        seen |= bit;
        applyProperty(current, rule.key, src, field, lines, listing, fields);
        continue;
      }
    } else {
      current = null;
    }
    if (spec.extra(lines, listing, state)) continue;
    const text = lines.text;
    if (spec.known(text)) continue;
    listing.unparsed.push(text);
  }
  return listing;
}

/** `/^\d{1,6}$/` on `[from, to)`. */
function isShortNumber(s: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 6) return false;
  for (let i = from; i < to; i += 1) {
    const code = s.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** `text.split(/\s+/).filter((t) => t.length > 0)` without the regex split and the filtered copy. */
function spaceSeparated(text: string): string[] {
  const tokens: string[] = [];
  let i = skipSpace(text, 0, text.length);
  while (i < text.length) {
    const tokenEnd = skipNonSpace(text, i, text.length);
    tokens.push(text.slice(i, tokenEnd));
    i = skipSpace(text, tokenEnd, text.length);
  }
  return tokens;
}

/** Applies the property whose value is `[value.from, value.to)` of `src`, slicing only what the record keeps. */
function applyProperty(
  record: ShadowCopyRecord,
  key: PropertyKey,
  src: string,
  value: FieldValue,
  line: LogicalLine,
  listing: ShadowListing,
  fields: ListingFields,
): void {
  const { from, to } = value;
  switch (key) {
    case 'setId': {
      const setId = requireGuid(fields.setId.at(src, from, to), 'The shadow copy set ID', line);
      record.setId = setId;
      if (value.aliasFrom !== -1) listing.aliases[fields.aliasName.at(src, value.aliasFrom, value.aliasTo)] = setId;
      return;
    }
    case 'originalCount': {
      if (!isShortNumber(src, from, to)) throw new ParseError('The original count is not a number', line.line, line.raw);
      record.originalCount = digitsValue(src, from, to);
      return;
    }
    case 'originalVolume': {
      // `\\?\Volume{guid}\ [C:\]`; the bracket may hold `volume not on this machine`, or be missing. As the
      // regex `^(.*?)\s*\[(.*)\]$`: when the value ends with `]`, it splits at the first `[`.
      const open = to - from > 0 && src.charCodeAt(to - 1) === CLOSE_BRACKET ? indexOfCode(src, OPEN_BRACKET, from, to) : -1;
      const path = open === -1 ? to : skipSpaceBack(src, from, open);
      record.originalVolume = path === from ? null : normalizeVolumePath(src.slice(from, path));
      if (open !== -1) {
        const labelStart = skipSpace(src, open + 1, to - 1);
        const labelEnd = skipSpaceBack(src, labelStart, to - 1);
        record.originalVolumeLabel = labelEnd === labelStart ? null : fields.volumeLabel.at(src, labelStart, labelEnd);
      }
      return;
    }
    case 'creationTime': {
      const time = to === from ? null : fields.creationTime.at(src, from, to);
      record.creationTime = time === null ? null : time.text;
      record.createdAt = time === null ? null : time.iso;
      return;
    }
    case 'deviceName':
      record.deviceName = to === from ? null : src.slice(from, to);
      return;
    case 'originatingMachine':
      record.originatingMachine = to === from ? null : fields.machine.at(src, from, to);
      return;
    case 'serviceMachine':
      record.serviceMachine = to === from ? null : fields.machine.at(src, from, to);
      return;
    case 'exposure':
      // `Not exposed`, or where: `Exposed locally as: X`, where X may itself read `not exposed`.
      record.exposedAs =
        to === from || (to - from === NOT_EXPOSED.length && startsWithIgnoreCase(src, from, to, NOT_EXPOSED)) ? null : src.slice(from, to);
      return;
    case 'pathExposed':
      // vshadow prints it under "Exposed remotely as <share>"; the share is what a client uses.
      return;
    case 'providerId':
      record.providerId = requireGuid(fields.providerId.at(src, from, to), 'The provider ID', line);
      return;
    case 'attributes':
      record.attributes = fields.attributes.at(src, from, to);
      return;
  }
}
