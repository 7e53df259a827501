import { describe, expect, it } from 'vitest';
import type { SystemOverview } from '../../../shared/estate-overview';
import { FIRST_SYSTEMS, systemsToShow, systemWarnings } from '../../../renderer/src/pages/home-systems';

const system = (name: string, overrides: Partial<SystemOverview> = {}): SystemOverview => ({
  kind: 'cluster',
  name,
  hosts: [`${name}N1`, `${name}N2`],
  health: 'healthy',
  problems: [],
  latestSet: { id: `${name}-set`, createdAt: '2026-12-01T23:00:00.000Z' },
  recoverableSets: 3,
  evidenceLuns: [],
  findings: 0,
  ...overrides,
});

describe('the systems Home draws', () => {
  const healthy = Array.from({ length: 400 }, (_, i) => system(`CLUS${String(i).padStart(3, '0')}`));

  it('draws the first systems of a large healthy estate, and all of them on request', () => {
    expect(systemsToShow(healthy, false)).toHaveLength(FIRST_SYSTEMS);
    expect(systemsToShow(healthy, true)).toHaveLength(400);
  });

  it('never leaves out a system that needs attention, wherever it sits in the list', () => {
    const estate = [...healthy];
    estate[300] = system('DAMAGED', { health: 'damaged', problems: ['SQL-DATA is damaged'] });
    estate[350] = system('EVIDENCE', { evidenceLuns: ['SQL-DATA'] });
    estate[399] = system('LAST', { recoverableSets: 0, latestSet: null });
    const shown = systemsToShow(estate, false).map((s) => s.name);
    expect(shown).toHaveLength(FIRST_SYSTEMS + 3);
    expect(shown.slice(-3)).toEqual(['DAMAGED', 'EVIDENCE', 'LAST']);
    expect(systemWarnings(estate[399] as SystemOverview)).toEqual(['No recovery point left: take a new snapshot set.']);
  });
});
