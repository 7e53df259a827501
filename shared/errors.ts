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
  /** The disk ShadowSwap writes to is full (ENOSPC): free space, then retry. */
  'NO_SPACE',
  /** The data directory is on a read-only file system (EROFS): choose a writable one. */
  'READ_ONLY',
  /** This account may not read or write a file, or listen on a port (EACCES, EPERM). */
  'ACCESS_DENIED',
  /** The port the gateway was asked to listen on is taken (EADDRINUSE): choose another. */
  'PORT_IN_USE',
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

/** Explains a zod failure in one line, naming each field and its problem, so the caller knows what to fix. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(params)'}: ${issue.message}`).join('; ');
}

/** The fields Node puts on a failed system call (fs, net). */
interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  address?: string;
  port?: number;
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** The system failures an operator can fix: what happened, and what to do, in one sentence each. */
function systemErrorToWire(error: SystemError): WireError | null {
  const where = error.path === undefined ? 'the data directory' : error.path;
  const details = { errno: error.code, ...(error.path === undefined ? {} : { path: error.path }) };
  switch (error.code) {
    case 'ENOSPC':
      return {
        code: 'NO_SPACE',
        message: `The disk holding ${where} is full (ENOSPC), so ShadowSwap could not write to it; nothing further was changed. Free space on that disk, then retry.`,
        details,
      };
    case 'EROFS':
      return {
        code: 'READ_ONLY',
        message: `${where} is on a read-only file system (EROFS). Choose a writable data directory with --data-dir or SHADOWSWAP_DATA_DIR, then retry.`,
        details,
      };
    case 'EACCES':
    case 'EPERM':
      return error.syscall === 'listen' || error.syscall === 'bind'
        ? {
            code: 'ACCESS_DENIED',
            message: `This account may not listen on port ${error.port ?? '?'} (${error.code}). Choose a port above 1023 with --port, then retry.`,
            details,
          }
        : {
            code: 'ACCESS_DENIED',
            message: `This account may not use ${where} (${error.code}). Give it read and write access to the data directory, or choose another with --data-dir, then retry.`,
            details,
          };
    case 'EADDRINUSE':
      return {
        code: 'PORT_IN_USE',
        message: `Port ${error.port ?? '?'} on ${error.address ?? 'this machine'} is already in use (EADDRINUSE), perhaps by another "shadowswap serve". Choose another with --port, or --port 0 for any free one.`,
        details: { errno: error.code, port: error.port },
      };
    default:
      return null;
  }
}

/**
 * Any thrown value as a WireError: our own errors as they are, a refused input and the system failures
 * an operator can fix with their own code and what to do; anything else becomes INTERNAL, its text kept.
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof ShadowSwapError) return error.toWire();
  // A door's answer passed on as it came (the CLI calls the core through a client): the core already said it.
  if (error instanceof RemoteError)
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  if (error instanceof z.ZodError) {
    return {
      code: 'INVALID_REQUEST',
      message: `The input was refused before anything ran: ${describeIssues(error)}. Correct it and retry.`,
    };
  }
  const system = isSystemError(error) ? systemErrorToWire(error) : null;
  if (system !== null) return system;
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
