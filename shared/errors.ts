/**
 * Errors cross every boundary as data, never as a thrown Error: Electron's ipc and JSON both drop
 * everything but `message`. Each error says what happened and what to do next.
 */
import { z } from 'zod';

export const ErrorCode = z.enum([
  /** The request did not match the contract; no handler ran. */
  'INVALID_REQUEST',
  /** The method name is not part of the contract. */
  'UNKNOWN_METHOD',
  /** A named object (LUN, host, set, run) does not exist. */
  'NOT_FOUND',
  /** The operation is refused in the current state (wrong order, wrong node, masked LUN...). */
  'PRECONDITION_FAILED',
  /** Another process or run holds what this one needs. */
  'BUSY',
  /** A file (state, journal, saved tool output) is damaged or is not what it should be; it was left untouched. */
  'STATE_UNREADABLE',
  /** A backend operation failed (the tool's or provider's error is in details). */
  'BACKEND_FAILED',
  /** The gateway refused the caller (missing or wrong token, foreign origin). */
  'UNAUTHORIZED',
  /** A bug: something ShadowSwap did not expect. */
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WireError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type WireError = z.infer<typeof WireError>;

/** A typed error any layer may throw; doors turn it into a WireError. */
export class ShadowSwapError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ShadowSwapError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Any thrown value as a WireError; unexpected ones become INTERNAL with their text kept for the log. */
export function toWireError(error: unknown): WireError {
  if (error instanceof ShadowSwapError) return error.toWire();
  // A door's answer passed on as it came (the CLI calls the core through a client): the core already said it.
  if (error instanceof RemoteError)
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  const text = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `ShadowSwap hit an unexpected error: ${text}. Nothing further was changed; please report this with the log.`,
  };
}

/** The client side: a WireError received from a door, thrown so callers can catch it. */
export class RemoteError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(wire: WireError) {
    super(wire.message);
    this.name = 'RemoteError';
    this.code = wire.code;
    this.details = wire.details;
  }
}
