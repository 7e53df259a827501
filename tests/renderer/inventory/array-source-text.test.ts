import { describe, expect, it } from 'vitest';
import { arraySourceText } from '../../../renderer/src/inventory/array-source-text';

describe('arraySourceText', () => {
  it('says when an array was discovered, and why one is only declared', () => {
    expect(arraySourceText({ kind: 'discovered', at: '2022-08-25T12:16:10.000Z', note: null })).toMatch(
      /^discovered from the live system at .*2022/,
    );
    expect(arraySourceText({ kind: 'declared', at: null, note: 'VDS only' })).toBe('declared: VDS only');
  });
});
