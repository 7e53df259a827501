import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { parseVssadminOutput } from '../../../../../electron/core/windows-tools/parsers/parse-vssadmin';
import { CONSOLE_WIDTHS, displayWidth } from '../../../../../electron/core/windows-tools/parsers/text-lines';
import { fixture } from '../fixtures';

describe('parseVssadminOutput on real captures', () => {
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

describe('parseVssadminOutput in the languages administrators use', () => {
  it('a real French listing: its set ID as posted is not a GUID (the poster typed an "s"), and that line is named', () => {
    const text = fixture('vssadmin-list-shadows-fr.real.txt');
    let caught: unknown;
    try {
      parseVssadminOutput(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ParseError);
    expect((caught as ParseError).line).toBe(4);
    expect((caught as ParseError).text).toMatch(/^Contenu du jeu de clichés instantanés n° : \{s2acebd3-/);
  });

  it('the same French listing, with that one character read as the hex digit 5, parses whole', () => {
    const text = fixture('vssadmin-list-shadows-fr.real.txt').replace('{s2acebd3-', '{52acebd3-');
    const r = parseVssadminOutput(text);
    expect(r.unparsed).toEqual([]);
    expect(r.shadowCopies).toEqual([
      {
        id: '81c4df18-1af6-1b8c-b29d-04e981ed970c',
        setId: '52acebd3-14e3-4786-a53e-5ae3c8c62eba',
        originalVolume: '\\\\?\\Volume{c6cccf4b-dd16-4240-8bbd-5fbf9c080b2e}\\',
        originalVolumeLabel: 'D:',
        creationTime: '19/05/2023 18:58:50',
        createdAt: '2023-05-19T18:58:50',
        deviceName: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy41',
        originatingMachine: 'SERVER',
        serviceMachine: 'SERVER',
        exposedAs: null,
        providerId: null,
        attributes: ['Persistent', 'Accessible par client', 'Pas de libération automatique', 'Aucun rédacteur', 'Différentielle'],
        originalCount: 1,
        providerName: 'Microsoft Software Shadow Copy provider 1.0',
        type: 'ClientAccessible',
      },
    ]);
  });

  it('a Spanish listing (synthetic): two copies, the French-style date read D/M/Y because the labels are Spanish', () => {
    const r = parseVssadminOutput(fixture('vssadmin-list-shadows-es.synthetic.txt'));
    expect(r.unparsed).toEqual(['C:\\Windows\\system32>vssadmin list shadows']);
    expect(
      r.shadowCopies.map((c) => [c.id, c.setId, c.originalVolumeLabel, c.deviceName, c.originatingMachine, c.createdAt, c.attributes]),
    ).toEqual([
      [
        '8e2d4c6a-1b3f-4a5c-9d7e-2f4a6c8e0b1d',
        '3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
        'E:',
        '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy12',
        'SQL01.contoso.es',
        '2024-04-03T09:15:02',
        ['Persistente', 'Sin liberación automática', 'Transportable', 'Asistido por hardware'],
      ],
      [
        '9f3e5d7b-2c40-4b6d-8e8f-3a5b7d9f1c2e',
        '3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
        'F:',
        '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy13',
        'SQL01.contoso.es',
        '2024-04-03T09:15:02',
        ['Persistente', 'Sin liberación automática', 'Transportable', 'Asistido por hardware'],
      ],
    ]);
    expect(r.shadowCopies.map((c) => [c.providerName, c.type, c.originalCount])).toEqual([
      ['Contoso Array VSS Hardware Provider', 'ApplicationRollback', 2],
      ['Contoso Array VSS Hardware Provider', 'ApplicationRollback', 2],
    ]);
  });

  it('a locale the operator names wins over the one the language implies', () => {
    const r = parseVssadminOutput(fixture('vssadmin-list-shadows-es.synthetic.txt'), { locale: 'en-US' });
    expect(r.shadowCopies[0]!.createdAt).toBe('2024-03-04T09:15:02');
  });

  it('a German listing (synthetic): `Typ` and `Attribute` are not taken for English `Type` and `Attributes`', () => {
    const r = parseVssadminOutput(fixture('vssadmin-list-shadows-de.synthetic.txt'));
    expect(r.unparsed).toEqual([]);
    expect(r.shadowCopies).toHaveLength(1);
    expect(r.shadowCopies[0]).toMatchObject({
      id: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
      setId: '6d5c4b3a-2918-4776-8554-433221100fed',
      originalVolumeLabel: 'G:',
      deviceName: '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3',
      originatingMachine: 'FS01.contoso.de',
      serviceMachine: 'FS01.contoso.de',
      createdAt: '2024-03-02T22:10:05',
      type: 'ClientAccessible',
      attributes: ['Dauerhaft', 'Clientzugriff möglich', 'Keine automatische Freigabe', 'Keine Verfasser', 'Differenziell'],
    });
  });

  it('an English listing still leaves an ambiguous date unread without a locale', () => {
    expect(parseVssadminOutput(fixture('vssadmin-list-shadows-wrapped.txt')).shadowCopies[0]!.createdAt).toBeNull();
  });
});

describe('parseVssadminOutput: an Attributes list ending with a comma goes on, whatever the width', () => {
  const ALL = ['Persistent', 'Client-accessible', 'No auto release', 'No writers', 'Differential'];
  /** The real 80-column capture with its Attributes line replaced by `lines`. */
  function rewrapped(lines: string[]): string {
    const [head] = fixture('vssadmin-list-shadows-wrapped.txt').split(/\r?\n         Attributes:/);
    return `${head}\n${lines.join('\n')}\n`;
  }

  const cases: Array<[string, string[]]> = [
    [
      '82 columns, the rest after tabs',
      ['           Attributes: Persistent, Client-accessible, No auto release, No writers,', '\t\tDifferential'],
    ],
    [
      '68 columns, a space kept after the comma',
      ['         Attributes: Persistent, Client-accessible, No auto release, ', '  No writers, Differential'],
    ],
    [
      'tab indentation (87 columns), no indent after',
      ['\t\tAttributes: Persistent, Client-accessible, No auto release, No writers,', 'Differential'],
    ],
    [
      'three lines of 45 and 33 columns',
      ['         Attributes: Persistent, Client-accessible,', ' No auto release, No writers,', ' Differential'],
    ],
  ];
  for (const [name, lines] of cases) {
    it(`re-wrapped: ${name}`, () => {
      for (const line of lines.slice(0, -1)) expect(CONSOLE_WIDTHS).not.toContain(displayWidth(line));
      const r = parseVssadminOutput(rewrapped(lines));
      expect(r.unparsed).toEqual([]);
      expect(r.shadowCopies[0]!.attributes).toEqual(ALL);
    });
  }

  it('a comma at the end of another property does not swallow the next line', () => {
    const text = fixture('vssadmin-list-shadows-wrapped.txt').replace(
      'Service Machine: SERVER2008.thegeekstuff.com',
      'Service Machine: SERVER2008,',
    );
    const r = parseVssadminOutput(text);
    expect(r.shadowCopies[0]!.serviceMachine).toBe('SERVER2008,');
    expect(r.shadowCopies[0]!.providerName).toBe('Microsoft Software Shadow Copy provider 1.0');
  });

  it('a list ending with a comma before a blank line or the next property stays as it is', () => {
    const text = rewrapped([
      '         Attributes: Persistent, Client-accessible,',
      '',
      'Contents of shadow copy set ID: {7b37f005-c738-450c-83cd-ad2f237f2b29}',
    ]);
    const r = parseVssadminOutput(text);
    expect(r.shadowCopies[0]!.attributes).toEqual(['Persistent', 'Client-accessible']);
  });
});
