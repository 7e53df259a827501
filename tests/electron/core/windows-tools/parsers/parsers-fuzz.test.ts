/**
 * Fuzzing: random text and mutations of the real/synthetic captures. A parser either returns a result or
 * throws ParseError — never anything else (no TypeError, RangeError, stack overflow...).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseClusterGroups,
  parseClusterNodes,
  parseClusterResources,
  parseDiskResourceParameters,
} from '../../../../../electron/core/windows-tools/parsers/parse-cluster';
import { parseDisks } from '../../../../../electron/core/windows-tools/parsers/parse-disk';
import { parseDiskraidOutput } from '../../../../../electron/core/windows-tools/parsers/parse-diskraid';
import { parseDiskshadowOutput } from '../../../../../electron/core/windows-tools/parsers/parse-diskshadow';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { parseVshadowOutput } from '../../../../../electron/core/windows-tools/parsers/parse-vshadow';
import { parseVssadminOutput } from '../../../../../electron/core/windows-tools/parsers/parse-vssadmin';
import { detectToolFailure } from '../../../../../electron/core/windows-tools/errors';
import { fixture } from '../fixtures';

const textParsers: [string, (t: string) => unknown, string[]][] = [
  [
    'diskshadow',
    (t) => parseDiskshadowOutput(t, { locale: 'en-US' }),
    [
      'diskshadow-create-interactive.txt',
      'diskshadow-create-script-tabs.txt',
      'diskshadow-create-transportable.synthetic.txt',
      'diskshadow-list-shadows-imported-wrapped.synthetic.txt',
    ],
  ],
  [
    'vshadow',
    (t) => parseVshadowOutput(t),
    ['vshadow-3.0-create-persistent-nowriters.txt', 'vshadow-query-imported.synthetic.txt', 'vshadow-setvar.synthetic.cmd'],
  ],
  [
    'vssadmin',
    (t) => parseVssadminOutput(t, { locale: 'de-DE' }),
    ['vssadmin-list-shadows-wrapped.txt', 'vssadmin-list-shadows-120col-de.synthetic.txt', 'vssadmin-create-shadow.txt'],
  ],
  ['diskraid', (t) => parseDiskraidOutput(t), ['diskraid-list-drives.txt', 'diskraid-select-associate-ports.txt']],
];
const jsonParsers: [string, (t: string) => unknown, string[]][] = [
  ['cluster resources', parseClusterResources, ['cluster-resources.synthetic.json', 'cluster-resource-single-old-host.synthetic.json']],
  ['cluster parameters', parseDiskResourceParameters, ['cluster-parameters-mbr.synthetic.json', 'cluster-parameters-gpt.synthetic.json']],
  ['cluster nodes', parseClusterNodes, ['cluster-nodes.synthetic.json']],
  ['cluster groups', parseClusterGroups, ['cluster-groups.synthetic.json']],
  ['disks', parseDisks, ['disks.synthetic.json']],
];

function onlyParseErrors(parse: (t: string) => unknown, text: string): boolean {
  try {
    parse(text);
    return true;
  } catch (e) {
    if (e instanceof ParseError) {
      expect(Number.isInteger(e.line) && e.line >= 0).toBe(true);
      return true;
    }
    throw e;
  }
}

/** Mutations that mimic capture damage: drop/duplicate/swap lines, cut mid-line, strip tabs, change case, insert junk. */
function mutated(base: string): fc.Arbitrary<string> {
  const lines = base.split(/\r?\n/);
  const n = Math.max(lines.length, 1);
  return fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('drop' as const), at: fc.nat(n - 1) }),
        fc.record({ op: fc.constant('dup' as const), at: fc.nat(n - 1) }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat(n - 1), pos: fc.nat(120) }),
        fc.record({ op: fc.constant('wrap' as const), at: fc.nat(n - 1), pos: fc.nat(120) }),
        fc.record({ op: fc.constant('upper' as const), at: fc.nat(n - 1) }),
        fc.record({ op: fc.constant('junk' as const), at: fc.nat(n - 1), text: fc.string({ unit: 'binary', maxLength: 30 }) }),
        fc.record({ op: fc.constant('detab' as const) }),
      ),
      { maxLength: 8 },
    )
    .map((ops) => {
      const ls = [...lines];
      for (const o of ops) {
        const at = 'at' in o ? Math.min(o.at, Math.max(ls.length - 1, 0)) : 0;
        const line = ls[at] ?? '';
        if (o.op === 'drop') ls.splice(at, 1);
        else if (o.op === 'dup') ls.splice(at, 0, line);
        else if (o.op === 'cut') ls[at] = line.slice(0, o.pos);
        else if (o.op === 'wrap') ls.splice(at, 1, line.slice(0, o.pos), line.slice(o.pos));
        else if (o.op === 'upper') ls[at] = line.toUpperCase();
        else if (o.op === 'junk') ls.splice(at, 0, o.text);
        else ls.forEach((l, i) => (ls[i] = l.replace(/\t/g, ' ')));
      }
      return ls.join('\r\n');
    });
}

describe('text parsers never throw anything but ParseError', () => {
  for (const [name, parse, files] of textParsers) {
    it(`${name}: random text`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (t) => onlyParseErrors(parse, t)),
        { numRuns: 1500 },
      );
    });
    it(`${name}: random lines built from the tool's own vocabulary`, () => {
      const vocab = files.flatMap((f) => fixture(f).split(/\r?\n/));
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...vocab), { maxLength: 60 }), (ls) => onlyParseErrors(parse, ls.join('\n'))),
        { numRuns: 1500 },
      );
    });
    for (const f of files) {
      it(`${name}: mutations of ${f}`, () => {
        fc.assert(
          fc.property(mutated(fixture(f)), (t) => onlyParseErrors(parse, t)),
          { numRuns: 800 },
        );
      });
    }
  }
  it('errors.ts classification never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.option(fc.integer({ min: -5, max: 300 })), (t, code) => {
        const r = detectToolFailure({ tool: 'diskshadow', exitCode: code, output: t });
        return r === null || r.code === 'BACKEND_FAILED';
      }),
      { numRuns: 1000 },
    );
  });
});

describe('JSON parsers never throw anything but ParseError', () => {
  const jsonValue = fc.jsonValue({ maxDepth: 3 });
  for (const [name, parse, files] of jsonParsers) {
    it(`${name}: random JSON values and random text`, () => {
      fc.assert(
        fc.property(jsonValue, (v) => onlyParseErrors(parse, JSON.stringify(v) ?? '')),
        { numRuns: 1000 },
      );
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => onlyParseErrors(parse, t)),
        { numRuns: 500 },
      );
    });
    it(`${name}: objects with the right keys and random values`, () => {
      const keys = [
        ...new Set(
          files.flatMap((f) => {
            const v: unknown = JSON.parse(fixture(f));
            return (Array.isArray(v) ? v : [v]).flatMap((o) => Object.keys(o as object));
          }),
        ),
      ];
      const item = fc.dictionary(fc.constantFrom(...keys, 'Name', 'Value'), jsonValue, { maxKeys: keys.length + 2 });
      fc.assert(
        fc.property(fc.oneof(item, fc.array(item, { maxLength: 5 })), (v) => onlyParseErrors(parse, JSON.stringify(v))),
        { numRuns: 1500 },
      );
    });
    for (const f of files) {
      it(`${name}: character-level mutations of ${f}`, () => {
        const base = fixture(f);
        fc.assert(
          fc.property(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 5 }), (a, b, ins) => {
            const [from, to] = a <= b ? [a, b] : [b, a];
            return onlyParseErrors(parse, base.slice(0, from) + ins + base.slice(to));
          }),
          { numRuns: 800 },
        );
      });
    }
  }
});
