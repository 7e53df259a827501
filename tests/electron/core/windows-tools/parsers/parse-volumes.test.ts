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
  it('refuses a path that is not a volume GUID path, naming the item', () => {
    expect(() => parseVolumes('[{"DriveLetter":"E","Path":"E:\\\\"}]')).toThrow(/Get-Volume: Path is not/);
  });
});
