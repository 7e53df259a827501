import { describe, expect, it } from 'vitest';
import { parseVolumes } from '../../../../../electron/core/windows-tools/parsers/parse-volumes';

describe('parseVolumes (Get-Volume JSON, synthetic shape)', () => {
  it('reads one object or an array; empty DriveLetter means no letter; GUID lower-cased', () => {
    expect(
      parseVolumes(
        '{"DriveLetter":"e","Path":"\\\\\\\\?\\\\Volume{AB12CD34-0000-0000-0000-100000000000}\\\\","FileSystemLabel":"SQLData","FileSystem":"NTFS"}',
      ),
    ).toEqual([{ driveLetter: 'E:', path: '\\\\?\\Volume{ab12cd34-0000-0000-0000-100000000000}\\', label: 'SQLData', fileSystem: 'NTFS' }]);
    const [mounted] = parseVolumes(
      '[{"DriveLetter":"","Path":"\\\\\\\\?\\\\Volume{ab12cd34-0000-0000-0000-300000000000}\\\\","FileSystemLabel":null,"FileSystem":"ReFS"}]',
    );
    expect(mounted).toMatchObject({ driveLetter: null, label: '', fileSystem: 'ReFS' });
  });
  it('reads a letterless volume whose DriveLetter is the NUL character, as Get-Partition and Get-Volume print it in JSON', () => {
    // ConvertTo-Json writes a [char] 0 as "\u0000" (docs/windows-facts.md#letterless-volumes).
    const [letterless] = parseVolumes(
      '[{"DriveLetter":"\\u0000","Path":"\\\\\\\\?\\\\Volume{ab12cd34-0000-0000-0000-400000000000}\\\\","FileSystemLabel":"Logs","FileSystem":"NTFS"}]',
    );
    expect(letterless).toMatchObject({ driveLetter: null, label: 'Logs' });
  });
  it('refuses a path that is not a volume GUID path, naming the item', () => {
    expect(() => parseVolumes('[{"DriveLetter":"E","Path":"E:\\\\"}]')).toThrow(/Get-Volume: Path is not/);
  });
});
