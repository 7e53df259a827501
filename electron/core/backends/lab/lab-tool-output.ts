/**
 * What a Lab host's `vssadmin list shadows` prints, in the Lab's display language (`shadowswap lab language`),
 * so that the saved-output path (`shadowswap parse`, "Open saved output…") runs on a localized estate. The labels
 * are the parser's own (vssadmin-labels.ts: French from a real capture, German and Spanish inferred), laid out
 * as vssadmin lays them out, hard-wrapped at 80 columns as a console captures them.
 *
 * A host holds the shadow copies of the sets imported there and not yet broken: a transportable set is not
 * stored on any host until it is imported, and a broken set is ordinary LUNs (docs/windows-channels.md).
 */
import { ShadowSwapError } from '../../../../shared/errors';
import { VSSADMIN_LABELS, type VssadminLabels } from '../../windows-tools/parsers/vssadmin-labels';
import type { LabLanguage, LabSnapshotSet, LabState } from './lab-model';

const CONSOLE_WIDTH = 80;

/** The attributes of an imported hardware transportable shadow copy (fr from the real capture's words; de, es inferred). */
const ATTRIBUTES: Record<LabLanguage, string> = {
  'en-US': 'Persistent, No auto release, Transportable, Hardware assisted, Imported',
  'fr-FR': 'Persistent, Pas de libération automatique, Transportable, Matériel, Importé',
  'de-DE': 'Dauerhaft, Keine automatische Freigabe, Transportierbar, Hardwaregestützt, Importiert',
  'es-ES': 'Persistente, Sin liberación automática, Transportable, Asistido por hardware, Importado',
};

const two = (n: number): string => String(n).padStart(2, '0');

/** The host's short date and long time, as vssadmin prints them (the Lab's times are the hosts' local times). */
function printedTime(iso: string, language: LabLanguage): string {
  const t = new Date(iso);
  const y = t.getUTCFullYear();
  const mo = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  const h = t.getUTCHours();
  const mi = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  if (language === 'en-US') return `${mo}/${d}/${y} ${h % 12 === 0 ? 12 : h % 12}:${two(mi)}:${two(s)} ${h < 12 ? 'AM' : 'PM'}`;
  const date = language === 'de-DE' ? `${two(d)}.${two(mo)}.${y}` : `${two(d)}/${two(mo)}/${y}`;
  return `${date} ${two(h)}:${two(mi)}:${two(s)}`;
}

/** A console line: cut every 80 columns, as the console wraps it. */
function wrapped(line: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < line.length; at += CONSOLE_WIDTH) pieces.push(line.slice(at, at + CONSOLE_WIDTH));
  return pieces;
}

function setLines(
  state: LabState,
  set: LabSnapshotSet,
  host: string,
  labels: VssadminLabels,
  language: LabLanguage,
  first: number,
): string[] {
  // French puts a space before the colon.
  const colon = language === 'fr-FR' ? ' :' : ':';
  const provider = state.arrays.find((a) => a.providerId === set.providerId)?.providerName ?? set.providerId;
  const lines = [
    `${labels.set}${colon} {${set.id}}`,
    `   ${labels.contained[0]}${set.shadowCopies.length}${labels.contained[1]}${colon} ${printedTime(set.createdAt, language)}`,
  ];
  set.shadowCopies.forEach((copy, i) => {
    const label = copy.originalDriveLetter === null ? '' : `(${copy.originalDriveLetter})`;
    lines.push(
      `      ${labels.shadowId}${colon} {${copy.id}}`,
      `         ${labels.originalVolume}${colon} ${label}${copy.originalVolume}`,
      `         ${labels.deviceName}${colon} \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy${first + i}`,
      `         ${labels.originatingMachine[0]}${colon} ${set.sourceHost}`,
      `         ${labels.serviceMachine}${colon} ${host}`,
      `         ${labels.provider}${colon} '${provider}'`,
      `         ${labels.type}${colon} ApplicationRollback`,
      `         ${labels.attributes}${colon} ${ATTRIBUTES[language]}`,
    );
  });
  return lines.flatMap(wrapped);
}

/** `vssadmin list shadows` on `host`, with CRLF line ends as the console writes them. */
export function vssadminListShadows(state: LabState, host: string): string {
  // An unknown host would print an empty listing: "none" where the name was only mistyped.
  const known = state.hosts.find((h) => h.name.toLowerCase() === host.toLowerCase());
  if (known === undefined)
    throw new ShadowSwapError('NOT_FOUND', `${host} is not a Lab host. Its hosts: ${state.hosts.map((h) => h.name).join(', ')}.`, { host });
  const language = state.settings.language;
  const labels = VSSADMIN_LABELS.find((l) => l.language === language.slice(0, 2));
  if (labels === undefined) throw new Error(`no vssadmin labels for ${language}`);
  const held = state.snapshotSets.filter(
    (set) => set.importedTo?.toLowerCase() === known.name.toLowerCase() && (set.state === 'imported' || set.state === 'exposed'),
  );
  const lines = [...wrapped(labels.banner), '(C) Copyright 2001-2013 Microsoft Corp.', ''];
  let device = 1;
  for (const set of held) {
    lines.push(...setLines(state, set, known.name, labels, language, device), '');
    device += set.shadowCopies.length;
  }
  // The English wording is the only one known (a real capture); in the other languages the Lab prints none.
  if (held.length === 0 && language === 'en-US') lines.push('No items found that satisfy the query.');
  return `${lines.join('\r\n')}\r\n`;
}
