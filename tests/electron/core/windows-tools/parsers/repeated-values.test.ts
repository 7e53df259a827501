import { describe, expect, it } from 'vitest';
import { guidIn } from '../../../../../electron/core/windows-tools/parsers/guid-text';
import { KnownLines } from '../../../../../electron/core/windows-tools/parsers/known-lines';
import { RepeatedField } from '../../../../../electron/core/windows-tools/parsers/repeated-values';
import { NameTable } from '../../../../../electron/core/windows-tools/parsers/text-scan';

describe('RepeatedField', () => {
  it('produces each text once while it repeats, and again when another came in between', () => {
    const produced: string[] = [];
    const field = new RepeatedField((text) => {
      produced.push(text);
      return text.toUpperCase();
    }, '');
    const src = 'host-a|host-a|host-b|host-a';
    expect([0, 7, 14, 21].map((at) => field.at(src, at, at + 6))).toEqual(['HOST-A', 'HOST-A', 'HOST-B', 'HOST-A']);
    expect(produced).toEqual(['host-a', 'host-b', 'host-a']);
  });

  it('remembers recurring texts out of order', () => {
    const produced: string[] = [];
    const field = new RepeatedField((text) => (produced.push(text), `<${text}>`), '', 16);
    const texts = ['E:', 'F:', 'G:', 'H:', 'I:', 'J:', 'E:', 'J:', 'F:', 'I:', 'G:', 'H:'];
    const src = texts.join(' ');
    expect(texts.map((_, i) => field.at(src, i * 3, i * 3 + 2))).toEqual(texts.map((t) => `<${t}>`));
    expect(produced).toEqual(['E:', 'F:', 'G:', 'H:', 'I:', 'J:']);
  });

  it('stays correct with more distinct texts than it remembers', () => {
    const field = new RepeatedField((text) => `<${text}>`, '', 3);
    const texts = Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x41 + (i % 9), 0x41 + ((i * 7) % 11)));
    const src = texts.join(' ');
    expect(texts.map((_, i) => field.at(src, i * 3, i * 3 + 2))).toEqual(texts.map((t) => `<${t}>`));
  });

  it('compares in place texts read from different strings', () => {
    const field = new RepeatedField((text) => ({ text }), { text: '' });
    const first = field.at('xx SERVER yy', 3, 9);
    expect(field.at('SERVER', 0, 6)).toBe(first);
    expect(field.at('SERVEX', 0, 6)).not.toBe(first);
  });
});

describe('guidIn', () => {
  it('reads a GUID in place, with or without braces, trimmed and lower-cased', () => {
    const line = 'ID: { 7B37F005-C738-450C-83CD-AD2F237F2B28 } ';
    expect(guidIn(line, 4, line.length)).toBeNull(); // a space inside the braces is not a GUID
    const braced = 'ID:  {7B37F005-C738-450C-83CD-AD2F237F2B28}  ';
    expect(guidIn(braced, 3, braced.length)).toBe('7b37f005-c738-450c-83cd-ad2f237f2b28');
    expect(guidIn('x7b37f005-c738-450c-83cd-ad2f237f2b28x', 1, 37)).toBe('7b37f005-c738-450c-83cd-ad2f237f2b28');
    expect(guidIn('{7b37f005-c738-450c-83cd-ad2f237f2b28', 0, 37)).toBeNull();
    expect(guidIn('{7b37f005-c738-450c-83cd-ad2f237f2b28}}', 0, 39)).toBeNull();
  });
});

describe('NameTable', () => {
  const table = new NameTable([{ name: 'Shadow Copy ID:' }, { name: 'Service Machine:' }]);
  it('matches names in any letter case, other characters exactly', () => {
    expect(table.find('  SHADOW copy id: {x}', 2, 21)?.name).toBe('Shadow Copy ID:');
    expect(table.find('service machine: a', 0, 18)?.name).toBe('Service Machine:');
    // ':' and '\x1a' differ only in the bit that folds letters: not the same character.
    expect(table.find('Shadow Copy ID\x1a {x}', 0, 19)).toBeNull();
    expect(table.find('Shadow Copy I', 0, 13)).toBeNull();
  });
});

describe('KnownLines', () => {
  const known = new KnownLines([
    { prefix: 'DiskShadow is exiting.', pattern: /^DiskShadow is exiting\.\s*$/i },
    { prefix: 'DISKSHADOW>', pattern: /^DISKSHADOW>.*$/ },
  ]);
  it('tests a pattern only where its prefix fits, with the pattern deciding the case', () => {
    expect(known.test('diskshadow IS EXITING.')).toBe(true);
    expect(known.test('DISKSHADOW> list shadows all')).toBe(true);
    expect(known.test('diskshadow> list shadows all')).toBe(false);
    expect(known.test('DiskShadow is exiting now')).toBe(false);
    const line = '  DiskShadow is exiting.  ';
    expect(known.test(line, 2, line.length - 2)).toBe(true);
  });
});
