import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a fixture from tests/fixtures/windows exactly as stored (no newline conversion). */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../fixtures/windows/${name}`, import.meta.url)), 'utf8');
}

/** Asserts a function throws a ShadowSwapError INVALID_REQUEST naming `field`; returns the error. */
export function refusal(fn: () => unknown): { code: string; message: string; details?: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a refusal, but nothing was thrown');
}
