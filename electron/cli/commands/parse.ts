/**
 * shadowswap parse diskshadow|vssadmin FILE: browse saved tool output offline. Prints the parsers'
 * ShadowListing ({shadowCopies, aliases, unparsed}) as JSON, or a table; a file that cannot be read or
 * parsed is one line on stderr naming the line, exit 1.
 */
import fs from 'node:fs';
import { ShadowSwapError } from '../../../shared/errors';
import { megabytes } from '../../../shared/limits';
import type { DateOptions } from '../../core/windows-tools/parsers/locale-date';
import { ParseError } from '../../core/windows-tools/parsers/parse-error';
import { parseDiskshadowOutput } from '../../core/windows-tools/parsers/parse-diskshadow';
import { parseVssadminOutput } from '../../core/windows-tools/parsers/parse-vssadmin';
import type { ShadowListing } from '../../core/windows-tools/parsers/shadow-listing';
import { stringFlag } from '../args';
import { printJson, type Command } from '../command';
import { formatTable } from '../table';

const parsers: Record<'diskshadow' | 'vssadmin', { parse: (text: string, options: DateOptions) => ShadowListing; saved: string }> = {
  diskshadow: { parse: parseDiskshadowOutput, saved: 'diskshadow output or a /l log (create, list shadows)' },
  vssadmin: { parse: parseVssadminOutput, saved: 'vssadmin list shadows / create shadow output' },
};

/**
 * The largest file `parse` reads. A host's listing of thousands of shadow copies is a few MB; a file
 * past this is not tool output, and reading it whole would take gigabytes of memory.
 */
const MAX_SAVED_OUTPUT_FILE_BYTES = 64 * 1024 * 1024;

/** The file's text, its size checked on the open file before a byte is read. */
function readSaved(file: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new ShadowSwapError(
      'NOT_FOUND',
      `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path and try again.`,
      { file },
    );
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size > MAX_SAVED_OUTPUT_FILE_BYTES) {
      throw new ShadowSwapError(
        'INVALID_REQUEST',
        `${file} is ${megabytes(size)}; shadowswap parse reads saved tool output up to ${megabytes(MAX_SAVED_OUTPUT_FILE_BYTES)}. ` +
          "Check that it is the tool's own output, or cut it to the listing you need.",
        { file, bytes: size },
      );
    }
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function formatListing(listing: ShadowListing): string {
  const table = formatTable(listing.shadowCopies, [
    { header: 'SHADOW COPY', value: (c) => c.id },
    { header: 'SET', value: (c) => c.setId ?? '-' },
    { header: 'VOLUME', value: (c) => c.originalVolumeLabel ?? c.originalVolume ?? '-' },
    { header: 'CREATED', value: (c) => c.createdAt ?? c.creationTime ?? '-' },
    { header: 'EXPOSED', value: (c) => c.exposedAs ?? '-' },
    { header: 'ATTRIBUTES', value: (c) => c.attributes.join(' ') },
  ]);
  const aliases = Object.entries(listing.aliases).map(([name, value]) => `  %${name}% = ${value}`);
  const unparsed = listing.unparsed.map((line) => `  ${line}`);
  return [
    table,
    `${listing.shadowCopies.length} shadow ${listing.shadowCopies.length === 1 ? 'copy' : 'copies'}`,
    ...(aliases.length > 0 ? ['Aliases:', ...aliases] : []),
    ...(unparsed.length > 0 ? [`Not recognized (${unparsed.length} line${unparsed.length === 1 ? '' : 's'}):`, ...unparsed] : []),
    '',
  ].join('\n');
}

function parseCommand(tool: keyof typeof parsers): Command {
  return {
    path: ['parse', tool],
    operand: 'FILE',
    summary: `Show the shadow copies in saved ${parsers[tool].saved}`,
    flags: {
      json: { description: 'print {"shadowCopies", "aliases", "unparsed"} as JSON instead of a table' },
      locale: { value: 'L', description: 'the locale of the host that printed it, e.g. en-US or de-DE, to read ambiguous dates' },
    },
    run: async (context) => {
      const file = context.args.positionals[2];
      if (file === undefined)
        throw new ShadowSwapError('INVALID_REQUEST', `Which file? Usage: shadowswap parse ${tool} FILE [--json] [--locale L].`);
      const locale = stringFlag(context.args, 'locale');
      let listing: ShadowListing;
      try {
        listing = parsers[tool].parse(readSaved(file), locale === undefined ? {} : { locale });
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        throw new ShadowSwapError('STATE_UNREADABLE', `${file} is not ${tool} output ShadowSwap can read: ${error.message}.`, {
          file,
          line: error.line,
        });
      }
      if (context.args.flags.json) printJson(context, listing);
      else context.io.stdout(formatListing(listing));
      return 0;
    },
  };
}

export const parseCommands: Command[] = [parseCommand('diskshadow'), parseCommand('vssadmin')];
