import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { parseVssadminOutput } from '../../../../../electron/core/windows-tools/parsers/parse-vssadmin';
import { fixture } from '../fixtures';

describe('parseVssadminOutput on real captures (§3.2)', () => {
  it('list shadows with the Attributes line wrapped at 80 columns', () => {
    const r = parseVssadminOutput(fixture('vssadmin-list-shadows-wrapped.txt'));
    expect(r.shadowCopies).toEqual([
      {
        id: '153b6835-be81-45ed-bd01-2edbf4f61a85',
        setId: '7b37f005-c738-450c-83cd-ad2f237f2b28',
        originalVolume: '\\\\?\\Volume{be4f748a-a19f-11e6-a5bb-806e6f6e6963}\\',
        originalVolumeLabel: 'C:',
        creationTime: '11/5/2016 1:19:40 AM',
        // 11/5 is ambiguous without a locale.
        createdAt: null,
        deviceName: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1',
        originatingMachine: 'SERVER2008.thegeekstuff.com',
        serviceMachine: 'SERVER2008.thegeekstuff.com',
        exposedAs: null,
        providerId: null,
        attributes: ['Persistent', 'Client-accessible', 'No auto release', 'No writers', 'Differential'],
        originalCount: 1,
        providerName: 'Microsoft Software Shadow Copy provider 1.0',
        type: 'ClientAccessible',
      },
    ]);
    expect(r.unparsed).toEqual([]);
    expect(parseVssadminOutput(fixture('vssadmin-list-shadows-wrapped.txt'), { locale: 'en-US' }).shadowCopies[0]!.createdAt).toBe(
      '2016-11-05T01:19:40',
    );
  });
  it('create shadow', () => {
    const r = parseVssadminOutput(fixture('vssadmin-create-shadow.txt'));
    expect(r.shadowCopies).toHaveLength(1);
    expect(r.shadowCopies[0]).toMatchObject({
      id: '153b6835-be81-45ed-bd01-2edbf4f61a85',
      setId: null,
      originalVolumeLabel: 'C:\\',
      deviceName: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1',
    });
    expect(r.unparsed).toEqual(['C:\\Windows\\system32>vssadmin Create Shadow /for=C:']);
  });
  it('empty list, delete prompt, not-elevated error (rejoined mid-word wrap)', () => {
    expect(parseVssadminOutput(fixture('vssadmin-list-shadows-empty.txt'))).toEqual({
      shadowCopies: [],
      aliases: {},
      unparsed: ['C:\\Windows\\system32>vssadmin List Shadows'],
    });
    expect(parseVssadminOutput(fixture('vssadmin-delete-confirm.txt')).unparsed).toEqual([
      'Do you really want to delete 1 shadow copies (Y/N): [N]? Y',
      'Successfully deleted 1 shadow copies.',
    ]);
    expect(parseVssadminOutput(fixture('vssadmin-not-elevated-wrapped.txt')).unparsed).toEqual([
      "Error: You don't have the correct permissions to run this command.  Please run this utility from a command",
      'window that has elevated administrator privileges.',
    ]);
  });
  it('the capture that lost its line breaks is refused with a ParseError on line 1', () => {
    let caught: unknown;
    try {
      parseVssadminOutput(fixture('vssadmin-type-attributes-linebreaks-lost.txt'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ParseError);
    expect((caught as ParseError).line).toBe(1);
    expect((caught as ParseError).text).toMatch(/^Type: ClientAccessibleWriters Attributes:/);
  });
});

describe('parseVssadminOutput on the synthetic 120-column de-DE listing', () => {
  it('parses three shadows in two sets with upper-case GUIDs and a 120-column wrap', () => {
    const r = parseVssadminOutput(fixture('vssadmin-list-shadows-120col-de.synthetic.txt'), { locale: 'de-DE' });
    expect(r.shadowCopies.map((s) => [s.id, s.setId, s.originalVolumeLabel, s.createdAt])).toEqual([
      ['5f1d8c2a-1b2c-4d3e-8f40-123456789abc', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'E:', '2023-04-05T07:08:09'],
      ['6a2e9d3b-2c3d-4e4f-9051-23456789abcd', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', null, '2023-04-05T07:08:09'],
      ['153b6835-be81-45ed-bd01-2edbf4f61a85', '7b37f005-c738-450c-83cd-ad2f237f2b28', 'C:', '2023-05-13T23:59:59'],
    ]);
    expect(r.shadowCopies[0]!.attributes).toEqual([
      'Persistent',
      'No auto release',
      'No writers',
      'Differential',
      'Transportable',
      'Hardware assisted',
      'Imported',
      'Exposed locally',
    ]);
    expect(r.shadowCopies[0]!.providerName).toBe('Contoso Array VSS Hardware Provider');
    expect(r.unparsed).toEqual([]);
  });
  it('without a locale only the unambiguous date (13.05.) is converted', () => {
    const r = parseVssadminOutput(fixture('vssadmin-list-shadows-120col-de.synthetic.txt'));
    expect(r.shadowCopies.map((s) => s.createdAt)).toEqual([null, null, '2023-05-13T23:59:59']);
  });
  it('a property twice for one shadow is malformed', () => {
    expect(() => parseVssadminOutput('Shadow Copy ID: {153b6835-be81-45ed-bd01-2edbf4f61a85}\nType: A\nType: B')).toThrow(ParseError);
  });
});

describe('parseVssadminOutput: tolerance', () => {
  it('reads key names in any letter case, and the same values when they repeat', () => {
    const original = fixture('vssadmin-list-shadows-wrapped.txt');
    const shouted = original.replace(
      /^(\s*)([A-Za-z ]+?)(:|(?= Volume:))/gm,
      (_, indent: string, key: string, colon: string) => indent + key.toUpperCase() + colon,
    );
    expect(shouted).not.toBe(original);
    const twice = `${original}\r\n${original}`;
    const expected = parseVssadminOutput(original).shadowCopies[0]!;
    expect(parseVssadminOutput(shouted).shadowCopies).toEqual([expected]);
    expect(parseVssadminOutput(twice).shadowCopies).toEqual([expected, expected]);
  });
});
