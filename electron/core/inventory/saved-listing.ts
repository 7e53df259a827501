/**
 * Saved diskshadow or vssadmin output read for the operator (`shadowswap parse`, "Open saved output…"), with
 * one rule both doors keep: a listing is never reported empty when the parser did not understand it. A
 * file that yields no shadow copy but has lines the parser did not recognise is in a language or format
 * ShadowSwap does not read, or is the other tool's output; in a recovery tool "0 shadow copies" would read
 * as "there are none", so it is a failure that shows the lines.
 */
import { ShadowSwapError } from '../../../shared/errors';
import type { SavedOutputTool } from '../../../shared/saved-output-contract';
import type { DateOptions } from '../windows-tools/parsers/locale-date';
import { ParseError } from '../windows-tools/parsers/parse-error';
import { parseDiskshadowOutput } from '../windows-tools/parsers/parse-diskshadow';
import { parseVssadminOutput } from '../windows-tools/parsers/parse-vssadmin';
import type { ShadowListing } from '../windows-tools/parsers/shadow-listing';

const PARSERS: Record<SavedOutputTool, (text: string, options: DateOptions) => ShadowListing> = {
  diskshadow: parseDiskshadowOutput,
  vssadmin: parseVssadminOutput,
};

/** Lines of a refusal shown in full; the rest are counted (the CLI's --json never needs them: it is not printed). */
const LINES_SHOWN = 20;

/**
 * The prompt a pasted console capture starts with (`C:\Windows\system32>vssadmin list shadows`, `PS C:\>`,
 * `*Evil-WinRM* PS C:\…>`): the operator's command, not the tool's output, so not a sign of a listing
 * ShadowSwap cannot read. It still appears among the unrecognised lines of a listing.
 */
const PROMPT_ECHO = /^\s*(?:\*[^*]+\*\s+)?(?:PS\s+)?[A-Za-z]:\\[^>]*>/;

export function isPromptEcho(line: string): boolean {
  return PROMPT_ECHO.test(line);
}

function otherTool(tool: SavedOutputTool): SavedOutputTool {
  return tool === 'vssadmin' ? 'diskshadow' : 'vssadmin';
}

/** Whether the other tool's parser finds shadow copies in `text` (a file opened as the wrong tool). */
function readsAsOther(tool: SavedOutputTool, text: string, options: DateOptions): boolean {
  try {
    return PARSERS[otherTool(tool)](text, options).shadowCopies.length > 0;
  } catch (error) {
    if (error instanceof ParseError) return false;
    throw error;
  }
}

function shown(lines: readonly string[]): string {
  const listed = lines.slice(0, LINES_SHOWN).map((line) => `  ${line}`);
  const more = lines.length > LINES_SHOWN ? [`  … and ${lines.length - LINES_SHOWN} more`] : [];
  return [...listed, ...more].join('\n');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The listing in `text` as `tool` printed it. Throws a ShadowSwapError (STATE_UNREADABLE) when the text is
 * malformed (the line is named) or yields no shadow copy while holding lines the parser did not recognise.
 */
export function readSavedListing(tool: SavedOutputTool, text: string, options: DateOptions, file?: string): ShadowListing {
  const subject = file ?? 'This';
  const where = file === undefined ? { tool } : { tool, file };
  let listing: ShadowListing;
  try {
    listing = PARSERS[tool](text, options);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    throw new ShadowSwapError(
      'STATE_UNREADABLE',
      `${subject} is not ${tool} output ShadowSwap can read: ${error.message}. Check that the file is the tool's own output, or choose the other tool.`,
      { ...where, line: error.line },
    );
  }
  if (listing.shadowCopies.length > 0) return listing;
  const unrecognised = listing.unparsed.filter((line) => !isPromptEcho(line));
  if (unrecognised.length === 0) return listing;
  const count = plural(unrecognised.length, 'line');
  const other = otherTool(tool);
  if (readsAsOther(tool, text, options)) {
    throw new ShadowSwapError(
      'STATE_UNREADABLE',
      `${subject} looks like ${other} output, not ${tool}: ${count} not recognised as ${tool}, and no shadow copy read. Open it as ${other} output (shadowswap parse ${other} FILE, or choose ${other} in "Open saved output…").`,
      { ...where, looksLike: other, unrecognised },
    );
  }
  throw new ShadowSwapError(
    'STATE_UNREADABLE',
    `${subject} looks like ${tool} output in a language or format ShadowSwap does not read yet: ${count} not recognised, so no shadow copy was read (this is not an empty listing):\n${shown(unrecognised)}\nOn the host itself, Get-CimInstance Win32_ShadowCopy lists them in any display language; or send these lines to ShadowSwap's maintainers so the format can be added.`,
    { ...where, unrecognised },
  );
}
