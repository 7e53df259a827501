/**
 * Parser for diskshadow console output and /l logs: `create` results and `list shadows` blocks
 * (docs/windows-facts.md#the-per-shadow-listing-block). Script echo (`-> cmd`) and interactive prompts (`DISKSHADOW> cmd`) are
 * recognized; alias definitions are collected; everything else unknown goes to `unparsed`.
 *
 * Consistency check: `Number of shadow copies listed: N` must equal the blocks since the previous such
 * line; a mismatch means the output was cut or garbled, which is a ParseError rather than a silent loss.
 */
import { ParseError } from './parse-error';
import { guidOrNull } from './guid-text';
import type { DateOptions } from './locale-date';
import { diskshadowHeader, isHeaderLine, isShadowPropertyLine, parseShadowBlocks } from './shadow-block';
import type { ShadowListing } from './shadow-listing';
import { KnownLines } from './known-lines';
import { LineCursor, type LogicalLine } from './text-lines';
import { startsWithIgnoreCase } from './text-scan';

const KNOWN = new KnownLines([
  { prefix: 'Microsoft DiskShadow version ', pattern: /^Microsoft DiskShadow version \S+\s*$/i },
  { prefix: 'Copyright (C) ', pattern: /^Copyright \(C\) \d{4} Microsoft Corporation\s*$/i },
  { prefix: 'On computer:', pattern: /^On computer:\s+.+$/i },
  { prefix: 'DISKSHADOW>', pattern: /^DISKSHADOW>.*$/ },
  { prefix: '->', pattern: /^->(?:\s.*)?$/ },
  { prefix: 'Querying all shadow copies', pattern: /^Querying all shadow copies\b.*$/i },
  { prefix: 'The shadow copy was successfully exposed as ', pattern: /^The shadow copy was successfully exposed as .*$/i },
  { prefix: 'DiskShadow is exiting.', pattern: /^DiskShadow is exiting\.\s*$/i },
]);

const ALIAS_SHADOW = /^Alias (\S+) for shadow ID (\S+) set as environment variable\.\s*$/i;
const ALIAS_SET = /^Alias (\S+) for shadow set ID (\S+) set as environment variable\.\s*$/i;
const ALIAS_EXPANSION = /^->\s*%([A-Za-z0-9_]+)%\s*=\s*(\S+)\s*$/;
const COUNT = /^Number of shadow copies listed:\s*(\d+)\s*$/i;
const RECORD_START = /^(?:->|DISKSHADOW>|Alias |Querying |Number of shadow copies|\* )/i;

function startsRecord(line: string): boolean {
  const t = line.trimStart();
  return isHeaderLine(line, diskshadowHeader) || isShadowPropertyLine(line) || RECORD_START.test(t) || KNOWN.test(t);
}

function aliasGuid(text: string, line: LogicalLine): string {
  const g = guidOrNull(text);
  if (g === null) throw new ParseError('An alias is defined with a value that is not a GUID', line.line, line.raw);
  return g;
}

export function parseDiskshadowOutput(text: string, options: DateOptions = {}): ShadowListing {
  if (typeof text !== 'string') throw new ParseError('diskshadow output is not text', 0, '');
  return parseShadowBlocks(
    new LineCursor(text, startsRecord),
    {
      header: diskshadowHeader,
      known: (t) => KNOWN.test(t.trim()),
      extra: (line, listing, state) => {
        const t = line.text.trim();
        // Each pattern is tried only on lines that start as it does: most lines are neither.
        const a = startsWithIgnoreCase(t, 0, t.length, 'alias ')
          ? (ALIAS_SHADOW.exec(t) ?? ALIAS_SET.exec(t))
          : t.startsWith('->')
            ? ALIAS_EXPANSION.exec(t)
            : null;
        if (a !== null) {
          listing.aliases[a[1] ?? ''] = aliasGuid(a[2] ?? '', line);
          return true;
        }
        const c = startsWithIgnoreCase(t, 0, t.length, 'number of shadow copies listed:') ? COUNT.exec(t) : null;
        if (c !== null) {
          const expected = Number(c[1]);
          if (expected !== state.blocksSinceCount) {
            throw new ParseError(
              `diskshadow reports ${expected} shadow copies but ${state.blocksSinceCount} were listed above; the output is incomplete`,
              line.line,
              line.raw,
            );
          }
          state.blocksSinceCount = 0;
          return true;
        }
        return false;
      },
    },
    options,
  );
}
