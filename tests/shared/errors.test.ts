import { describe, expect, it } from 'vitest';
import { RemoteError, ShadowSwapError, toWireError } from '../../shared/errors';

describe('toWireError', () => {
  it('passes on an error a door answered with its code and message, not as an unexpected one', () => {
    const wire = { code: 'NOT_FOUND', message: 'There is no run "run-x".', details: { runId: 'run-x' } } as const;
    expect(toWireError(new RemoteError(wire))).toEqual(wire);
    expect(toWireError(new ShadowSwapError('BUSY', 'held'))).toEqual({ code: 'BUSY', message: 'held' });
    expect(toWireError(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('boom') });
  });
});
