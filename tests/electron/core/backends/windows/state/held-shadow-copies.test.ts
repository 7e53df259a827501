/** A set imported here, laid over what Win32_ShadowCopy lists: imported and exposure from CIM, identity from the catalog. */
import { describe, expect, it } from 'vitest';
import type { SnapshotSet } from '../../../../../../shared/domain';
import { asListedByCim } from '../../../../../../electron/core/backends/windows/state/held-shadow-copies';
import type { CimShadowCopy } from '../../../../../../electron/core/windows-tools/parsers/parse-shadow-copies';

const SET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const copy = (id: string) => ({
  id,
  originalLunId: `lun-${id}`,
  shadowLunId: '',
  originalVolume: `\\\\?\\Volume{${id}}\\`,
  originalDriveLetter: null,
  originalIdentity: { partitionStyle: 'MBR' as const, signature: '1234ABCD' },
  imported: true,
  exposedAs: null,
});
const set: SnapshotSet = {
  id: SET,
  createdAt: '2022-08-25T12:16:10.000Z',
  sourceHost: 'SQL01',
  state: 'exposed',
  attributes: ['Transportable'],
  providerId: '781c006a-5829-4a25-81e3-d5e43bd005ab',
  metadataFile: 'C:\\ShadowSwap\\metadata\\set.cab',
  importedTo: 'SQL01',
  breakMode: null,
  shadowCopies: [copy('a'), copy('b'), copy('c')],
};
const cim = (id: string, overrides: Partial<CimShadowCopy>): CimShadowCopy => ({
  id,
  setId: SET,
  providerId: null,
  deviceObject: null,
  volumeName: null,
  createdAt: null,
  originatingMachine: null,
  serviceMachine: null,
  count: 3,
  exposedName: null,
  state: 12,
  flags: ['Transportable', 'Imported'],
  ...overrides,
});

describe('asListedByCim', () => {
  it('takes imported and exposure from CIM, keeps the catalog identity, and shows what CIM no longer lists as gone', () => {
    const read = asListedByCim(set, [
      cim('a', { exposedName: 'e:\\', flags: ['Transportable', 'Imported', 'ExposedLocally'] }),
      cim('b', { exposedName: 'C:\\Recovered\\Logs\\', flags: ['Transportable'] }),
      cim('c', { setId: '1b2c3d4e-5f60-4a6b-8c7d-9e0f1a2b3c4d' }),
    ]);
    expect(read.shadowCopies.map((c) => [c.id, c.imported, c.exposedAs, c.originalLunId])).toEqual([
      ['a', true, 'E:', 'lun-a'],
      ['b', false, 'C:\\Recovered\\Logs\\', 'lun-b'],
      // Listed for another set only: not this set's copy.
      ['c', false, null, 'lun-c'],
    ]);
    expect(read.attributes).toEqual(['Transportable', 'Imported', 'ExposedLocally']);
    expect(read.state).toBe('exposed');
  });

  it('keeps the recorded attributes when CIM lists none of the set', () => {
    const read = asListedByCim(set, []);
    expect(read.attributes).toEqual(['Transportable']);
    expect(read.shadowCopies.every((c) => !c.imported && c.exposedAs === null)).toBe(true);
  });
});
