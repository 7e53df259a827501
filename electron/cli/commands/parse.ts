/**
 * shadowswap parse diskshadow|vssadmin FILE: browse saved tool output offline. Prints the parsers'
 * ShadowListing ({shadowCopies, aliases, unparsed}) as JSON, or a table; a file that cannot be read or
 * parsed is one line on stderr naming the line, exit 1, and so is one that yields no shadow copy from lines
 * it did not recognise (with those lines shown: inventory/saved-listing.ts).
 */
import fs from 'node:fs';
import { ShadowSwapError } from '../../../shared/errors';
import type { ShadowListing } from '../../core/windows-tools/parsers/shadow-listing';
import { readSavedListing, type SavedTool } from '../../core/inventory/saved-listing';
import { stringFlag } from '../args';
import { printJson, type Command } from '../command';
import { formatTable } from '../table';

const saved: Record<SavedTool, string> = {
  diskshadow: 'diskshadow output or a /l log (create, list shadows)',
  vssadmin: 'vssadmin list shadows / create shadow output (English, French, German or Spanish)',
};

function readSaved(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ShadowSwapError(
      'NOT_FOUND',
      `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path and try again.`,
      { file },
    );
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

function parseCommand(tool: SavedTool): Command {
  return {
    path: ['parse', tool],
    operand: 'FILE',
    summary: `Show the shadow copies in saved ${saved[tool]}`,
    flags: {
      json: { description: 'print {"shadowCopies", "aliases", "unparsed"} as JSON instead of a table' },
      locale: {
        value: 'L',
        description:
          "the locale of the host that printed it, e.g. en-US or de-DE, to read ambiguous dates (default: the one its labels' language implies)",
      },
    },
    run: async (context) => {
      const file = context.args.positionals[2];
      if (file === undefined)
        throw new ShadowSwapError('INVALID_REQUEST', `Which file? Usage: shadowswap parse ${tool} FILE [--json] [--locale L].`);
      const locale = stringFlag(context.args, 'locale');
      let listing: ShadowListing;
      try {
        listing = readSavedListing(tool, readSaved(file), locale === undefined ? {} : { locale });
      } catch (error) {
        if (!(error instanceof ShadowSwapError) || error.code !== 'STATE_UNREADABLE') throw error;
        throw new ShadowSwapError(error.code, `${file}: ${error.message}`, { file, ...error.details });
      }
      if (context.args.flags.json) printJson(context, listing);
      else context.io.stdout(formatListing(listing));
      return 0;
    },
  };
}

export const parseCommands: Command[] = [parseCommand('diskshadow'), parseCommand('vssadmin')];
