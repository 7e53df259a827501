/**
 * shadowswap parse diskshadow|vssadmin FILE: browse saved tool output offline. Prints the parsers'
 * ShadowListing ({shadowCopies, aliases, unparsed}) as JSON, or a table; a file that cannot be read or
 * parsed is one line on stderr naming the line, exit 1.
 */
import { ShadowSwapError } from '../../../shared/errors';
import type { SavedListing, SavedOutputTool } from '../../../shared/saved-output-contract';
import { stringFlag } from '../args';
import { printJson, withClient, type Command } from '../command';
import { readTextFile } from '../files';
import { formatTable } from '../table';

const saved: Record<SavedOutputTool, string> = {
  diskshadow: 'diskshadow output or a /l log (create, list shadows)',
  vssadmin: 'vssadmin list shadows / create shadow output',
};

function formatListing(listing: SavedListing): string {
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

function parseCommand(tool: SavedOutputTool): Command {
  return {
    path: ['parse', tool],
    operand: 'FILE',
    summary: `Show the shadow copies in saved ${saved[tool]}`,
    flags: {
      json: { description: 'print {"shadowCopies", "aliases", "unparsed"} as JSON instead of a table' },
      locale: { value: 'L', description: 'the locale of the host that printed it, e.g. en-US or de-DE, to read ambiguous dates' },
    },
    run: (context) => {
      const file = context.args.positionals[2];
      if (file === undefined)
        throw new ShadowSwapError('INVALID_REQUEST', `Which file? Usage: shadowswap parse ${tool} FILE [--json] [--locale L].`);
      const text = readTextFile(file);
      return withClient(context, async (client) => {
        const listing = await client.invoke('parse.savedOutput', { tool, text, file, locale: stringFlag(context.args, 'locale') });
        if (context.args.flags.json) printJson(context, listing);
        else context.io.stdout(formatListing(listing));
        return 0;
      });
    },
  };
}

export const parseCommands: Command[] = [parseCommand('diskshadow'), parseCommand('vssadmin')];
