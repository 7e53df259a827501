/**
 * Turning script lines into the bytes a Windows tool reads.
 *
 * diskshadow and diskraid read ANSI text files; a file written on Linux with LF endings must be
 * converted (a community note: "you will need to run unix2dos"; docs/windows-facts.md#script-file-encoding), and
 * Microsoft's own tooling writes .dsh files with `-Encoding ASCII`. So every script is CRLF-terminated ASCII with no BOM.
 */
import { ShadowSwapError } from '../../../../shared/errors';

export const CRLF = '\r\n';

/**
 * Joins lines with CRLF (and a final CRLF). Refuses a line that itself contains a line break or a
 * non-ASCII character: that would be a bug in a builder, since every value was validated first.
 */
export function toScriptText(lines: readonly string[]): string {
  for (const line of lines) {
    if (!/^[\x20-\x7e]*$/.test(line)) {
      throw new ShadowSwapError(
        'INTERNAL',
        'A generated script line contains a line break, control or non-ASCII character; the script was not written. Please report this.',
        { line },
      );
    }
  }
  return lines.map((l) => l + CRLF).join('');
}
