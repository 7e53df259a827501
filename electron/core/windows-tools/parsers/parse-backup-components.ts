/**
 * The shadow LUN of each shadow copy, from a set's Backup Components Document (the XML diskshadow saves in the
 * metadata .cab, read by `readBackupComponentsCommand`). After the shadow copies are made, VSS asks the hardware
 * provider to describe each new LUN by its page 0x83 device identifiers (GetTargetLuns), and keeps that
 * description so the LUNs can be found again at import (docs/windows-facts.md#the-backup-components-document-names-each-shadow-lun).
 *
 * Microsoft publishes no schema for the document's XML. What is read here: each `SNAPSHOT_DESCRIPTION` element
 * (its `snapshotId` attribute is the shadow copy ID) and, inside its `LUN_MAPPING`, the `DESTINATION_LUN` subtree
 * (the shadow LUN) and the `SOURCE_LUN` subtree (the original LUN);
 * every attribute of a `STORAGE_IDENTIFIER` element there is a candidate identifier: upper-case hex when it is hex or
 * base64, else as written (Get-Disk and Get-VirtualDisk show binary identifiers as hex). Which
 * candidate is the LUN is decided by matching against the UniqueIds the array and the hosts report, never guessed.
 */
import { ParseError } from './parse-error';
import { parsePowerShellJson, requiredString } from './parse-powershell-json';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

export interface ShadowLunRecord {
  /** The shadow copy ID, lower case, without braces. */
  shadowCopyId: string;
  /** Candidate page 0x83 identifiers of the shadow LUN (empty when the document names none). */
  identifiers: string[];
  /** Candidate page 0x83 identifiers of the original LUN the shadow copy was made of (its `SOURCE_LUN`). */
  sourceIdentifiers: string[];
}

export interface BackupComponents {
  /** The shadow copy set ID, lower case, without braces (null when the document names none). */
  setId: string | null;
  shadows: ShadowLunRecord[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

const lineAt = (text: string, at: number) => ({
  line: text.slice(0, at).split('\n').length,
  text: text.split('\n')[text.slice(0, at).split('\n').length - 1] ?? '',
});

/** Elements and attributes of a machine-written XML document; text, comments and declarations are skipped. */
function parseXml(text: string, what: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const open: XmlElement[] = [root];
  const tag =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>/g;
  const attribute = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  let scanned = 0;
  while ((match = tag.exec(text)) !== null) {
    const between = text.slice(scanned, match.index);
    if (between.includes('<')) {
      const at = lineAt(text, scanned + between.indexOf('<'));
      throw new ParseError(`${what} is not well-formed XML`, at.line, at.text);
    }
    scanned = tag.lastIndex;
    const [, closing, name, attributeText, selfClosing] = match;
    if (name === undefined) continue;
    const parent = open[open.length - 1] ?? root;
    if (closing === '/') {
      if (parent.name !== name || open.length === 1) {
        const at = lineAt(text, match.index);
        throw new ParseError(`${what}: </${name}> closes <${parent.name}>`, at.line, at.text);
      }
      open.pop();
      continue;
    }
    const element: XmlElement = { name, attributes: {}, children: [] };
    for (const a of (attributeText ?? '').matchAll(attribute)) element.attributes[a[1] ?? ''] = decodeEntities(a[2] ?? a[3] ?? '');
    parent.children.push(element);
    if (selfClosing !== '/') open.push(element);
  }
  if (open.length > 1) throw new ParseError(`${what} ends before <${open[open.length - 1]?.name}> is closed`, 0, '');
  return root;
}

function* descendants(element: XmlElement, name: string): Generator<XmlElement> {
  for (const child of element.children) {
    if (child.name.toUpperCase() === name) yield child;
    yield* descendants(child, name);
  }
}

const attributeOf = (element: XmlElement, name: string): string | null =>
  Object.entries(element.attributes).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;

const bareGuid = (value: string): string => value.replace(/[{}]/g, '').trim().toLowerCase();

/**
 * An identifier as Get-Disk would show it: hex in upper case (binary identifiers written as hex or as base64 of at
 * least 8 bytes), or the text as written (a SCSI name string).
 */
function candidates(value: string): string[] {
  const text = value.trim();
  if (text.length < 8) return [];
  if (/^(?:[0-9a-f]{2})+$/i.test(text)) return [text.toUpperCase()];
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0) {
    const bytes = atob(text);
    if (bytes.length >= 8)
      return [
        [...bytes]
          .map((c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
          .join('')
          .toUpperCase(),
      ];
  }
  return [text];
}

/** The candidate identifiers of one side of a snapshot's LUN mappings (`SOURCE_LUN` or `DESTINATION_LUN`). */
function lunIdentifiers(snapshot: XmlElement, side: 'SOURCE_LUN' | 'DESTINATION_LUN'): string[] {
  const identifiers = [...descendants(snapshot, 'LUN_MAPPING')]
    .flatMap((mapping) => [...descendants(mapping, side)])
    .flatMap((lun) => [...descendants(lun, 'STORAGE_IDENTIFIER')])
    .flatMap((identifier) => Object.values(identifier.attributes).flatMap(candidates));
  return [...new Set(identifiers)];
}

function shadowOf(snapshot: XmlElement): ShadowLunRecord {
  return {
    shadowCopyId: bareGuid(attributeOf(snapshot, 'snapshotId') ?? ''),
    identifiers: lunIdentifiers(snapshot, 'DESTINATION_LUN'),
    sourceIdentifiers: lunIdentifiers(snapshot, 'SOURCE_LUN'),
  };
}

/** The document that describes a shadow copy set, among the XML files of a metadata .cab. */
export function parseBackupComponents(output: string): BackupComponents {
  const what = 'The metadata .cab';
  const files = parsePowerShellJson(output, what).map((item) => ({
    name: requiredString(item, 'Name', what),
    text: typeof item['Text'] === 'string' ? item['Text'] : '',
  }));
  for (const file of files) {
    const document = parseXml(file.text.replace(/^\uFEFF/, ''), `${file.name} in the metadata .cab`);
    const set = descendants(document, 'SNAPSHOT_SET_DESCRIPTION').next().value;
    if (set === undefined) continue;
    const setId = attributeOf(set, 'snapshotSetId');
    return {
      setId: setId === null ? null : bareGuid(setId),
      shadows: [...descendants(set, 'SNAPSHOT_DESCRIPTION')].map(shadowOf).filter((s) => s.shadowCopyId !== ''),
    };
  }
  throw new ParseError(
    `${what} holds no Backup Components Document describing a shadow copy set (files: ${files.map((f) => f.name).join(', ') || 'none'})`,
    0,
    '',
  );
}
