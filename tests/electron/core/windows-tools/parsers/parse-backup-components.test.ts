import { describe, expect, it } from 'vitest';
import { parseBackupComponents } from '../../../../../electron/core/windows-tools/parsers/parse-backup-components';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { fixture } from '../fixtures';

const BCD = fixture('backup-components.synthetic.xml');
/** What readBackupComponentsCommand prints: the .cab's XML files as ConvertTo-Json writes them. */
const output = (...files: { Name: string; Text: string }[]) => JSON.stringify(files.length === 1 ? files[0] : files);

describe('parseBackupComponents', () => {
  it('names each shadow copy and the page 0x83 identifier of its destination LUN, never the source LUN', () => {
    const document = parseBackupComponents(output({ Name: 'writer0.xml', Text: '<WRITER_METADATA/>' }, { Name: 'bc.xml', Text: BCD }));
    expect(document.setId).toBe('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    expect(document.shadows.map((s) => s.shadowCopyId)).toEqual([
      '5f1d8c2a-1b2c-4d3e-8f40-123456789abc',
      '6a2e9d3b-2c3d-4e4f-9051-23456789abcd',
    ]);
    expect(document.shadows[0]?.identifiers).toContain('60002AC0000000000000000A00001236');
    expect(document.shadows[1]?.identifiers).toContain('60002AC0000000000000000A00001237');
    const all = document.shadows.flatMap((s) => s.identifiers);
    expect(all).not.toContain('60002AC0000000000000000A00001234');
    // The initiator and target port addresses are in the LUN's interconnect description, not its identifiers.
    expect(all).not.toContain('10000000C9A1B201');
  });

  it("names each shadow copy's original LUN by its source LUN's identifier, apart from its shadow LUN's", () => {
    const document = parseBackupComponents(output({ Name: 'bc.xml', Text: BCD }));
    expect(document.shadows.map((s) => s.sourceIdentifiers)).toEqual([
      ['60002AC0000000000000000A00001234'],
      ['60002AC0000000000000000A00001235'],
    ]);
  });

  it('takes an identifier written as hex, a single file written as one object, and a byte order mark', () => {
    const hex = BCD.replace('identifier="YAAqwAAAAAAAAAAKAAASNg=="', 'identifier="60002ac0000000000000000a00001236"');
    const document = parseBackupComponents(`\uFEFF${output({ Name: 'bc.xml', Text: `\uFEFF${hex}` })}`);
    expect(document.shadows[0]?.identifiers).toContain('60002AC0000000000000000A00001236');
  });

  it('returns no identifier for a shadow copy whose mapping names no destination LUN', () => {
    const bare = BCD.replace(/<DESTINATION_LUN>[\s\S]*?<\/DESTINATION_LUN>/, '');
    expect(parseBackupComponents(output({ Name: 'bc.xml', Text: bare })).shadows[0]?.identifiers).toEqual([]);
  });

  it('refuses a .cab without a set description, and broken XML, pointing at the spot', () => {
    expect(() => parseBackupComponents(output({ Name: 'writer0.xml', Text: '<WRITER_METADATA/>' }))).toThrow(
      /holds no Backup Components Document describing a shadow copy set \(files: writer0\.xml\)/,
    );
    expect(() => parseBackupComponents(output({ Name: 'bc.xml', Text: BCD.replace('</LUN_MAPPING>', '</LUN_MAP>') }))).toThrow(ParseError);
    expect(() => parseBackupComponents('')).toThrow(/no Backup Components Document/);
  });
});
