/**
 * When the console last read the SAN and what it could not read (issue 15: the inventory pages show what discovery
 * found and when). Every plan reads the SAN again, so an old or partial reading misleads only what the pages show:
 * the notice says so, with what to do.
 */
import { z } from 'zod';

export const SanReadFailure = z.object({
  kind: z.enum(['array', 'host']),
  name: z.string(),
  reason: z.string(),
});
export type SanReadFailure = z.infer<typeof SanReadFailure>;

export const SanReading = z.object({
  /** When the SAN was read; null: never read, the pages show only what was declared. */
  readAt: z.string().nullable(),
  failures: z.array(SanReadFailure),
});
export type SanReading = z.infer<typeof SanReading>;

/**
 * After this long a reading is called old. The pages refresh themselves when this console changes something, so age
 * hides only changes made elsewhere (another console, the array's own tool). A quarter of an hour is a judgment, not a
 * Microsoft figure: longer than an operator reads a page, shorter than the gap after which a reading is from before
 * someone else could have acted.
 */
export const STALE_READING_MINUTES = 15;

/** `14:05 (UTC)` in `timeZone` (the console's own when omitted). */
export function clockText(at: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.hour ?? ''}:${parts.minute ?? ''} (${parts.timeZoneName ?? timeZone ?? 'local time'})`;
}

function failureWarning(failure: SanReadFailure): string {
  return failure.kind === 'array'
    ? `${failure.name} could not be read: ${failure.reason}. Its LUNs and masks are shown as last read or declared. Check that its Storage Management provider answers (Get-StorageSubSystem on the console), then refresh.`
    : `${failure.name} could not be read: ${failure.reason}. Its initiators and disks are shown as declared. Check that it answers over PowerShell remoting (Test-WSMan ${failure.name}), then refresh.`;
}

/** The line the inventory pages show, and the warnings under it, in operator language. */
export function sanReadingNotice(reading: SanReading, now: Date, timeZone?: string): { readAt: string; warnings: string[] } {
  if (reading.readAt === null)
    return {
      readAt: 'SAN not read yet',
      warnings: [
        'The SAN has not been read yet: the pages show what was declared. Refresh to read it.',
        ...reading.failures.map(failureWarning),
      ],
    };
  const at = new Date(reading.readAt);
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  const old =
    minutes >= STALE_READING_MINUTES
      ? [
          `The SAN was read ${minutes} minutes ago: LUNs and masks changed since at another console or on the array are not shown. Refresh before deciding; every plan reads it again.`,
        ]
      : [];
  return { readAt: `SAN read at ${clockText(at, timeZone)}`, warnings: [...old, ...reading.failures.map(failureWarning)] };
}
