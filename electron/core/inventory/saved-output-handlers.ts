/** The offline-browsing part of the contract: the Windows parsers over text the operator opened. */
import { ShadowSwapError } from '../../../shared/errors';
import type { SavedListing } from '../../../shared/saved-output-contract';
import { ParseError } from '../windows-tools/parsers/parse-error';
import { parseDiskshadowOutput } from '../windows-tools/parsers/parse-diskshadow';
import { parseVssadminOutput } from '../windows-tools/parsers/parse-vssadmin';
import type { ShadowListing } from '../windows-tools/parsers/shadow-listing';
import type { Handlers } from '../rpc/registry';

const parsers = { diskshadow: parseDiskshadowOutput, vssadmin: parseVssadminOutput };

export function savedOutputHandlers(): Pick<Handlers, 'parse.savedOutput'> {
  return {
    'parse.savedOutput': ({ tool, text, locale, file }) => {
      try {
        const listing: ShadowListing = parsers[tool](text, locale === undefined ? {} : { locale });
        return listing satisfies SavedListing;
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        // The request was well formed; what it carries is not the tool's output: an unreadable file, as a damaged state file is.
        throw new ShadowSwapError(
          'STATE_UNREADABLE',
          `${file ?? 'This'} is not ${tool} output ShadowSwap can read: ${error.message}. Check that the file is the tool's own output, or choose the other tool.`,
          file === undefined ? { line: error.line } : { file, line: error.line },
        );
      }
    },
  };
}
