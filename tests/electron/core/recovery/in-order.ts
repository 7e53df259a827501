/** A command sends its parts in this order: each is in `text`, each after the one before. */
import { expect } from 'vitest';

export function expectInOrder(text: string, parts: readonly string[]): void {
  const at = parts.map((part) => text.indexOf(part));
  expect(
    at.map((index, i) => [parts[i], index >= 0]),
    'every part is sent',
  ).toEqual(parts.map((part) => [part, true]));
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}
