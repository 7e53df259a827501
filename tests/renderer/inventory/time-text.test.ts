import { describe, expect, it } from 'vitest';
import { ageText, formatDateTime } from '../../../renderer/src/inventory/time-text';

describe('formatDateTime', () => {
  it('shows the time zone, so local times are never mistaken for the UTC of a report', () => {
    const text = formatDateTime('2026-12-01T23:00:00.000Z');
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    expect(zone?.value).toBeTruthy();
    expect(text).toContain(zone?.value ?? '?');
  });

  it('gives seconds when asked, and leaves an unreadable time as it came', () => {
    expect(formatDateTime('2026-12-01T23:00:07.000Z', 'second')).toMatch(/:07/);
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('ageText', () => {
  it('reads minutes, hours, then days', () => {
    const now = Date.parse('2026-12-02T00:00:00Z');
    expect(ageText('2026-12-01T23:30:00Z', now)).toBe('30 min');
    expect(ageText('2026-12-01T00:00:00Z', now)).toBe('24 h');
    expect(ageText('2026-11-25T00:00:00Z', now)).toBe('7 d');
  });
});
