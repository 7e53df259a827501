/** The offline-browsing part of the contract: the Windows parsers over text the operator opened. */
import type { SavedListing } from '../../../shared/saved-output-contract';
import type { Handlers } from '../rpc/registry';
import { readSavedListing } from './saved-listing';

export function savedOutputHandlers(): Pick<Handlers, 'parse.savedOutput'> {
  return {
    'parse.savedOutput': ({ tool, text, locale, file }) =>
      readSavedListing(tool, text, locale === undefined ? {} : { locale }, file) satisfies SavedListing,
  };
}
