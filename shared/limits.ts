/**
 * How big one request may be: one number that the contract, the console's WebSocket client and the
 * gateway all read, so a request the contract accepts always reaches the server, and one it would refuse
 * is refused before it is sent, with the same explanation.
 */

/** The largest request frame, as the UTF-8 bytes of its JSON; a saved listing far longer than any host prints fits. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/** Room for everything in a request frame around its one large field (type, id, method, small params). */
const ENVELOPE_BYTES = 4 * 1024;

/** The UTF-8 size of a string, without encoding it (a 32 MB copy only to measure it is a waste). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      // A surrogate pair: one 4-byte character.
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Whether a frame of this text is small enough to send; most are far below, and measuring them is skipped. */
export function frameFits(frame: string): boolean {
  return frame.length * 3 <= MAX_REQUEST_BYTES || utf8Length(frame) <= MAX_REQUEST_BYTES;
}

/** Whether a string field fits in one request, as it travels (JSON-escaped, UTF-8). */
export function fieldFits(text: string): boolean {
  return text.length <= MAX_REQUEST_BYTES && utf8Length(JSON.stringify(text)) <= MAX_REQUEST_BYTES - ENVELOPE_BYTES;
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What to tell the operator when a request is too big, whichever side finds it. */
export function tooLargeMessage(what: string, bytes: number): string {
  return (
    `${what} is ${megabytes(bytes)}; one console request carries at most ${megabytes(MAX_REQUEST_BYTES)}. ` +
    "Nothing was sent or changed. For saved tool output, check that it is the tool's own output, or cut it to the listing you need."
  );
}
