import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { parseVshadowOutput } from '../../../../../electron/core/windows-tools/parsers/parse-vshadow';
import { fixture } from '../fixtures';

describe('parseVshadowOutput on real captures (§2.5)', () => {
  it('VShadow 3.0 persistent no-writer create', () => {
    const r = parseVshadowOutput(fixture('vshadow-3.0-create-persistent-nowriters.txt'));
    expect(r.shadowCopies).toEqual([
      {
        id: '1383641e-3ef7-4160-a07c-938fed5733a7',
        setId: 'f0feba2d-46f4-4400-aa94-ff62b46da746',
        originalVolume: '\\\\?\\Volume{bc265d6e-c516-4c80-b881-4e8c9eae5940}\\',
        originalVolumeLabel: 'C:\\',
        creationTime: '6/13/2026 9:40:11 AM',
        createdAt: '2026-06-13T09:40:11',
        deviceName: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1',
        originatingMachine: 'dc02.sub.poseidon.yzx',
        serviceMachine: 'dc02.sub.poseidon.yzx',
        exposedAs: null,
        providerId: 'b5946137-7b9f-4925-af80-51abd60b20d5',
        attributes: ['No_Auto_Release', 'Persistent', 'No_Writers', 'Differential'],
        originalCount: 1,
        providerName: null,
        type: null,
      },
    ]);
    expect(r.unparsed).toEqual([]);
  });
  it('expose and the 2.2 writer-gathering output are all recognized progress lines', () => {
    for (const name of ['vshadow-3.0-expose.txt', 'vshadow-2.2-setvar-exec.txt']) {
      const r = parseVshadowOutput(fixture(name));
      expect(r.shadowCopies).toEqual([]);
      expect(r.unparsed).toEqual([]);
    }
  });
});

describe('parseVshadowOutput on synthetic fixtures (§2.4 format strings)', () => {
  it('query after import: locally and remotely exposed, de-DE date', () => {
    const r = parseVshadowOutput(fixture('vshadow-query-imported.synthetic.txt'));
    expect(r.shadowCopies.map((s) => s.exposedAs)).toEqual(['X:\\', 'LogF']);
    expect(r.shadowCopies.map((s) => s.createdAt)).toEqual(['2023-03-21T18:15:41', '2023-03-21T18:15:41']);
    expect(r.shadowCopies.every((s) => s.setId === '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')).toBe(true);
    expect(r.shadowCopies[1]!.attributes).toContain('Imported');
    expect(r.unparsed).toEqual([]);
  });
  it('SETVAR script variables (SHADOW_* per source, VSHADOW_* per docs)', () => {
    const r = parseVshadowOutput(fixture('vshadow-setvar.synthetic.cmd'));
    expect(r.aliases).toEqual({
      SHADOW_SET_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      SHADOW_ID_1: '5f1d8c2a-1b2c-4d3e-8f40-123456789abc',
      SHADOW_ID_2: '6a2e9d3b-2c3d-4e4f-9051-23456789abcd',
    });
    const docs = parseVshadowOutput(
      'SET VSHADOW_SET_ID={0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}\r\nSET VSHADOW_DEVICE_1=\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3\r\n',
    );
    expect(docs.aliases).toEqual({
      VSHADOW_SET_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      VSHADOW_DEVICE_1: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3',
    });
  });
  it('errors stay visible in unparsed; success lines do not', () => {
    expect(parseVshadowOutput(fixture('vshadow-bex-revert-failed.synthetic.txt')).unparsed).toEqual([
      'Error during the last asynchronous operation.',
      '- Returned HRESULT = 0x800423f6',
      '- Error text: VSS_E_BREAK_REVERT_ID_FAILED',
    ]);
    expect(parseVshadowOutput(fixture('vshadow-bex-done.synthetic.txt')).unparsed).toEqual([]);
  });
  it('malformed: SNAPSHOT ID without a GUID, SETVAR id not a GUID', () => {
    expect(() => parseVshadowOutput('* SNAPSHOT ID = {nope} ...')).toThrow(ParseError);
    expect(() => parseVshadowOutput('SET SHADOW_SET_ID=abc')).toThrow(ParseError);
  });
});
