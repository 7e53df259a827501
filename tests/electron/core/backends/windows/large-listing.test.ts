/** A generated listing of about 1 MB or more parses completely and correctly (no timing asserted). */
import { describe, expect, it } from 'vitest';
import { parseDiskshadowOutput } from '../../../../../electron/core/backends/windows/parse-diskshadow';
import { parseVssadminOutput } from '../../../../../electron/core/backends/windows/parse-vssadmin';

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');
const guid = (kind: number, i: number): string => `${hex(kind, 8)}-${hex(i % 0xffff, 4)}-4${hex(i % 0xfff, 3)}-8${hex(kind, 3)}-${hex(i, 12)}`;

describe('large listings', () => {
  it('diskshadow: ~1 MB, 1800 shadows in 600 sets, tab layout with per-set counts', () => {
    const SETS = 600;
    const parts: string[] = ['Microsoft DiskShadow version 1.0', 'Copyright (C) 2013 Microsoft Corporation', 'On computer:  SQLNODE1,  1/13/2024 9:00:00 AM', '', '-> list shadows all', ''];
    for (let s = 0; s < SETS; s += 1) {
      parts.push(`Querying all shadow copies with the shadow copy set ID {${guid(2, s)}}`, '');
      for (let k = 0; k < 3; k += 1) {
        const i = s * 3 + k;
        parts.push(
          `\t* Shadow copy ID = {${guid(1, i)}}\t\t%VSS_SHADOW_${k + 1}%`,
          `\t\t- Shadow copy set: {${guid(2, s)}}\t%VSS_SHADOW_SET%`,
          '\t\t- Original count of shadow copies = 3',
          `\t\t- Original volume name: \\\\?\\Volume{${guid(3, i)}}\\ [${String.fromCharCode(69 + k)}:\\]`,
          `\t\t- Creation time: 1/13/2024 ${(s % 12) + 1}:${hex(k, 2).replace(/[a-f]/g, '0')}:00 PM`,
          `\t\t- Shadow copy device name: \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy${i}`,
          '\t\t- Originating machine: SQLNODE1.contoso.local',
          '\t\t- Service machine: SQLNODE1.contoso.local',
          '\t\t- Not exposed',
          '\t\t- Provider ID: {781c006a-5829-4a25-81e3-d5e43bd005ab}',
          '\t\t- Attributes:  Transportable No_Auto_Release Persistent Hardware',
          '',
        );
      }
      parts.push('Number of shadow copies listed: 3', '');
    }
    const text = parts.join('\r\n');
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
    const parts: string[] = ['vssadmin 1.1 - Volume Shadow Copy Service administrative command-line tool', '(C) Copyright 2001-2013 Microsoft Corp.', ''];
    const attributes = '         Attributes: Persistent, Client-accessible, No auto release, No writers, Differential';
    const n = 2600;
    for (let i = 0; i < n; i += 1) {
      parts.push(
        `Contents of shadow copy set ID: {${guid(2, i)}}`,
        `   Contained 1 shadow copies at creation time: 13.05.2023 ${String(i % 24).padStart(2, '0')}:00:00`,
        `      Shadow Copy ID: {${guid(1, i).toUpperCase()}}`,
        `         Original Volume: (C:)\\\\?\\Volume{${guid(3, i)}}\\`,
        `         Shadow Copy Volume: \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy${i}`,
        '         Originating Machine: SERVER2008.thegeekstuff.com',
        '         Service Machine: SERVER2008.thegeekstuff.com',
        "         Provider: 'Microsoft Software Shadow Copy provider 1.0'",
        '         Type: ClientAccessible',
        attributes.slice(0, 80),
        attributes.slice(80),
        '',
      );
    }
    const text = parts.join('\r\n');
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const r = parseVssadminOutput(text);
    expect(r.shadowCopies).toHaveLength(n);
    expect(r.unparsed).toEqual([]);
    expect(r.shadowCopies.every((s) => s.attributes.length === 5 && s.attributes[4] === 'Differential')).toBe(true);
    expect(r.shadowCopies[n - 1]!.id).toBe(guid(1, n - 1));
    expect(r.shadowCopies[n - 1]!.createdAt).toBe(`2023-05-13T${String((n - 1) % 24).padStart(2, '0')}:00:00`);
  });
});
