/**
 * Parser for diskshadow console output and /l logs: `create` results and `list shadows` blocks
 * (reference §1.4, §1.6). Script echo (`-> cmd`) and interactive prompts (`DISKSHADOW> cmd`) are
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
import { LineCursor, type LogicalLine } from './text-lines';

const KNOWN: RegExp[] = [
  /^Microsoft DiskShadow version \S+\s*$/i,
  /^Copyright \(C\) \d{4} Microsoft Corporation\s*$/i,
  /^On computer:\s+.+$/i,
  /^DISKSHADOW>.*$/,
  /^->(?:\s.*)?$/,
  /^Querying all shadow copies\b.*$/i,
  /^The shadow copy was successfully exposed as .*$/i,
  /^DiskShadow is exiting\.\s*$/i,
];

const ALIAS_SHADOW = /^Alias (\S+) for shadow ID (\S+) set as environment variable\.\s*$/i;
const ALIAS_SET = /^Alias (\S+) for shadow set ID (\S+) set as environment variable\.\s*$/i;
const ALIAS_EXPANSION = /^->\s*%([A-Za-z0-9_]+)%\s*=\s*(\S+)\s*$/;
const COUNT = /^Number of shadow copies listed:\s*(\d+)\s*$/i;
const RECORD_START = /^(?:->|DISKSHADOW>|Alias |Querying |Number of shadow copies|\* )/i;

function startsRecord(line: string): boolean {
  const t = line.trimStart();
  return (
    isHeaderLine(line, diskshadowHeader) ||
    isShadowPropertyLine(line) ||
    RECORD_START.test(t) ||
    KNOWN.some((re) => re.test(t))
  );
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
      known: (t) => KNOWN.some((re) => re.test(t.trim())),
      extra: (line, listing, state) => {
        const t = line.text.trim();
        const a = ALIAS_SHADOW.exec(t) ?? ALIAS_SET.exec(t) ?? ALIAS_EXPANSION.exec(t);
        if (a !== null) {
          listing.aliases[a[1] ?? ''] = aliasGuid(a[2] ?? '', line);
          return true;
        }
        const c = COUNT.exec(t);
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
