/** Expected text follows the diskraid grammar (docs/windows-facts.md#diskraid-unmask-replaces-the-list): replace, never `add`. */
import { describe, expect, it } from 'vitest';
import { unmaskCommand } from '../../../../../electron/core/windows-tools/commands/diskraid-scripts';
import { checkedMaskingSessionCommand } from '../../../../../electron/core/windows-tools/commands/diskraid-session';

const UID = '60002AC0000000000000000A00001234';

describe('the checked diskraid masking session', () => {
  it('selects subsystem and LUN, checks the identifier shown by detail lun, then sets the FULL WWN list', () => {
    const session = checkedMaskingSessionCommand({
      lunName: 'SQL-DATA',
      subsystem: 0,
      lun: 5,
      uniqueId: UID,
      access: { kind: 'wwn', wwns: ['0123456789abcdef', '10:00:00:00:C9:2E:4F:7A'] },
      uninstallLocalDisk: false,
    });
    const order = [
      "WriteLine('select subsystem 0')",
      "WriteLine('select lun 5')",
      "WriteLine('detail lun')",
      ".IndexOf('60002ac0000000000000000a00001234') -lt 0) { $p.StandardInput.WriteLine('exit'); $p.WaitForExit(); throw 'diskraid LUN 5 of subsystem 0 is not SQL-DATA",
      "WriteLine('unmask lun wwn=0123456789ABCDEF;10000000C92E4F7A')",
    ].map((part) => session.indexOf(part));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
  it('uses initiator= for iSCSI (the grammar has no iqn= keyword)', () => {
    expect(
      checkedMaskingSessionCommand({
        lunName: 'DC01-NTDS',
        subsystem: 1,
        lun: 12,
        uniqueId: UID,
        access: {
          kind: 'iscsi',
          initiators: ['iqn.1991-05.com.microsoft:node1.contoso.local', 'iqn.1991-05.com.microsoft:node2.contoso.local'],
        },
        uninstallLocalDisk: false,
      }),
    ).toContain(
      "WriteLine('unmask lun initiator=iqn.1991-05.com.microsoft:node1.contoso.local;iqn.1991-05.com.microsoft:node2.contoso.local')",
    );
  });
  it('never sends all, and refuses a LUN whose identity it cannot look for', () => {
    const request = { lunName: 'FS-PUBLIC', subsystem: 0, lun: 1, uniqueId: UID, uninstallLocalDisk: false };
    expect(() => checkedMaskingSessionCommand({ ...request, access: { kind: 'all' } })).toThrow(/never sent/);
    expect(() => checkedMaskingSessionCommand({ ...request, uniqueId: null, access: { kind: 'none' } })).toThrow(/cannot be checked/);
  });
  it('an empty list masks the LUN from every host (none); all means every host', () => {
    expect(unmaskCommand({ kind: 'wwn', wwns: [] })).toBe('unmask lun none');
    expect(unmaskCommand({ kind: 'iscsi', initiators: [] })).toBe('unmask lun none');
    expect(unmaskCommand({ kind: 'none' })).toBe('unmask lun none');
    expect(unmaskCommand({ kind: 'all' })).toBe('unmask lun all');
  });
  it('uninstall is appended after the list; add is never generated; duplicates collapse', () => {
    const cmd = unmaskCommand({ kind: 'wwn', wwns: ['0123456789ABCDEF', '0123456789abcdef'] }, true);
    expect(cmd).toBe('unmask lun wwn=0123456789ABCDEF uninstall');
    expect(cmd).not.toMatch(/\badd\b/);
  });
  it('refuses a list smuggled through one entry', () => {
    expect(() => unmaskCommand({ kind: 'wwn', wwns: ['0123456789ABCDEF;FEDCBA9876543210'] })).toThrow(/semicolon/);
    expect(() =>
      checkedMaskingSessionCommand({
        lunName: 'X',
        subsystem: 0,
        lun: -1,
        uniqueId: UID,
        access: { kind: 'none' },
        uninstallLocalDisk: false,
      }),
    ).toThrow(/LUN number/);
  });
});
