import { describe, expect, it } from 'vitest';
import { interpretDiskraidExit, parseDiskraidOutput } from '../../../../../electron/core/windows-tools/parsers/parse-diskraid';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { fixture } from '../fixtures';

describe('diskraid exit codes (Learn diskraid.md, §4.1)', () => {
  it('0 is success; 1-5 carry the documented meaning; others are undocumented', () => {
    expect(interpretDiskraidExit(0)).toEqual({
      exitCode: 0,
      ok: true,
      meaning: 'No error occurred. The entire script ran without failure.',
    });
    expect(interpretDiskraidExit(4).meaning).toBe('One of the services Diskraid uses returned a failure.');
    expect(interpretDiskraidExit(5).ok).toBe(false);
    expect(interpretDiskraidExit(5).meaning).toMatch(/^A command syntax error occurred\./);
    expect(interpretDiskraidExit(6)).toEqual({ exitCode: 6, ok: false, meaning: null });
  });
});

describe('parseDiskraidOutput on real captures', () => {
  it('banner', () => {
    expect(parseDiskraidOutput(fixture('diskraid-banner.txt'))).toEqual({
      computer: 'COMPUTER_NAME',
      commands: [],
      selected: {},
      messages: [],
      tables: [],
      unparsed: [],
    });
  });
  it('list drives table', () => {
    const r = parseDiskraidOutput(fixture('diskraid-list-drives.txt'));
    expect(r.selected).toEqual({ subsystem: 0 });
    expect(r.commands).toEqual(['list drives']);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.columns).toEqual(['Drive ###', 'Status', 'Health', 'Size', 'Free', 'Bus', 'Slot', 'Flags']);
    expect(r.tables[0]!.rows[3]).toEqual({
      'Drive ###': 'Drive 3',
      Status: 'Not Ready',
      Health: 'Healthy',
      Size: '19 GB',
      Free: '19 GB',
      Bus: '1',
      Slot: '1',
      Flags: '',
    });
    expect(r.tables[0]!.rows.map((row) => row['Size'])).toEqual(['107 GB', '29 GB', '107 GB', '19 GB']);
    expect(r.unparsed).toEqual([]);
  });
  it('select LUN and port associations', () => {
    const r = parseDiskraidOutput(fixture('diskraid-select-associate-ports.txt'));
    expect(r.selected).toEqual({ lun: 5 });
    expect(r.commands).toEqual(['SEL LUN 5', 'ASSOCIATE PORTS 0-0,0-1', 'ASSOCIATE PORTS ADD 1-1', 'DISSOCIATE PORTS 0-0,1-1']);
    expect(r.messages.at(-1)).toBe('(Controller ports active after this command: Ctlr 0 Port 1)');
    expect(r.unparsed).toEqual([]);
  });
  it('synthetic unmask run: confirms subsystem and LUN selection', () => {
    const r = parseDiskraidOutput(fixture('diskraid-unmask.synthetic.txt'));
    expect(r.computer).toBe('RECOVERY1');
    expect(r.selected).toEqual({ subsystem: 1, lun: 7 });
    expect(r.unparsed).toEqual([]);
  });
  it('dashes without a header are malformed', () => {
    expect(() => parseDiskraidOutput('  -----  ----')).toThrow(ParseError);
  });
});
