/**
 * Expected values are read off the real captures (docs/windows-facts.md#the-per-shadow-listing-block) and the synthetic fixtures
 * described in tests/fixtures/windows/README.md.
 */
import { describe, expect, it } from 'vitest';
import { parseDiskshadowOutput } from '../../../../../electron/core/windows-tools/parsers/parse-diskshadow';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { fixture } from '../fixtures';

describe('parseDiskshadowOutput on real captures', () => {
  it('interactive create (tabs lost as spaces) — §1.4.1', () => {
    const r = parseDiskshadowOutput(fixture('diskshadow-create-interactive.txt'));
    expect(r.shadowCopies).toEqual([
      {
        id: 'c3ad8620-8b3a-4bc6-944c-f732eb0ea317',
        setId: '00fe2ddc-208a-45d0-9b02-cdad7df538b8',
        originalVolume: '\\\\?\\Volume{6cd5140b-0000-0000-0000-602200000000}\\',
        originalVolumeLabel: 'C:\\',
        creationTime: '3/21/2023 6:15:41 PM',
        createdAt: '2023-03-21T18:15:41',
        deviceName: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1',
        originatingMachine: 'DC01.BLACKFIELD.local',
        serviceMachine: 'DC01.BLACKFIELD.local',
        exposedAs: null,
        providerId: 'b5946137-7b9f-4925-af80-51abd60b20d5',
        attributes: ['No_Auto_Release', 'Persistent', 'No_Writers', 'Differential'],
        originalCount: 1,
        providerName: null,
        type: null,
      },
    ]);
    expect(r.aliases).toEqual({
      AliasName: 'c3ad8620-8b3a-4bc6-944c-f732eb0ea317',
      VSS_SHADOW_SET: '00fe2ddc-208a-45d0-9b02-cdad7df538b8',
    });
    // The PowerShell prompt is not diskshadow's; it is kept, not dropped.
    expect(r.unparsed).toEqual(['PS C:\\Users\\svc_backup\\desktop> diskshadow']);
  });

  it('script mode with real tabs and -> echo — §1.4.2', () => {
    const r = parseDiskshadowOutput(fixture('diskshadow-create-script-tabs.txt'));
    expect(r.shadowCopies).toHaveLength(1);
    const s = r.shadowCopies[0]!;
    expect(s.id).toBe('d885ad3a-5167-4d00-8760-08197855c105');
    expect(s.setId).toBe('c96e7221-8964-4fdf-8fad-86ae1c1722f6');
    expect(s.creationTime).toBe('9/20/2023 2:49:26 PM');
    expect(s.createdAt).toBe('2023-09-20T14:49:26');
    expect(s.deviceName).toBe('\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy2');
    expect(s.attributes).toEqual(['No_Auto_Release', 'Persistent', 'No_Writers', 'Differential']);
    expect(r.aliases).toEqual({ elswix: 'd885ad3a-5167-4d00-8760-08197855c105', VSS_SHADOW_SET: 'c96e7221-8964-4fdf-8fad-86ae1c1722f6' });
    expect(r.unparsed).toEqual(['*Evil-WinRM* PS C:\\Windows\\Temp\\Privesc> diskshadow /s C:\\Users\\svc_backup\\Desktop\\shadow.txt']);
  });

  it('CRLF and LF give the same result', () => {
    const lf = fixture('diskshadow-create-script-tabs.txt');
    expect(parseDiskshadowOutput(lf.replace(/\n/g, '\r\n'))).toEqual(parseDiskshadowOutput(lf));
  });

  it('failure and help outputs list no shadows and keep every message line', () => {
    const denied = parseDiskshadowOutput(fixture('diskshadow-exec-access-denied.txt'));
    expect(denied.shadowCopies).toEqual([]);
    expect(denied.unparsed).toContain('The command script failed.');
    expect(denied.unparsed).toContain('diskshadow.exe : Access is denied.');
    const note = parseDiskshadowOutput(fixture('diskshadow-end-backup-not-commanded.txt'));
    expect(note.unparsed).toEqual(['Note: END BACKUP was not commanded, writers not notified BackupComplete.']);
    for (const name of [
      'diskshadow-usage.txt',
      'diskshadow-set-context-help.txt',
      'diskshadow-list-providers.txt',
      'diskshadow-list-writers-status.txt',
    ]) {
      const r = parseDiskshadowOutput(fixture(name));
      expect(r.shadowCopies).toEqual([]);
      expect(r.unparsed.length).toBeGreaterThan(0);
    }
    // Writer blocks use "- Key:" lines too, but are not shadow properties: kept, not misread.
    expect(parseDiskshadowOutput(fixture('diskshadow-list-writers-status.txt')).unparsed).toContain('* WRITER System Writer');
  });
});

describe('parseDiskshadowOutput on synthetic fixtures', () => {
  it('transportable hardware create: two shadows, aliases, D-M-Y date, no device (not surfaced)', () => {
    const r = parseDiskshadowOutput(fixture('diskshadow-create-transportable.synthetic.txt'));
    expect(r.shadowCopies.map((s) => [s.id, s.originalVolumeLabel, s.deviceName])).toEqual([
      ['5f1d8c2a-1b2c-4d3e-8f40-123456789abc', 'E:\\', null],
      ['6a2e9d3b-2c3d-4e4f-9051-23456789abcd', 'F:\\', null],
    ]);
    // Upper-case volume GUID in the output is normalized.
    expect(r.shadowCopies[0]!.originalVolume).toBe('\\\\?\\Volume{ab12cd34-0000-0000-0000-100000000000}\\');
    expect(r.shadowCopies[0]!.createdAt).toBe('2022-08-25T12:16:16');
    expect(r.shadowCopies[0]!.attributes).toEqual(['Transportable', 'No_Auto_Release', 'Persistent', 'Hardware']);
    expect(r.aliases).toEqual({
      DataE: '5f1d8c2a-1b2c-4d3e-8f40-123456789abc',
      LogF: '6a2e9d3b-2c3d-4e4f-9051-23456789abcd',
      VSS_SHADOW_SET: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    });
    expect(r.unparsed).toEqual([]);
  });

  it('list shadows after import: lost tabs, 80-column wraps (mid-GUID, mid-path, at a space), upper-case GUID', () => {
    const r = parseDiskshadowOutput(fixture('diskshadow-list-shadows-imported-wrapped.synthetic.txt'));
    expect(r.shadowCopies).toHaveLength(1);
    const s = r.shadowCopies[0]!;
    expect(s.originalVolume).toBe('\\\\?\\Volume{ab12cd34-0000-0000-0000-100000000000}\\');
    expect(s.originalVolumeLabel).toBe('volume not on this machine');
    expect(s.deviceName).toBe('\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7');
    expect(s.exposedAs).toBe('X:\\');
    expect(s.providerId).toBe('781c006a-5829-4a25-81e3-d5e43bd005ab');
    expect(s.attributes).toEqual(['Transportable', 'No_Auto_Release', 'Persistent', 'Hardware', 'Imported']);
    expect(s.serviceMachine).toBe('RECOVERY1.contoso.local');
    expect(r.unparsed).toEqual([]);
  });

  it('a locale option decides an ambiguous date', () => {
    const text = fixture('diskshadow-create-interactive.txt').replace('3/21/2023 6:15:41 PM', '3/4/2023 6:15:41 PM');
    expect(parseDiskshadowOutput(text).shadowCopies[0]!.createdAt).toBeNull();
    expect(parseDiskshadowOutput(text, { locale: 'en-US' }).shadowCopies[0]!.createdAt).toBe('2023-03-04T18:15:41');
    expect(parseDiskshadowOutput(text, { locale: 'en-GB' }).shadowCopies[0]!.createdAt).toBe('2023-04-03T18:15:41');
  });
});

describe('malformed diskshadow output', () => {
  function parseError(text: string): ParseError {
    try {
      parseDiskshadowOutput(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      return e as ParseError;
    }
    throw new Error('no ParseError');
  }
  it('a truncated listing (count mismatch) names the count line', () => {
    const full = fixture('diskshadow-create-transportable.synthetic.txt');
    const lines = full.split('\r\n');
    const secondBlock = lines.findIndex((l, i) => i > 20 && l.includes('* Shadow copy ID'));
    const cut = [...lines.slice(0, secondBlock), ...lines.slice(lines.findIndex((l) => l.startsWith('Number of')))].join('\r\n');
    const e = parseError(cut);
    expect(e.text).toBe('Number of shadow copies listed: 2');
    expect(e.line).toBe(cut.split('\r\n').indexOf('Number of shadow copies listed: 2') + 1);
  });
  it('a header with a broken GUID, an orphan property, a duplicate property', () => {
    expect(parseError('\t* Shadow copy ID = {c3ad8620-8b3a-4bc6-944c}').line).toBe(1);
    expect(parseError('hello\n\t\t- Shadow copy set: {00fe2ddc-208a-45d0-9b02-cdad7df538b8}').line).toBe(2);
    const dup =
      '* Shadow copy ID = {c3ad8620-8b3a-4bc6-944c-f732eb0ea317}\n- Creation time: 1/1/2020 1:00:00 AM\n- Creation time: 1/1/2020 1:00:00 AM';
    expect(parseError(dup).line).toBe(3);
    expect(parseError('* Shadow copy ID = {c3ad8620-8b3a-4bc6-944c-f732eb0ea317}\n- Provider ID: system').line).toBe(2);
  });
});

describe('parseDiskshadowOutput: values that repeat from copy to copy', () => {
  const block = (i: number, time: string, volume: string) =>
    [
      `* Shadow copy ID = {c3ad8620-8b3a-4bc6-944c-f732eb0ea3${String(i).padStart(2, '0')}}`,
      `- Creation time: ${time}`,
      `- Original volume name: \\\\?\\Volume{be4f748a-a19f-11e6-a5bb-806e6f6e69${String(i).padStart(2, '0')}}\\ [${volume}]`,
      '- Originating machine: SQLNODE1',
      '',
    ].join('\r\n');
  it('reads every copy right when times and volumes come back out of order', () => {
    const copies: [string, string, string][] = [
      ['1/13/2024 1:00:00 PM', 'E:\\', '2024-01-13T13:00:00'],
      ['13/1/2024 2:00:00 PM', 'F:\\', '2024-01-13T14:00:00'],
      ['1/13/2024 1:00:00 PM', 'G:\\', '2024-01-13T13:00:00'],
      ['2024-01-13 03:00', 'H:\\', '2024-01-13T03:00:00'],
      ['13/1/2024 2:00:00 PM', 'I:\\', '2024-01-13T14:00:00'],
      ['1/13/2024 4:00:00 PM', 'E:\\', '2024-01-13T16:00:00'],
      ['1/13/2024 1:00:00 PM', 'G:\\', '2024-01-13T13:00:00'],
    ];
    const r = parseDiskshadowOutput(copies.map(([time, volume], i) => block(i, time, volume)).join(''));
    expect(r.shadowCopies.map((c) => [c.creationTime, c.originalVolumeLabel, c.createdAt, c.originatingMachine])).toEqual(
      copies.map((c) => [...c, 'SQLNODE1']),
    );
  });
  it('gives the copies that print the same attributes one frozen list', () => {
    const r = parseDiskshadowOutput(
      `${block(1, '', 'E:\\')}- Attributes: A B\r\n\r\n${block(2, '', 'E:\\')}- Attributes: A B\r\n\r\n${block(3, '', 'E:\\')}- Attributes: A\r\n`,
    );
    const [first, second, third] = r.shadowCopies.map((c) => c.attributes);
    expect(second).toBe(first);
    expect(third).toEqual(['A']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(parseDiskshadowOutput(block(4, '', 'E:\\')).shadowCopies[0]!.attributes)).toBe(true);
  });
});
