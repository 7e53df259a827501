/** A generated listing of about 1 MB or more parses completely and correctly (no timing asserted). */
import { describe, expect, it } from 'vitest';
import { parseDiskshadowOutput } from '../../../../../electron/core/windows-tools/parsers/parse-diskshadow';
import { parseVssadminOutput } from '../../../../../electron/core/windows-tools/parsers/parse-vssadmin';
import { diskshadowListing, listingGuid as guid, vssadminListing } from '../../../../fixtures/windows/generate-listings';

describe('large listings', () => {
  it('diskshadow: ~1 MB, 1800 shadows in 600 sets, tab layout with per-set counts', () => {
    const SETS = 600;
    const text = diskshadowListing(SETS);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);

    const r = parseDiskshadowOutput(text);
    expect(r.shadowCopies).toHaveLength(SETS * 3);
    expect(r.unparsed).toEqual([]);
    const last = r.shadowCopies[SETS * 3 - 1]!;
    expect(last.id).toBe(guid(1, SETS * 3 - 1));
    expect(last.setId).toBe(guid(2, SETS - 1));
    expect(last.originalVolumeLabel).toBe('G:\\');
    expect(last.deviceName).toBe(`\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy${SETS * 3 - 1}`);
    const pmHour = ((SETS - 1) % 12) + 1; // 1..12 PM
    expect(last.creationTime).toBe(`1/13/2024 ${pmHour}:02:00 PM`);
    expect(last.createdAt).toBe(`2024-01-13T${String(pmHour === 12 ? 12 : pmHour + 12).padStart(2, '0')}:02:00`);
    expect(new Set(r.shadowCopies.map((s) => s.id)).size).toBe(SETS * 3);
    expect(r.shadowCopies.every((s, i) => s.setId === guid(2, Math.floor(i / 3)))).toBe(true);
  });

  it('vssadmin: ~1 MB with every Attributes line wrapped at 80 columns', () => {
    const n = 2600;
    const text = vssadminListing(n);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const r = parseVssadminOutput(text);
    expect(r.shadowCopies).toHaveLength(n);
    expect(r.unparsed).toEqual([]);
    expect(r.shadowCopies.every((s) => s.attributes.length === 5 && s.attributes[4] === 'Differential')).toBe(true);
    expect(r.shadowCopies[n - 1]!.id).toBe(guid(1, n - 1));
    expect(r.shadowCopies[n - 1]!.createdAt).toBe(`2023-05-13T${String((n - 1) % 24).padStart(2, '0')}:00:00`);
  });
});
