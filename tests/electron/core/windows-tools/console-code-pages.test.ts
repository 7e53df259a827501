/**
 * Console output decoded with the code page it was written in: French and German tool lines, as a console in code
 * page 850 (or 437) writes them, read back with their accented letters; read as UTF-8 they were mojibake.
 */
import { describe, expect, it } from 'vitest';
import { decodeConsoleOutput, parseCodePage } from '../../../../electron/core/windows-tools/console-code-pages';

/** Bytes written out by hand from the code page tables (0x82 é, 0x8A è, 0x81 ü, 0xF8 degree sign, 0xB7 À in 850). */
const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

const FRENCH_VSSADMIN = bytes(
  "Contenu du jeu de clich\x82s instantan\x82s n\xf8 : {3e6c1f44-9a1b-4c2d-8e3f-5a6b7c8d9e0f}\r\n   Ordinateur d'origine : SQL01.contoso.local\r\n",
);
const FRENCH_DISKSHADOW = bytes('Acc\x8as refus\x82.\r\n\xb7 la fin : 2 clich\x82s import\x82s.\r\n');
const GERMAN_VSSADMIN = bytes('Schattenkopie f\x81r Volume (C:)\\\\?\\Volume{ab12cd34-0000-0000-0000-100000000000}\\\r\n');

describe('decodeConsoleOutput', () => {
  it('reads a French vssadmin listing written in code page 850 with its accents', () => {
    expect(decodeConsoleOutput(FRENCH_VSSADMIN, 850)).toBe(
      "Contenu du jeu de clichés instantanés n° : {3e6c1f44-9a1b-4c2d-8e3f-5a6b7c8d9e0f}\r\n   Ordinateur d'origine : SQL01.contoso.local\r\n",
    );
    expect(decodeConsoleOutput(FRENCH_DISKSHADOW, 850)).toBe('Accès refusé.\r\nÀ la fin : 2 clichés importés.\r\n');
    expect(decodeConsoleOutput(GERMAN_VSSADMIN, 850)).toContain('Schattenkopie für Volume (C:)');
  });

  it('would have been mojibake read as UTF-8, as every tool output was before', () => {
    const asUtf8 = decodeConsoleOutput(FRENCH_VSSADMIN, 65001);
    expect(asUtf8).not.toContain('clichés');
    expect(asUtf8).toContain('\ufffd');
    expect(Buffer.from(FRENCH_VSSADMIN).toString('utf8')).toBe(asUtf8);
  });

  it('tells 437 from 850 where they differ, and agrees where they do not', () => {
    expect(decodeConsoleOutput(bytes('\xb7'), 437)).toBe('\u2556');
    expect(decodeConsoleOutput(bytes('\xb7'), 850)).toBe('\u00c0');
    expect(decodeConsoleOutput(bytes('\x9b\x9d\xd5\xf5'), 850)).toBe('\u00f8\u00d8\u0131\u00a7');
    expect(decodeConsoleOutput(bytes('\x9b\x9d\xe1\xff'), 437)).toBe('\u00a2\u00a5\u00df\u00a0');
    expect(decodeConsoleOutput(FRENCH_VSSADMIN, 437)).toBe(decodeConsoleOutput(FRENCH_VSSADMIN, 850));
  });

  it('keeps ASCII as it is, and reads UTF-8 or an unknown page as UTF-8', () => {
    const ascii = bytes('Shadow Copy ID: {5f1d8c2a-1b2c-4d3e-8f40-123456789abc}\r\n');
    for (const page of [437, 850, 65001, 1252, null])
      expect(decodeConsoleOutput(ascii, page)).toBe('Shadow Copy ID: {5f1d8c2a-1b2c-4d3e-8f40-123456789abc}\r\n');
    expect(decodeConsoleOutput(Buffer.from('clichés', 'utf8'), 65001)).toBe('clichés');
    expect(decodeConsoleOutput(Buffer.from('clichés', 'utf8'), null)).toBe('clichés');
  });
});

describe('parseCodePage', () => {
  it('reads the number PowerShell printed, and nothing else', () => {
    expect(parseCodePage('850\r\n')).toBe(850);
    expect(parseCodePage('437')).toBe(437);
    expect(parseCodePage('Page de codes active : 850')).toBeNull();
    expect(parseCodePage('')).toBeNull();
  });
});
