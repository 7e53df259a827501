/** Expected text follows the diskraid.md grammar quoted in reference §4.2 (replace, never `add`). */
import { describe, expect, it } from 'vitest';
import { buildMaskingScript, unmaskCommand } from '../../../../../electron/core/windows-tools/commands/diskraid-scripts';

describe('buildMaskingScript', () => {
  it('selects subsystem and LUN, then sets the FULL WWN list', () => {
    expect(
      buildMaskingScript({ subsystem: 0, lun: 5, access: { kind: 'wwn', wwns: ['0123456789abcdef', '10:00:00:00:C9:2E:4F:7A'] } }),
    ).toBe('select subsystem 0\r\nselect lun 5\r\nunmask lun wwn=0123456789ABCDEF;10000000C92E4F7A\r\nexit\r\n');
  });
  it('uses initiator= for iSCSI (the grammar has no iqn= keyword)', () => {
    expect(
      buildMaskingScript({
        subsystem: 1,
        lun: 12,
        access: {
          kind: 'iscsi',
          initiators: ['iqn.1991-05.com.microsoft:node1.contoso.local', 'iqn.1991-05.com.microsoft:node2.contoso.local'],
        },
      }),
    ).toBe(
      'select subsystem 1\r\nselect lun 12\r\nunmask lun initiator=iqn.1991-05.com.microsoft:node1.contoso.local;iqn.1991-05.com.microsoft:node2.contoso.local\r\nexit\r\n',
    );
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
    expect(() => buildMaskingScript({ subsystem: 0, lun: -1, access: { kind: 'none' } })).toThrow(/LUN number/);
  });
});
