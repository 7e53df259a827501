/**
 * Creation times as the tools print them: the host's short date + time format (GetDateFormatW
 * DATE_SHORTDATE + GetTimeFormatW in the thread locale), e.g. `3/21/2023 6:15:41 PM` (en-US) or
 * `25-08-2022 12:16:16` (reference §7 fact 4). Nothing says which order a date like 11/5/2016 uses,
 * so we only convert when the date itself is unambiguous or the caller names the host locale.
 * The result is ISO 8601 local time without a zone (the output carries no zone either).
 */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

export interface DateOptions {
  /** The host's locale, e.g. 'en-US' (M/D/Y) or 'en-GB', 'de-DE' (D/M/Y). Unknown locales give no hint. */
  locale?: string;
}

/** Short-date order of common Windows locales. Others: no hint (ambiguous dates stay null). */
const LOCALE_ORDER: Record<string, DateOrder> = {
  'en-us': 'MDY',
  'en-ph': 'MDY',
  'en-gb': 'DMY',
  'en-au': 'DMY',
  'en-nz': 'DMY',
  'en-ie': 'DMY',
  'en-in': 'DMY',
  'de-de': 'DMY',
  'de-at': 'DMY',
  'de-ch': 'DMY',
  'fr-fr': 'DMY',
  'fr-be': 'DMY',
  'fr-ch': 'DMY',
  'it-it': 'DMY',
  'es-es': 'DMY',
  'es-mx': 'DMY',
  'nl-nl': 'DMY',
  'pt-br': 'DMY',
  'pt-pt': 'DMY',
  'ru-ru': 'DMY',
  'pl-pl': 'DMY',
  'da-dk': 'DMY',
  'nb-no': 'DMY',
  'fi-fi': 'DMY',
  'cs-cz': 'DMY',
  'tr-tr': 'DMY',
  'sv-se': 'YMD',
  'ja-jp': 'YMD',
  'zh-cn': 'YMD',
  'ko-kr': 'YMD',
  'hu-hu': 'YMD',
  'lt-lt': 'YMD',
};

export function dateOrderForLocale(locale: string | undefined): DateOrder | null {
  if (locale === undefined) return null;
  return LOCALE_ORDER[locale.toLowerCase()] ?? null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// date: three numeric fields separated by / - or . (a trailing dot as in some locales is allowed);
// time: H:mm[:ss] with optional AM/PM (also a.m./p.m.).
const DATE_TIME =
  /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})\.?,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?$/;

/**
 * ISO 8601 local time (`2023-03-21T18:15:41`) for a tool-printed creation time, or null when the text
 * is not a date/time we understand, is not a real calendar date, or the day/month order is ambiguous
 * and no locale tells it.
 */
export function toIsoLocal(text: string, options: DateOptions = {}): string | null {
  const m = DATE_TIME.exec(text.trim());
  if (m === null) return null;
  const [a, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
  let year: number;
  let month: number;
  let day: number;
  if (a.length === 4) {
    // Year first is never ambiguous in practice (Y/M/D).
    if (c.length > 2) return null;
    [year, month, day] = [Number(a), Number(b), Number(c)];
  } else {
    if (a.length > 2 || (c.length !== 4 && c.length !== 2)) return null;
    year = c.length === 2 ? 2000 + Number(c) : Number(c);
    const first = Number(a);
    const second = Number(b);
    const hint = dateOrderForLocale(options.locale);
    let order: 'MDY' | 'DMY' | null = null;
    if (hint === 'MDY' || hint === 'DMY') order = hint;
    else if (first > 12 && second <= 12) order = 'DMY';
    else if (second > 12 && first <= 12) order = 'MDY';
    else if (first === second) order = 'DMY';
    if (order === null) return null;
    [month, day] = order === 'MDY' ? [first, second] : [second, first];
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ampm = m[7]?.toUpperCase();
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    if (ampm === 'A' && hour === 12) hour = 0;
    if (ampm === 'P' && hour !== 12) hour += 12;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}
