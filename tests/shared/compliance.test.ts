import { describe, expect, it } from 'vitest';
import { identifierCompliance, lunCompliance } from '../../shared/compliance';
import type { LunIdentifier } from '../../shared/domain';

const id = (type: number, association: 0 | 1 | 2 | null): LunIdentifier => ({ type, codeSet: 'binary', association, value: `v${type}` });

describe('identifierCompliance', () => {
  it.each([1, 2, 8])('is compliant with a type %i identifier of association 0', (type) => {
    const verdict = identifierCompliance([id(3, 0), id(type, 0)]);
    expect(verdict).toEqual({ verdict: 'compliant', reason: `has a page 0x83 identifier of type ${type} with association 0` });
  });

  it('warns, and says so, when a listed type has an association VDS cannot read', () => {
    const verdict = identifierCompliance([id(3, null), id(8, null)]);
    expect(verdict.verdict).toBe('warning');
    expect(verdict.reason).toContain('association cannot be read');
  });

  it('warns on an NAA (type 3) identifier alone', () => {
    expect(identifierCompliance([id(3, 0)])).toMatchObject({ verdict: 'warning', reason: expect.stringContaining('type 3 (NAA)') });
  });

  it('refuses a LUN that reports no identifier', () => {
    expect(identifierCompliance([])).toEqual({ verdict: 'not-compliant', reason: 'reports no page 0x83 identifier' });
  });

  it('refuses listed types reported only for the target port or device (association 1 or 2)', () => {
    expect(identifierCompliance([id(8, 1), id(2, 2)])).toEqual({
      verdict: 'not-compliant',
      reason: 'has no identifier of type 1, 2 or 8 with association 0',
    });
  });

  it('prefers a good identifier over an unknown one listed before it', () => {
    expect(identifierCompliance([id(8, null), id(1, 0)]).verdict).toBe('compliant');
  });
});

describe('lunCompliance', () => {
  const good = { identifiers: [id(8, 0)], diskKind: 'basic' as const, partitionStyle: 'MBR' as const };

  it('accepts a basic MBR disk with a compliant identifier', () => {
    expect(lunCompliance(good).verdict).toBe('compliant');
  });

  it('refuses a dynamic disk whatever its identifiers', () => {
    expect(lunCompliance({ ...good, diskKind: 'dynamic' })).toMatchObject({
      verdict: 'not-compliant',
      reason: expect.stringContaining('dynamic disk'),
    });
  });

  it('refuses a GPT disk, naming the partition style', () => {
    expect(lunCompliance({ ...good, partitionStyle: 'GPT' })).toMatchObject({
      verdict: 'not-compliant',
      reason: expect.stringContaining('is GPT'),
    });
  });

  it('reports missing identifiers before the partition style', () => {
    expect(lunCompliance({ ...good, identifiers: [], partitionStyle: 'GPT' }).reason).toBe('reports no page 0x83 identifier');
  });

  it('keeps the identifier warning on an otherwise good disk', () => {
    expect(lunCompliance({ ...good, identifiers: [id(3, 0)] }).verdict).toBe('warning');
  });
});
