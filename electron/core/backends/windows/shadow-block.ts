/**
 * The per-shadow block shared by diskshadow and vshadow (reference §1.4, §2.4, §7 fact 5):
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
import { guidOrNull } from './guid-text';
import { toIsoLocal, type DateOptions } from './locale-date';
import { emptyRecord, normalizeVolumePath, type ShadowCopyRecord, type ShadowListing } from './shadow-listing';
import type { LogicalLine } from './text-lines';

/** Matches the header of a block; returns the raw id text and optional alias. */
export type HeaderMatcher = (text: string) => { idText: string; alias: string | null } | null;

export const diskshadowHeader: HeaderMatcher = (text) => {
  const m = /^\s*\*\s*Shadow copy ID\s*=\s*(\S+)(?:\s+%([A-Za-z0-9_]+)%)?\s*$/i.exec(text);
  return m === null ? null : { idText: m[1] ?? '', alias: m[2] ?? null };
};

export const vshadowHeader: HeaderMatcher = (text) => {
  const m = /^\s*\*\s*SNAPSHOT ID\s*=\s*(\S+?)(?:\s*\.\.\.)?\s*$/i.exec(text);
  return m === null ? null : { idText: m[1] ?? '', alias: null };
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

interface PropertyRule {
  key: PropertyKey;
  re: RegExp;
}

/** Property lines, after the leading `- ` was removed. */
const PROPERTY_RULES: PropertyRule[] = [
  { key: 'setId', re: /^Shadow copy set:\s*(\S+)(?:\s+%([A-Za-z0-9_]+)%)?\s*$/i },
  { key: 'originalCount', re: /^Original count of shadow copies\s*=\s*(\S+)\s*$/i },
  { key: 'originalVolume', re: /^Original volume name:\s*(.*?)\s*$/i },
  { key: 'creationTime', re: /^Creation time:\s*(.*?)\s*$/i },
  { key: 'deviceName', re: /^Shadow copy device name:\s*(.*?)\s*$/i },
  { key: 'originatingMachine', re: /^Originating machine:\s*(.*?)\s*$/i },
  { key: 'serviceMachine', re: /^Service machine:\s*(.*?)\s*$/i },
  { key: 'exposure', re: /^(Not exposed)\s*$/i },
  { key: 'exposure', re: /^Exposed locally as:\s*(.*?)\s*$/i },
  { key: 'exposure', re: /^Exposed remotely as:?\s*(.*?)\s*$/i },
  { key: 'pathExposed', re: /^Path exposed:\s*(.*?)\s*$/i },
  { key: 'providerId', re: /^Provider id:\s*(.*?)\s*$/i },
  { key: 'attributes', re: /^Attributes:\s*(.*?)\s*$/i },
];

export const PROPERTY_LINE = /^\s*-\s+(.*)$/;

/** True when `text` is a property line of a shadow block (used to refuse orphans and to stop wrap joining). */
export function isShadowPropertyLine(text: string): boolean {
  const m = PROPERTY_LINE.exec(text);
  if (m === null) return false;
  const body = m[1] ?? '';
  return PROPERTY_RULES.some((r) => r.re.test(body));
}

function requireGuid(text: string, what: string, line: LogicalLine): string {
  const g = guidOrNull(text);
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

export function parseShadowBlocks(lines: LogicalLine[], spec: BlockParserSpec, options: DateOptions): ShadowListing {
  const listing: ShadowListing = { shadowCopies: [], aliases: {}, unparsed: [] };
  const state = { blocksSinceCount: 0 };
  let current: ShadowCopyRecord | null = null;
  let seen = new Set<PropertyKey>();

  for (const line of lines) {
    const text = line.text;
    if (text.trim() === '') {
      current = null;
      continue;
    }
    const header = spec.header(text);
    if (header !== null) {
      const id = requireGuid(header.idText, 'The shadow copy ID', line);
      current = emptyRecord(id);
      seen = new Set();
      listing.shadowCopies.push(current);
      state.blocksSinceCount += 1;
      if (header.alias !== null) listing.aliases[header.alias] = id;
      continue;
    }
    const prop = PROPERTY_LINE.exec(text);
    if (prop !== null) {
      const body = prop[1] ?? '';
      const rule = PROPERTY_RULES.find((r) => r.re.test(body));
      if (rule !== undefined) {
        if (current === null) throw new ParseError('A shadow copy property appears outside a shadow copy block', line.line, line.raw);
        if (seen.has(rule.key)) throw new ParseError('A shadow copy property appears twice in one block', line.line, line.raw);
        seen.add(rule.key);
        applyProperty(current, rule, rule.re.exec(body) ?? [], line, listing, options);
        continue;
      }
    } else {
      current = null;
    }
    if (spec.extra(line, listing, state)) continue;
    if (spec.known(text)) continue;
    listing.unparsed.push(text);
  }
  return listing;
}

function applyProperty(
  record: ShadowCopyRecord,
  rule: PropertyRule,
  m: RegExpExecArray | string[],
  line: LogicalLine,
  listing: ShadowListing,
  options: DateOptions,
): void {
  const value = (m[1] ?? '').trim();
  switch (rule.key) {
    case 'setId': {
      record.setId = requireGuid(value, 'The shadow copy set ID', line);
      const alias = m[2];
      if (alias !== undefined && alias !== '') listing.aliases[alias] = record.setId;
      return;
    }
    case 'originalCount': {
      if (!/^\d{1,6}$/.test(value)) throw new ParseError('The original count is not a number', line.line, line.raw);
      record.originalCount = Number(value);
      return;
    }
    case 'originalVolume': {
      // `\\?\Volume{guid}\ [C:\]`; the bracket may hold `volume not on this machine`, or be missing.
      const vm = /^(.*?)\s*\[(.*)\]$/.exec(value);
      record.originalVolume = nonEmpty(normalizeVolumePath(vm === null ? value : (vm[1] ?? '')));
      record.originalVolumeLabel = vm === null ? null : nonEmpty((vm[2] ?? '').trim());
      return;
    }
    case 'creationTime':
      record.creationTime = nonEmpty(value);
      record.createdAt = record.creationTime === null ? null : toIsoLocal(record.creationTime, options);
      return;
    case 'deviceName':
      record.deviceName = nonEmpty(value);
      return;
    case 'originatingMachine':
      record.originatingMachine = nonEmpty(value);
      return;
    case 'serviceMachine':
      record.serviceMachine = nonEmpty(value);
      return;
    case 'exposure':
      record.exposedAs = /^not exposed$/i.test(value) ? null : nonEmpty(value);
      return;
    case 'pathExposed':
      // vshadow prints it under "Exposed remotely as <share>"; the share is what a client uses.
      return;
    case 'providerId':
      record.providerId = requireGuid(value, 'The provider ID', line);
      return;
    case 'attributes':
      record.attributes = value.split(/\s+/).filter((t) => t.length > 0);
      return;
  }
}

function nonEmpty(text: string): string | null {
  return text.length === 0 ? null : text;
}
