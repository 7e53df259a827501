/**
 * The fields of a shadow-copy listing whose values come back from one copy to the next, for one parse:
 * each hands out the string (or GUID, token list, date) it produced for the same text before. See
 * repeated-values.ts for why.
 */
import { guidOrNull } from './guid-text';
import { toIsoLocal, type DateOptions } from './locale-date';
import { RepeatedField } from './repeated-values';

/** A creation time as printed and as ISO 8601 local time (null when the date cannot be read unambiguously). */
export interface CreationTime {
  text: string;
  iso: string | null;
}

/** Distinct creation times, labels and alias names remembered per parse (far more than a listing holds in practice). */
const RECURRING = 4096;

const same = (text: string): string => text;

export class ListingFields {
  readonly setId = new RepeatedField(guidOrNull, null);
  readonly providerId = new RepeatedField(guidOrNull, null);
  /** Originating and service machine: the same host, usually, on both lines. */
  readonly machine = new RepeatedField(same, '');
  readonly providerName = new RepeatedField(same, '');
  readonly type = new RepeatedField(same, '');
  /** `[C:\]` / `(C:)`: a few volumes, taken in turn. */
  readonly volumeLabel = new RepeatedField(same, '', RECURRING);
  readonly aliasName = new RepeatedField(same, '', RECURRING);
  readonly creationTime: RepeatedField<CreationTime>;
  /** Frozen, so the copies that print the same attributes can share one list. */
  readonly attributes: RepeatedField<readonly string[]>;

  constructor(options: DateOptions, splitAttributes: (text: string) => string[]) {
    this.creationTime = new RepeatedField((text) => ({ text, iso: toIsoLocal(text, options) }), { text: '', iso: null }, RECURRING);
    this.attributes = new RepeatedField((text) => Object.freeze(splitAttributes(text)), []);
  }
}
