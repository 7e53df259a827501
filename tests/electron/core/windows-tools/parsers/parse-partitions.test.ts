import { describe, expect, it } from 'vitest';
import { parsePartitions } from '../../../../../electron/core/windows-tools/parsers/parse-partitions';

/** Get-Partition | Select-Object PARTITION_PROPERTIES | ConvertTo-Json: synthetic shapes (no public capture exists). */
const BROKEN_SHADOW =
  '{"DiskNumber":3,"PartitionNumber":1,"DriveLetter":"\\u0000","AccessPaths":null,"IsReadOnly":true,"IsHidden":true,"IsShadowCopy":true,"NoDefaultDriveLetter":true}';

describe('parsePartitions (Get-Partition JSON, synthetic shape)', () => {
  it('reads one partition written alone as an object, its NUL DriveLetter as no letter, and every attribute', () => {
    expect(parsePartitions(BROKEN_SHADOW)).toEqual([
      {
        diskNumber: 3,
        partitionNumber: 1,
        driveLetter: null,
        mountPoints: [],
        isReadOnly: true,
        isHidden: true,
        isShadowCopy: true,
        noDefaultDriveLetter: true,
      },
    ]);
  });

  it('reads an array; keeps folder mount points, not the letter root or the volume GUID path', () => {
    const [first, second] = parsePartitions(
      '[{"DiskNumber":4,"PartitionNumber":2,"DriveLetter":"f","AccessPaths":["F:\\\\","C:\\\\Mounts\\\\Logs\\\\","\\\\\\\\?\\\\Volume{ab12cd34-0000-0000-0000-200000000000}\\\\"],"IsReadOnly":false,"IsHidden":false,"IsShadowCopy":false,"NoDefaultDriveLetter":false},' +
        '{"DiskNumber":4,"PartitionNumber":3,"DriveLetter":"","AccessPaths":"C:\\\\Mounts\\\\Archive\\\\","IsReadOnly":"False","IsHidden":"False","IsShadowCopy":"False","NoDefaultDriveLetter":"False"}]',
    );
    expect(first).toMatchObject({ partitionNumber: 2, driveLetter: 'F:', mountPoints: ['C:\\Mounts\\Logs\\'], isShadowCopy: false });
    expect(second).toMatchObject({ partitionNumber: 3, driveLetter: null, mountPoints: ['C:\\Mounts\\Archive\\'], isHidden: false });
  });

  it('reads no output as no partitions', () => {
    expect(parsePartitions('')).toEqual([]);
  });

  it('refuses a partition whose attributes are missing, rather than reading them as cleared', () => {
    expect(() =>
      parsePartitions('{"PartitionNumber":1,"DriveLetter":"E","IsReadOnly":false,"IsHidden":false,"NoDefaultDriveLetter":false}'),
    ).toThrow(/Get-Partition: IsShadowCopy is missing/);
  });

  it('refuses a DriveLetter that is not a letter, naming the item', () => {
    expect(() => parsePartitions(BROKEN_SHADOW.replace('"\\u0000"', '"EF"'))).toThrow(/Get-Partition: DriveLetter is not a letter/);
  });
});
