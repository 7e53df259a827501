import { afterEach, describe, expect, it } from 'vitest';
import { labLanguage, setLabLanguage } from '../../../../../electron/core/backends/lab/lab-admin';
import { LabStore } from '../../../../../electron/core/backends/lab/lab-store';
import { vssadminListShadows } from '../../../../../electron/core/backends/lab/lab-tool-output';
import { readSavedListing } from '../../../../../electron/core/inventory/saved-listing';
import { CONSOLE_WIDTHS, displayWidth } from '../../../../../electron/core/windows-tools/parsers/text-lines';
import { openLab, type LabFixture } from './lab-fixture';

let lab: LabFixture | null = null;
afterEach(async () => {
  await lab?.cleanup();
  lab = null;
});

/** two-node-sql with its set imported on SQL01, as step 3 of a recovery leaves it. */
async function importedOnSql01(): Promise<LabFixture> {
  lab = await openLab('two-node-sql');
  await new LabStore(lab.dataDir).update((state) => {
    const [set] = state.snapshotSets;
    set!.state = 'imported';
    set!.importedTo = 'SQL01';
  });
  return lab;
}

describe('the Lab speaks another language: its hosts\u2019 vssadmin output', () => {
  it('is English until set, and refuses a language ShadowSwap does not read', async () => {
    const { dataDir } = await importedOnSql01();
    expect(labLanguage(dataDir)).toBe('en-US');
    await expect(setLabLanguage(dataDir, 'it-IT')).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: /en-US, fr-FR, de-DE, es-ES/,
    });
  });

  for (const language of ['en-US', 'fr-FR', 'de-DE', 'es-ES']) {
    it(`${language}: what SQL01 prints reads back as the set it holds, dates and all, without a locale`, async () => {
      const { dataDir } = await importedOnSql01();
      await setLabLanguage(dataDir, language);
      const state = new LabStore(dataDir).read();
      const [set] = state.snapshotSets;
      const text = vssadminListShadows(state, 'sql01');
      // Long lines are cut at 80 columns, as a console capture has them.
      expect(text.split('\r\n').some((line) => CONSOLE_WIDTHS.includes(displayWidth(line)))).toBe(true);

      const listing = readSavedListing('vssadmin', text, {});
      expect(listing.unparsed).toEqual([]);
      expect(
        listing.shadowCopies.map((c) => [c.id, c.setId, c.originalVolumeLabel, c.originatingMachine, c.serviceMachine, c.createdAt]),
      ).toEqual(
        set!.shadowCopies.map((c) => [c.id, set!.id, c.originalDriveLetter, set!.sourceHost, 'SQL01', set!.createdAt.slice(0, 19)]),
      );
      expect(listing.shadowCopies.every((c) => c.attributes.length === 5)).toBe(true);
    });
  }

  it('a host that holds no shadow copy prints none; a host the Lab does not have is refused', async () => {
    const { dataDir } = await importedOnSql01();
    const state = new LabStore(dataDir).read();
    expect(readSavedListing('vssadmin', vssadminListShadows(state, 'SQL02'), {}).shadowCopies).toEqual([]);
    expect(() => vssadminListShadows(state, 'SQL03')).toThrow(/SQL03 is not a Lab host\. Its hosts: SQL01, SQL02/);
  });
});
