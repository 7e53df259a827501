/**
 * The labels `vssadmin list shadows` prints, per display language. Labels are written without their colon:
 * French puts a space before it (`Type : ClientAccessible`), so the parser reads `\s*:` after the label.
 * Values are not translated by vssadmin where they are enum names (`Type : ClientAccessible`); attribute
 * words are (`Attributs : Persistent, Accessible par client, …`) and are kept as written.
 *
 * Where each language comes from (tests/fixtures/windows/README.md lists the fixtures):
 * - en: real captures (docs/windows-channels.md, "Saved output").
 * - fr: a real capture a French administrator posted (fixture `vssadmin-list-shadows-fr.real.txt`).
 * - de, es: NO public capture was found. The nouns are the ones Microsoft's localized documentation uses
 *   for these objects (de-DE "Schattenkopiesatz-ID", "Schattenkopiekennung"; es-ES "Id. de instantánea",
 *   "conjunto de instantáneas": https://learn.microsoft.com/de-de/windows-server/administration/windows-commands/vssadmin-list-shadows,
 *   https://learn.microsoft.com/es-es/windows-server/administration/windows-commands/vssadmin-delete-shadows);
 *   the full label wording is inferred, and the fixtures built from it are named `.synthetic.`. A real
 *   German or Spanish listing that words a label differently is reported, never read as empty (see
 *   saved-listing.ts), and its label belongs here.
 */
import type { ListingLanguage } from './listing-language';

export interface VssadminLabels {
  language: ListingLanguage;
  /** The first line vssadmin prints (de, es: inferred, like their labels). */
  banner: string;
  /** `Contents of shadow copy set ID: {guid}` */
  set: string;
  /** `Contained 2 shadow copies at creation time: <date>`: the words before and after the number. */
  contained: readonly [before: string, after: string];
  shadowId: string;
  originalVolume: string;
  /** `Shadow Copy Volume:`; English `vssadmin create shadow` adds ` Name`. */
  deviceName: string;
  /** More than one spelling where consoles differ (French uses U+2019 or an ASCII apostrophe). */
  originatingMachine: readonly string[];
  serviceMachine: string;
  provider: string;
  type: string;
  attributes: string;
}

export const VSSADMIN_LABELS: readonly VssadminLabels[] = [
  {
    language: 'en',
    banner: 'vssadmin 1.1 - Volume Shadow Copy Service administrative command-line tool',
    set: 'Contents of shadow copy set ID',
    contained: ['Contained ', ' shadow copies at creation time'],
    shadowId: 'Shadow Copy ID',
    originalVolume: 'Original Volume',
    deviceName: 'Shadow Copy Volume',
    originatingMachine: ['Originating Machine'],
    serviceMachine: 'Service Machine',
    provider: 'Provider',
    type: 'Type',
    attributes: 'Attributes',
  },
  {
    language: 'fr',
    banner: 'vssadmin 1.1 - Outil ligne de commande d’administration du service de cliché instantané de volume',
    set: 'Contenu du jeu de clichés instantanés n°',
    contained: ['Contenait ', ' clichés instantanés à la date de création'],
    shadowId: 'ID du cliché instantané',
    originalVolume: 'Volume original',
    deviceName: 'Volume de cliché instantané',
    originatingMachine: ['Ordinateur d’origine', "Ordinateur d'origine"],
    serviceMachine: 'Ordinateur de service',
    provider: 'Fournisseur',
    type: 'Type',
    attributes: 'Attributs',
  },
  {
    language: 'de',
    banner: 'vssadmin 1.1 - Verwaltungsbefehlszeilenprogramm des Volumeschattenkopie-Dienstes',
    set: 'Inhalt der Schattenkopiesatz-ID',
    contained: ['Enthielt ', ' Schattenkopien zum Erstellungszeitpunkt'],
    shadowId: 'Schattenkopiekennung',
    originalVolume: 'Ursprüngliches Volume',
    deviceName: 'Schattenkopievolume',
    originatingMachine: ['Ursprungscomputer'],
    serviceMachine: 'Dienstcomputer',
    provider: 'Anbieter',
    type: 'Typ',
    attributes: 'Attribute',
  },
  {
    language: 'es',
    banner: 'vssadmin 1.1 - Herramienta de línea de comandos de administración del Servicio de instantáneas de volumen',
    set: 'Contenido del Id. de conjunto de instantáneas',
    contained: ['Contenía ', ' instantáneas en el momento de la creación'],
    shadowId: 'Id. de instantánea',
    originalVolume: 'Volumen original',
    deviceName: 'Volumen de instantánea',
    originatingMachine: ['Equipo de origen'],
    serviceMachine: 'Equipo de servicio',
    provider: 'Proveedor',
    type: 'Tipo',
    attributes: 'Atributos',
  },
];
