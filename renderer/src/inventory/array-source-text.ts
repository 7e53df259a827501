import type { StorageArray } from '../../../shared/domain';
import { formatDateTime } from './time-text';

/** Where the console's picture of an array comes from: discovery from the live system (and when), or a declaration (and why). */
export function arraySourceText(source: NonNullable<StorageArray['source']>): string {
  if (source.kind === 'discovered')
    return `discovered from the live system${source.at === null ? '' : ` at ${formatDateTime(source.at, 'second')}`}`;
  return `declared${source.note === null ? '' : `: ${source.note}`}`;
}
