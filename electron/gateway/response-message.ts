/**
 * The gateway's answer to one request, as the parts of one WebSocket text message. A shared result (an
 * immutable view of one state revision, see core/shared-results) is serialised once and its bytes are
 * reused for every request and every client until the state changes and the view is replaced: two
 * hundred consoles reading the same 26,000-LUN list cost one JSON.stringify, not two hundred, and the
 * cached bytes are sent as they are, framed by the few bytes that differ per request.
 */
import type { Outcome, ResponseFrame } from '../../shared/rpc';
import { isShared } from '../core/rpc/shared-results';

const encodedResults = new WeakMap<object, Buffer>();
const CLOSING_BRACE = Buffer.from('}');

/** The parts, in order, of one text message; concatenated they are the JSON of a ResponseFrame. */
export function responseMessage(id: number, outcome: Outcome): Array<string | Buffer> {
  if (outcome.ok && isShared(outcome.result)) {
    let result = encodedResults.get(outcome.result);
    if (result === undefined) {
      result = Buffer.from(JSON.stringify(outcome.result));
      encodedResults.set(outcome.result, result);
    }
    return [`{"type":"response","id":${JSON.stringify(id)},"ok":true,"result":`, result, CLOSING_BRACE];
  }
  const frame: ResponseFrame = outcome.ok
    ? { type: 'response', id, ok: true, result: outcome.result }
    : { type: 'response', id, ok: false, error: outcome.error };
  return [JSON.stringify(frame)];
}
