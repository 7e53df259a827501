/**
 * Every builder refuses hostile values before producing anything: quotes, &, |, %, $, backtick, ;, line
 * breaks, NUL and non-ASCII in names, paths, aliases, hosts, GUIDs and initiator lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShadowSwapError } from '../../../../../shared/errors';
import { checkedMaskingSessionCommand } from '../../../../../electron/core/windows-tools/commands/diskraid-session';
import {
  addVirtualDiskToMaskingSetCommand,
  newMaskingSetCommand,
} from '../../../../../electron/core/windows-tools/commands/masking-set-commands';
import {
  buildBreakScript,
  buildImportScript,
  buildTransportableCreateScript,
} from '../../../../../electron/core/windows-tools/commands/diskshadow-scripts';
import {
  getClusterResourceCommand,
  getClusterResourceDependencyCommand,
  getDiskCommand,
  getDiskResourceParametersCommand,
  stopClusterResourceCommand,
  suspendClusterResourceCommand,
} from '../../../../../electron/core/windows-tools/commands/powershell-commands';
import { diskshadowInvocation } from '../../../../../electron/core/windows-tools/commands/tool-argv';
import { buildBreakExArgs } from '../../../../../electron/core/windows-tools/commands/vshadow-args';

const HW = '781c006a-5829-4a25-81e3-d5e43bd005ab';
const SET = '00fe2ddc-208a-45d0-9b02-cdad7df538b8';
const session = (access: Parameters<typeof checkedMaskingSessionCommand>[0]['access']) =>
  checkedMaskingSessionCommand({
    lunName: 'SQL-DATA',
    subsystem: 0,
    lun: 1,
    uniqueId: '60002AC0000000000000000A00001234',
    access,
    uninstallLocalDisk: false,
  });
const HOSTILE = ['"', "'", '&', '|', '%', '$', '`', ';', '\n', '\r', '\u0000', 'ä', '\u202e', '<', '>', '^'];

const builders: [string, (bad: string) => unknown][] = [
  ['cab path', (b) => buildTransportableCreateScript({ metadataPath: `C:\\vss\\f${b}r.cab`, providerId: HW, volumes: [{ volume: 'E:' }] })],
  [
    'volume',
    (b) => buildTransportableCreateScript({ metadataPath: 'C:\\vss\\fr.cab', providerId: HW, volumes: [{ volume: `C:\\m${b}nt` }] }),
  ],
  [
    'alias',
    (b) =>
      buildTransportableCreateScript({ metadataPath: 'C:\\vss\\fr.cab', providerId: HW, volumes: [{ volume: 'E:', alias: `Da${b}ta` }] }),
  ],
  [
    'provider',
    (b) => buildTransportableCreateScript({ metadataPath: 'C:\\vss\\fr.cab', providerId: `${HW}${b}`, volumes: [{ volume: 'E:' }] }),
  ],
  ['import cab', (b) => buildImportScript({ metadataPath: `C:\\vss\\${b}.cab` })],
  ['break set', (b) => buildBreakScript(`${SET}${b}`, true)],
  ['bex set', (b) => buildBreakExArgs({ setId: `{${SET}}${b}`, mode: { kind: 'mask' } })],
  ['wwn', (b) => session({ kind: 'wwn', wwns: [`0123456789ABCDE${b}`] })],
  ['iqn', (b) => session({ kind: 'iscsi', initiators: [`iqn.1991-05.com.microsoft:n${b}x`] })],
  ['masking set', (b) => addVirtualDiskToMaskingSetCommand({ maskingSetUniqueId: `{set${b}}`, virtualDiskUniqueIds: ['6000A'] })],
  ['virtual disk', (b) => addVirtualDiskToMaskingSetCommand({ maskingSetUniqueId: '{set}', virtualDiskUniqueIds: [`6000${b}`] })],
  ['array name', (b) => newMaskingSetCommand({ arrayName: `FC${b}A`, friendlyName: 'SQL01-FC', initiators: [] })],
  ['resource', (b) => suspendClusterResourceCommand({ resource: `Cluster Disk ${b}2`, ownerNode: 'SQLNODE1' })],
  ['owner node', (b) => stopClusterResourceCommand({ resource: 'Cluster Disk 2', ownerNode: `SQLNODE${b}1` })],
  ['cluster', (b) => getClusterResourceCommand({ cluster: `SQL${b}CLU` })],
  ['dependencies cluster', (b) => getClusterResourceDependencyCommand({ cluster: `SQL${b}CLU` })],
  ['resource names', (b) => getClusterResourceCommand({ names: ['Cluster Disk 1', `Disk${b}`] })],
  ['parameters resource', (b) => getDiskResourceParametersCommand({ resource: `Disk ${b}` })],
  ['disk unique id', (b) => getDiskCommand({ disk: { uniqueId: `6000${b}` } })],
  ['disk computer', (b) => getDiskCommand({ computer: `host${b}` })],
  ['script path', (b) => diskshadowInvocation(`C:\\vss\\a${b}.dsh`, 'C:\\vss\\a.log')],
];

describe('hostile characters are refused before anything is built', () => {
  for (const [what, build] of builders) {
    it.each(HOSTILE)(`${what}: %j`, (bad) => {
      let caught: unknown;
      try {
        build(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ShadowSwapError);
      expect((caught as ShadowSwapError).code).toBe('INVALID_REQUEST');
      expect((caught as ShadowSwapError).details?.['field']).toEqual(expect.any(String));
    });
  }
});

describe('property: whatever a builder accepts produces clean ASCII with no injected text', () => {
  it('cluster resource names', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
        let out: string;
        try {
          out = suspendClusterResourceCommand({ resource: name, ownerNode: 'SQLNODE1' });
        } catch (e) {
          return e instanceof ShadowSwapError && e.code === 'INVALID_REQUEST';
        }
        // Accepted: the name appears exactly once, single-quoted, and nothing dangerous came with it.
        return out.includes(`-Name '${name}' -Force`) && /^[\x20-\x7e]+$/.test(out) && !/[;&|`"%]/.test(name) && !name.includes("'");
      }),
      { numRuns: 2000 },
    );
  });
  it('diskshadow aliases and cab paths', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
        (alias, file) => {
          let script: string;
          try {
            script = buildTransportableCreateScript({
              metadataPath: `C:\\vss\\${file}.cab`,
              providerId: HW,
              volumes: [{ volume: 'E:', alias }],
            });
          } catch (e) {
            return e instanceof ShadowSwapError && e.code === 'INVALID_REQUEST';
          }
          const lines = script.split('\r\n');
          return (
            lines.length === 9 &&
            lines[8] === '' &&
            lines[4] === `add volume E: alias ${alias} provider {${HW}}` &&
            /^[A-Za-z][A-Za-z0-9_]*$/.test(alias) &&
            file.length > 0 &&
            !/[\s%&|"'$;]/.test(file)
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
