/**
 * Golden scripts. Expected text is written from the grammar (docs/windows-facts.md#diskshadow-grammar) and a vendor generator's
 * line order (Pure Storage's PowerShell toolkit), not from a run.
 */
import { describe, expect, it } from 'vitest';
import {
  buildBreakScript,
  buildExposeScript,
  buildImportScript,
  buildListProvidersScript,
  buildTransportableCreateScript,
} from '../../../../../electron/core/windows-tools/commands/diskshadow-scripts';

const HW = '{781C006A-5829-4A25-81E3-D5E43BD005AB}';
const SET = '{00FE2DDC-208A-45D0-9B02-CDAD7DF538B8}';

describe('buildTransportableCreateScript', () => {
  it('writes the documented grammar with CRLF and set option transportable', () => {
    const script = buildTransportableCreateScript({
      metadataPath: 'C:\\ShadowSwap\\fr.cab',
      providerId: HW,
      volumes: [{ volume: 'E:', alias: 'DataE' }, { volume: 'f:\\' }],
      verbose: true,
    });
    expect(script).toBe(
      'set context persistent\r\n' +
        'set option transportable\r\n' +
        'set metadata C:\\ShadowSwap\\fr.cab\r\n' +
        'set verbose on\r\n' +
        'begin backup\r\n' +
        'add volume E: alias DataE provider {781c006a-5829-4a25-81e3-d5e43bd005ab}\r\n' +
        'add volume F:\\ provider {781c006a-5829-4a25-81e3-d5e43bd005ab}\r\n' +
        'create\r\n' +
        'end backup\r\n' +
        'exit\r\n',
    );
    expect(script).not.toMatch(/set context transportable/i);
    expect(script.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(/^[\x20-\x7e\r\n]*$/.test(script)).toBe(true);
  });

  it('supports nowriters and differential/plex in grammar order', () => {
    const script = buildTransportableCreateScript({
      metadataPath: 'D:\\vss\\x.cab',
      providerId: HW,
      volumes: [{ volume: '\\\\?\\Volume{6CD5140B-0000-0000-0000-602200000000}\\' }],
      includeWriters: false,
      snapshotKind: 'plex',
    });
    expect(script).toBe(
      'set context persistent nowriters\r\n' +
        'set option plex transportable\r\n' +
        'set metadata D:\\vss\\x.cab\r\n' +
        'begin backup\r\n' +
        'add volume \\\\?\\Volume{6cd5140b-0000-0000-0000-602200000000}\\ provider {781c006a-5829-4a25-81e3-d5e43bd005ab}\r\n' +
        'create\r\n' +
        'end backup\r\n' +
        'exit\r\n',
    );
  });

  it('refuses no volumes, duplicate volumes and duplicate aliases', () => {
    expect(() => buildTransportableCreateScript({ metadataPath: 'C:\\a.cab', providerId: HW, volumes: [] })).toThrow(/no volume/);
    expect(() =>
      buildTransportableCreateScript({ metadataPath: 'C:\\a.cab', providerId: HW, volumes: [{ volume: 'E:' }, { volume: 'e:\\' }] }),
    ).toThrow(/twice/);
    expect(() =>
      buildTransportableCreateScript({
        metadataPath: 'C:\\a.cab',
        providerId: HW,
        volumes: [
          { volume: 'E:', alias: 'Data' },
          { volume: 'F:', alias: 'DATA' },
        ],
      }),
    ).toThrow(/alias/);
  });
});

describe('buildImportScript', () => {
  it('load metadata + import', () => {
    expect(buildImportScript({ metadataPath: 'C:\\ShadowSwap\\fr.cab' })).toBe(
      'load metadata C:\\ShadowSwap\\fr.cab\r\nimport\r\nexit\r\n',
    );
  });
  it('optionally breaks the literal set GUID in the same session', () => {
    expect(buildImportScript({ metadataPath: 'C:\\ShadowSwap\\fr.cab', thenBreak: { setId: SET, writable: true } })).toBe(
      'load metadata C:\\ShadowSwap\\fr.cab\r\nimport\r\nbreak writable {00fe2ddc-208a-45d0-9b02-cdad7df538b8}\r\nexit\r\n',
    );
  });
});

describe('buildBreakScript', () => {
  it('break [writable] <SetID>, nothing else', () => {
    expect(buildBreakScript(SET, true)).toBe('break writable {00fe2ddc-208a-45d0-9b02-cdad7df538b8}\r\nexit\r\n');
    expect(buildBreakScript('00fe2ddc-208a-45d0-9b02-cdad7df538b8', false)).toBe(
      'break {00fe2ddc-208a-45d0-9b02-cdad7df538b8}\r\nexit\r\n',
    );
    expect(buildBreakScript(SET, true)).not.toMatch(/readwrite|nolunid|norevert|mask/i);
  });
  it('refuses a shadow alias instead of a set GUID', () => {
    expect(() => buildBreakScript('%VSS_SHADOW_SET%', true)).toThrow(/percent sign/);
  });
});

describe('expose and list providers', () => {
  it('expose takes a shadow copy ID and a drive letter (expose.md)', () => {
    expect(buildExposeScript('{C3AD8620-8B3A-4BC6-944C-F732EB0EA317}', 'x:\\')).toBe(
      'expose {c3ad8620-8b3a-4bc6-944c-f732eb0ea317} X:\r\nexit\r\n',
    );
    expect(() => buildExposeScript('c3ad8620-8b3a-4bc6-944c-f732eb0ea317', 'X: & calc')).toThrow(/drive letter/);
    expect(() => buildExposeScript('%VSS_SHADOW_1%', 'X:')).toThrow(/GUID/);
  });
  it('list providers', () => {
    expect(buildListProvidersScript()).toBe('list providers\r\nexit\r\n');
  });
});
