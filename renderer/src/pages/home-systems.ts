/**
 * Which systems Home draws, and the warnings it says about each: pure, so the rules are tested without a browser.
 */
import type { SystemOverview } from '../../../shared/estate-overview';

/** What the operator should know about a system beyond its health, in words. */
export function systemWarnings(system: SystemOverview): string[] {
  return [
    ...(system.recoverableSets === 0 ? ['No recovery point left: take a new snapshot set.'] : []),
    ...(system.evidenceLuns.length > 0
      ? [`${system.evidenceLuns.length} original LUN(s) still held as evidence: ${system.evidenceLuns.join(', ')}.`]
      : []),
    ...(system.findings > 0 ? [`${system.findings} masking finding(s): see the masking matrix.`] : []),
  ];
}

/**
 * Healthy systems without warnings shown before "Show all": an estate of 400 systems drawn at once kept Home
 * blank for over a second. Every system that needs attention is always shown (the overview lists them first).
 */
export const FIRST_SYSTEMS = 50;

const needsAttention = (system: SystemOverview) => system.health !== 'healthy' || systemWarnings(system).length > 0;

/** The systems Home draws: all of them, or the first FIRST_SYSTEMS and every other one that needs attention. */
export function systemsToShow(systems: readonly SystemOverview[], all: boolean): SystemOverview[] {
  return all ? [...systems] : systems.filter((system, i) => i < FIRST_SYSTEMS || needsAttention(system));
}
