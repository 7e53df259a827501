import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { RemoteError, ShadowSwapError, toWireError } from '../../shared/errors';

/** A failure as Node reports it from a system call. */
function systemError(code: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${code}: failed`), { code, ...fields });
}

describe('toWireError', () => {
  it('passes on an error a door answered with its code and message, not as an unexpected one', () => {
    const wire = { code: 'NOT_FOUND', message: 'There is no run "run-x".', details: { runId: 'run-x' } } as const;
    expect(toWireError(new RemoteError(wire))).toEqual(wire);
    expect(toWireError(new ShadowSwapError('BUSY', 'held'))).toEqual({ code: 'BUSY', message: 'held' });
  });

  it("passes on a system failure's code as the core gave it, through a client", () => {
    const wire = toWireError(systemError('ENOSPC', { syscall: 'write', path: '/data/runs/run-1.jsonl' }));
    expect(toWireError(new RemoteError(wire))).toEqual(wire);
  });

  it.each([
    ['ENOSPC', { syscall: 'write', path: '/data/runs/run-1.jsonl' }, 'NO_SPACE', /full .*Free space on that disk/],
    ['EROFS', { syscall: 'open', path: '/mnt/ro/lab' }, 'READ_ONLY', /read-only .*writable data directory with --data-dir/],
    ['EACCES', { syscall: 'open', path: '/data/lab/state.json' }, 'ACCESS_DENIED', /may not use \/data\/lab\/state\.json .*write access/],
    ['EPERM', { syscall: 'rename', path: 'C:\\data\\x' }, 'ACCESS_DENIED', /write access/],
    ['EACCES', { syscall: 'listen', port: 80, address: '127.0.0.1' }, 'ACCESS_DENIED', /listen on port 80 .*above 1023 with --port/],
    ['EADDRINUSE', { syscall: 'listen', port: 7420, address: '127.0.0.1' }, 'PORT_IN_USE', /Port 7420 .*in use.*--port 0/],
  ])('gives %s its own code (%s) and says what to do', (code, fields, wireCode, advice) => {
    const wire = toWireError(systemError(code, fields));
    expect(wire.code).toBe(wireCode);
    expect(wire.message).toMatch(advice);
    expect(wire.message).not.toContain('unexpected');
  });

  it('turns a validation error into one line naming the bad field', () => {
    const failure = z.object({ setId: z.string().min(1) }).safeParse({ setId: '' });
    const wire = toWireError(failure.error);
    expect(wire.code).toBe('INVALID_REQUEST');
    expect(wire.message).toMatch(/^The input was refused before anything ran: setId: /);
    expect(wire.message).not.toContain('\n');
  });

  it('keeps anything else INTERNAL, with its text', () => {
    expect(toWireError(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('boom') });
    expect(toWireError(systemError('EIO'))).toMatchObject({ code: 'INTERNAL' });
  });
});
