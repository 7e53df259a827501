import { describe, expect, it } from 'vitest';
import { toIsoLocal } from '../../../../../electron/core/windows-tools/parsers/locale-date';

describe('toIsoLocal', () => {
  it('the captured forms (§7 fact 4)', () => {
    expect(toIsoLocal('3/21/2023 6:15:41 PM')).toBe('2023-03-21T18:15:41');
    expect(toIsoLocal('25-08-2022 12:16:16')).toBe('2022-08-25T12:16:16');
    expect(toIsoLocal('11/5/2016 1:19:40 AM')).toBeNull();
    expect(toIsoLocal('11/5/2016 1:19:40 AM', { locale: 'en-US' })).toBe('2016-11-05T01:19:40');
    expect(toIsoLocal('11/5/2016 1:19:40 AM', { locale: 'en-GB' })).toBe('2016-05-11T01:19:40');
  });
  it('12 AM/PM, year-first, same day and month, two-digit year, no seconds', () => {
    expect(toIsoLocal('1/13/2024 12:00:01 AM')).toBe('2024-01-13T00:00:01');
    expect(toIsoLocal('1/13/2024 12:00:01 PM')).toBe('2024-01-13T12:00:01');
    expect(toIsoLocal('2023-03-21 18:15:41')).toBe('2023-03-21T18:15:41');
    expect(toIsoLocal('5.5.2023 08:00')).toBe('2023-05-05T08:00:00');
    expect(toIsoLocal('21.03.23 18:15:41')).toBe('2023-03-21T18:15:41');
  });
  it('impossible or contradicting dates are null', () => {
    expect(toIsoLocal('2/30/2023 1:00:00 AM')).toBeNull();
    expect(toIsoLocal('25/08/2022 12:00:00', { locale: 'en-US' })).toBeNull();
    expect(toIsoLocal('3/21/2023 13:15:41 PM')).toBeNull();
    expect(toIsoLocal('3/21/2023 24:00:00')).toBeNull();
    expect(toIsoLocal('yesterday')).toBeNull();
    expect(toIsoLocal('4/5/2023 1:00:00', { locale: 'xx-XX' })).toBeNull();
  });
});
