import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import {
  cimInstant,
  parseShadowCopies,
  parseShadowProviders,
} from '../../../../../electron/core/windows-tools/parsers/parse-shadow-copies';
import { fixture } from '../fixtures';

describe('parseShadowCopies (Get-CimInstance Win32_ShadowCopy | ConvertTo-Json)', () => {
  it('reads an array: GUIDs lower-case without braces, the true flags by name, InstallDate as an instant', () => {
    const copies = parseShadowCopies(fixture('shadow-copies-cim.synthetic.json'));
    expect(copies).toEqual([
      {
        id: 'b15008d8-0c63-468c-aed7-ed4db0cfd082',
        setId: '083bbdba-4517-45a2-a62e-3f52020bc47c',
        providerId: 'b5946137-7b9f-4925-af80-51abd60b20d5',
        deviceObject: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy6',
        volumeName: '\\\\?\\Volume{be4f748a-a19f-11e6-a5bb-806e6f6e6963}\\',
        createdAt: '2020-04-19T21:34:01.000Z',
        originatingMachine: 'DC01.mydomain.local',
        serviceMachine: 'DC01.mydomain.local',
        count: 1,
        exposedName: null,
        state: 12,
        flags: ['Persistent', 'ClientAccessible', 'NoAutoRelease', 'NoWriters', 'Differential'],
      },
      {
        id: '5f1d8c2a-1b2c-4d3e-8f40-123456789abc',
        setId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        providerId: '781c006a-5829-4a25-81e3-d5e43bd005ab',
        deviceObject: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7',
        volumeName: '\\\\?\\Volume{ab12cd34-0000-0000-0000-100000000000}\\',
        createdAt: '2022-08-25T10:16:16.000Z',
        originatingMachine: 'SQL01.contoso.local',
        serviceMachine: 'SQL01.contoso.local',
        count: 2,
        exposedName: null,
        state: 12,
        flags: ['Persistent', 'NoAutoRelease', 'Transportable', 'HardwareAssisted', 'Differential', 'Imported'],
      },
    ]);
  });

  it('one shadow copy is written as an object, none as no output at all', () => {
    const [first] = JSON.parse(fixture('shadow-copies-cim.synthetic.json')) as unknown[];
    expect(parseShadowCopies(JSON.stringify(first)).map((c) => c.id)).toEqual(['b15008d8-0c63-468c-aed7-ed4db0cfd082']);
    expect(parseShadowCopies('')).toEqual([]);
    expect(parseShadowCopies('\r\n')).toEqual([]);
  });

  it('booleans written as text are read; an ID that is not a GUID is a ParseError', () => {
    const [copy] = parseShadowCopies(
      '{"ID":"{5F1D8C2A-1B2C-4D3E-8F40-123456789ABC}","SetID":"{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}","Imported":"True","Plex":"False"}',
    );
    expect(copy!.flags).toEqual(['Imported']);
    expect(() => parseShadowCopies('{"ID":"not-a-guid","SetID":"{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}"}')).toThrow(ParseError);
  });
});

describe('cimInstant: the forms InstallDate arrives in', () => {
  it.each([
    ['/Date(1587332041000)/', '2020-04-19T21:34:01.000Z'],
    ['/Date(1587332041000+0200)/', '2020-04-19T21:34:01.000Z'],
    ['20200419213401.000000-420', '2020-04-20T04:34:01.000Z'],
    ['20200419213401.500000+000', '2020-04-19T21:34:01.500Z'],
    ['2020-04-19T21:34:01.123+02:00', '2020-04-19T19:34:01.123Z'],
    ['2020-04-19T21:34:01Z', '2020-04-19T21:34:01.000Z'],
  ])('%s -> %s', (text, iso) => {
    expect(cimInstant(text)).toBe(iso);
  });

  it('a time without a zone, or a display string in some language, is not placed in time', () => {
    expect(cimInstant('2020-04-19T21:34:01')).toBeNull();
    expect(cimInstant('19/04/2020 21:34:01')).toBeNull();
    expect(cimInstant(null)).toBeNull();
  });
});

describe('parseShadowProviders (Win32_ShadowProvider)', () => {
  it('reads the providers with their IDs', () => {
    expect(
      parseShadowProviders(
        '{"ID":"{B5946137-7B9F-4925-AF80-51ABD60B20D5}","Name":"Microsoft Software Shadow Copy provider 1.0","Type":1,"Version":"1.0.0.7"}',
      ),
    ).toEqual([
      { id: 'b5946137-7b9f-4925-af80-51abd60b20d5', name: 'Microsoft Software Shadow Copy provider 1.0', type: 1, version: '1.0.0.7' },
    ]);
  });
});
