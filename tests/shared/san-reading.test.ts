/** The inventory pages' notice: when the SAN was read, in the console's zone, and a warning with what to do when it is old or partial. */
import { describe, expect, it } from 'vitest';
import { sanReadingNotice, STALE_READING_MINUTES } from '../../shared/san-reading';

const READ = '2026-12-02T14:05:30.000Z';
const minutesLater = (minutes: number) => new Date(new Date(READ).getTime() + minutes * 60_000);

describe('the SAN reading notice', () => {
  it('says when the SAN was read, in the zone asked for, and warns of nothing while the reading is fresh and whole', () => {
    expect(sanReadingNotice({ readAt: READ, failures: [] }, minutesLater(2), 'UTC')).toEqual({
      readAt: 'SAN read at 14:05 (UTC)',
      warnings: [],
    });
    expect(sanReadingNotice({ readAt: READ, failures: [] }, minutesLater(2), 'Europe/Paris').readAt).toBe('SAN read at 15:05 (CET)');
  });

  it(`calls a reading ${STALE_READING_MINUTES} minutes old old, and says to refresh`, () => {
    expect(sanReadingNotice({ readAt: READ, failures: [] }, minutesLater(STALE_READING_MINUTES - 1), 'UTC').warnings).toEqual([]);
    expect(sanReadingNotice({ readAt: READ, failures: [] }, minutesLater(STALE_READING_MINUTES), 'UTC').warnings).toEqual([
      `The SAN was read ${STALE_READING_MINUTES} minutes ago: LUNs and masks changed since at another console or on the array are not shown. Refresh before deciding; every plan reads it again.`,
    ]);
  });

  it('names each array or host that could not be read, why, and what to check', () => {
    const { warnings } = sanReadingNotice(
      {
        readAt: READ,
        failures: [
          { kind: 'array', name: 'The Storage Management API', reason: 'access denied' },
          { kind: 'host', name: 'SQL02', reason: 'WinRM cannot complete the operation' },
        ],
      },
      minutesLater(1),
      'UTC',
    );
    expect(warnings).toEqual([
      expect.stringMatching(/^The Storage Management API could not be read: access denied\. .*Get-StorageSubSystem.*then refresh\.$/),
      expect.stringMatching(/^SQL02 could not be read: WinRM cannot complete the operation\. .*Test-WSMan SQL02\), then refresh\.$/),
    ]);
  });

  it('says when the SAN was never read: the pages show only what was declared', () => {
    expect(sanReadingNotice({ readAt: null, failures: [] }, minutesLater(0), 'UTC')).toEqual({
      readAt: 'SAN not read yet',
      warnings: ['The SAN has not been read yet: the pages show what was declared. Refresh to read it.'],
    });
  });
});
