/**
 * The display languages ShadowSwap reads tool listings in, and what each implies for dates. Windows tools
 * print their labels in the server's display language and their dates in its short date format, so a
 * listing whose labels are French is read with French dates unless the operator names the locale
 * (`--locale`). English gives no hint: en-US writes M/D/Y, en-GB D/M/Y.
 */
import type { DateOptions } from './locale-date';

export type ListingLanguage = 'en' | 'fr' | 'de' | 'es';

/** The locale whose short date order a listing in each language most likely uses; none for English. */
const DATE_LOCALE: Record<ListingLanguage, string | undefined> = {
  en: undefined,
  fr: 'fr-FR',
  de: 'de-DE',
  es: 'es-ES',
};

/**
 * The date options a parse uses once it knows the listing's language: the operator's locale when given,
 * else the one the language implies. Filled in place, because the listing's fields read it lazily.
 */
export function adoptLanguage(dates: DateOptions, language: ListingLanguage): void {
  if (dates.locale === undefined) {
    const implied = DATE_LOCALE[language];
    if (implied !== undefined) dates.locale = implied;
  }
}
