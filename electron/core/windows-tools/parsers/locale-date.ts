/**
 * Creation times as the tools print them: the host's short date + time format (GetDateFormatW
 * DATE_SHORTDATE + GetTimeFormatW in the thread locale), e.g. `3/21/2023 6:15:41 PM` (en-US) or
 * `25-08-2022 12:16:16` (docs/windows-facts.md#listings-depend-on-locale-console-width-and-case). Nothing says which order a date like
 * 11/5/2016 uses, so we only convert when the date itself is unambiguous or the caller names the host locale.
 * The result is ISO 8601 local time without a zone (the output carries no zone either).
 */
import { digitsValue, skipSpace } from './text-scan';

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

/** `00`..`99`, so a timestamp is assembled from ready-made pieces rather than padStart on fresh strings. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

const two = (n: number): string => TWO_DIGITS[n] ?? String(n);

/**
 * Days in `month` (1-12) of `year`, as `new Date(Date.UTC(year, month, 0)).getUTCDate()` gives them, without
 * a Date per call. Date.UTC reads years 0-99 as 1900-1999, so year 0 (1900) is not a leap year there.
 */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** End of the run of ASCII digits starting at `at`. */
function digitsEnd(t: string, at: number): number {
  let i = at;
  while (isDigit(t.charCodeAt(i))) i += 1;
  return i;
}

const isDateSeparator = (code: number): boolean => code === 0x2f || code === 0x2e || code === 0x2d; // / . -

/** The fields of a creation time, as the regex groups of the pattern below would hold them. */
interface DateTimeFields {
  a: number;
  aLength: number;
  b: number;
  c: number;
  cLength: number;
  hour: number;
  minute: number;
  second: number;
  /** 'A', 'P' or '' when no AM/PM is written. */
  ampm: string;
}

/**
 * The pattern (on the trimmed text)
 *   ^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})\.?,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?$
 * i.e. date: three numeric fields separated by / - or . (a trailing dot as in some locales is allowed);
 * time: H:mm[:ss] with optional AM/PM (also a.m./p.m.). Read character by character: it runs once per
 * shadow copy, and a regex match allocates an array and seven strings each time. Digit runs are taken
 * whole, as the regex must (a following digit could not match what comes next).
 */
function readDateTime(t: string): DateTimeFields | null {
  const aEnd = digitsEnd(t, 0);
  if (aEnd < 1 || aEnd > 4 || !isDateSeparator(t.charCodeAt(aEnd))) return null;
  const bEnd = digitsEnd(t, aEnd + 1);
  if (bEnd - (aEnd + 1) < 1 || bEnd - (aEnd + 1) > 2 || !isDateSeparator(t.charCodeAt(bEnd))) return null;
  const cEnd = digitsEnd(t, bEnd + 1);
  if (cEnd - (bEnd + 1) < 1 || cEnd - (bEnd + 1) > 4) return null;
  let i = cEnd;
  if (t.charCodeAt(i) === 0x2e) i += 1; // .
  if (t.charCodeAt(i) === 0x2c) i += 1; // ,
  const hourStart = skipSpace(t, i, t.length);
  if (hourStart === i) return null;
  const hourEnd = digitsEnd(t, hourStart);
  if (hourEnd - hourStart < 1 || hourEnd - hourStart > 2 || t.charCodeAt(hourEnd) !== 0x3a) return null;
  const minuteEnd = digitsEnd(t, hourEnd + 1);
  if (minuteEnd - (hourEnd + 1) !== 2) return null;
  let second = 0;
  i = minuteEnd;
  if (t.charCodeAt(i) === 0x3a) {
    const secondEnd = digitsEnd(t, i + 1);
    if (secondEnd - (i + 1) !== 2) return null;
    second = digitsValue(t, i + 1, secondEnd);
    i = secondEnd;
  }
  let ampm = '';
  if (i < t.length) {
    let j = skipSpace(t, i, t.length);
    const letter = t.charCodeAt(j) | 0x20;
    if (letter !== 0x61 && letter !== 0x70) return null; // a, p
    ampm = letter === 0x61 ? 'A' : 'P';
    j += 1;
    if (t.charCodeAt(j) === 0x2e) j += 1;
    j = skipSpace(t, j, t.length);
    if ((t.charCodeAt(j) | 0x20) !== 0x6d) return null; // m
    j += 1;
    if (t.charCodeAt(j) === 0x2e) j += 1;
    if (j !== t.length) return null;
  }
  return {
    a: digitsValue(t, 0, aEnd),
    aLength: aEnd,
    b: digitsValue(t, aEnd + 1, bEnd),
    c: digitsValue(t, bEnd + 1, cEnd),
    cLength: cEnd - (bEnd + 1),
    hour: digitsValue(t, hourStart, hourEnd),
    minute: digitsValue(t, hourEnd + 1, minuteEnd),
    second,
    ampm,
  };
}

/**
 * ISO 8601 local time (`2023-03-21T18:15:41`) for a tool-printed creation time, or null when the text
 * is not a date/time we understand, is not a real calendar date, or the day/month order is ambiguous
 * and no locale tells it.
 */
export function toIsoLocal(text: string, options: DateOptions = {}): string | null {
  const m = readDateTime(text.trim());
  if (m === null) return null;
  let year: number;
  let month: number;
  let day: number;
  if (m.aLength === 4) {
    // Year first is never ambiguous in practice (Y/M/D).
    if (m.cLength > 2) return null;
    year = m.a;
    month = m.b;
    day = m.c;
  } else {
    if (m.aLength > 2 || (m.cLength !== 4 && m.cLength !== 2)) return null;
    year = m.cLength === 2 ? 2000 + m.c : m.c;
    const first = m.a;
    const second = m.b;
    const hint = dateOrderForLocale(options.locale);
    let order: 'MDY' | 'DMY' | null = null;
    if (hint === 'MDY' || hint === 'DMY') order = hint;
    else if (first > 12 && second <= 12) order = 'DMY';
    else if (second > 12 && first <= 12) order = 'MDY';
    else if (first === second) order = 'DMY';
    if (order === null) return null;
    month = order === 'MDY' ? first : second;
    day = order === 'MDY' ? second : first;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let hour = m.hour;
  const { minute, second, ampm } = m;
  if (ampm !== '') {
    if (hour < 1 || hour > 12) return null;
    if (ampm === 'A' && hour === 12) hour = 0;
    if (ampm === 'P' && hour !== 12) hour += 12;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Two halves short enough that V8 stores each flat; joined as one template it keeps a chain of
  // concatenation nodes for every record, several times the size of the text.
  const date = `${two(Math.floor(year / 100))}${two(year % 100)}-${two(month)}-${two(day)}`;
  return date + `T${two(hour)}:${two(minute)}:${two(second)}`;
}
