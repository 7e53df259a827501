import { describe, expect, it } from 'vitest';
import { parseDisks } from '../../../../../electron/core/windows-tools/parsers/parse-disk';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { fixture } from '../fixtures';

describe('parseDisks', () => {
  it('names and numbers for enums; GUID/signature normalized', () => {
    const [gpt, mbr] = parseDisks(fixture('disks.synthetic.json'));
    expect(gpt).toEqual({
      number: 0,
      friendlyName: 'Msft Virtual Disk',
      serialNumber: null,
      sizeBytes: 136365211648,
      uniqueId: '600224800B8F0A8DA9F4A2E3C1D0B001',
      uniqueIdFormat: 'FCPHName',
      uniqueIdFormatCode: 3,
      partitionStyle: 'GPT',
      partitionStyleRaw: null,
      signature: null,
      guid: '0182f270-e2b8-4579-8c0a-176e0e05c30c',
      isReadOnly: false,
      isOffline: false,
    });
    // A numeric UniqueIdFormat uses the VDS_STORAGE_IDENTIFIER_TYPE numbering
    // (docs/windows-facts.md#vds-identifier-types-and-no-association-field); a numeric PartitionStyle has no public numbering, so it is
    // kept raw instead of guessed.
    expect(mbr).toMatchObject({
      uniqueIdFormat: 'FCPHName',
      uniqueIdFormatCode: 3,
      partitionStyle: null,
      partitionStyleRaw: 1,
      signature: '1234ABCD',
      isReadOnly: true,
      isOffline: true,
    });
  });
  it('single object and the SCSI name string format', () => {
    const [d] = parseDisks('{"Number":5,"UniqueIdFormat":"SCSI Name String","PartitionStyle":"MBR","Signature":1,"IsReadOnly":"False"}');
    expect(d).toMatchObject({
      number: 5,
      uniqueIdFormat: 'ScsiNameString',
      uniqueIdFormatCode: 8,
      partitionStyle: 'MBR',
      signature: '00000001',
      isReadOnly: false,
    });
  });
  it('malformed values are ParseErrors', () => {
    expect(() => parseDisks('{"Number":"three"}')).toThrow(ParseError);
    expect(() => parseDisks('{"Guid":"{0182f270}"}')).toThrow(ParseError);
    expect(() => parseDisks('{"Signature":-1}')).toThrow(ParseError);
    expect(() => parseDisks('{"IsReadOnly":"maybe"}')).toThrow(ParseError);
  });
});
