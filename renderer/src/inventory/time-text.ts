/**
 * Times as an administrator reads them: local date and time with its zone (reports are in UTC; an
 * operator comparing the two must see which is which), and how long ago.
 */
const minuteFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const secondFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** "Dec 1, 2026, 11:00 PM UTC"; to the second for the steps of a run. */
export function formatDateTime(iso: string, precision: 'minute' | 'second' = 'minute'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (precision === 'second' ? secondFormat : minuteFormat).format(date);
}

/** "3 h", "2 d": the age of a snapshot set at a glance. */
export function ageText(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
