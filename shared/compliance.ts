/**
 * Whether a LUN can take part in a transportable-shadow-copy recovery in a cluster. Microsoft's rule:
 * at least one VPD page 0x83 identifier of type 1, 2 or 8 with association 0, on a basic MBR disk.
 * Type 3 (NAA), which most FC arrays report, is not in the list: warn, don't refuse. VDS cannot read the
 * association, so "unknown" is said as such. One function serves the preflight, the LUN page and the CLI.
 */
import type { Lun, LunIdentifier } from './domain';

export type ComplianceVerdict = 'compliant' | 'warning' | 'not-compliant';

export interface IdentifierCompliance {
  verdict: ComplianceVerdict;
  /** Completes "The LUN ...": e.g. "has a page 0x83 identifier of type 8 with association 0". */
  reason: string;
}

const LISTED_TYPES = new Set([1, 2, 8]);

export function identifierCompliance(identifiers: readonly LunIdentifier[]): IdentifierCompliance {
  const listed = identifiers.filter((id) => LISTED_TYPES.has(id.type));
  const good = listed.find((id) => id.association === 0);
  if (good) return { verdict: 'compliant', reason: `has a page 0x83 identifier of type ${good.type} with association 0` };
  const unknown = listed.find((id) => id.association === null);
  if (unknown) return { verdict: 'warning', reason: `has a type ${unknown.type} identifier whose association cannot be read through VDS` };
  if (identifiers.some((id) => id.type === 3)) {
    return { verdict: 'warning', reason: 'reports only a type 3 (NAA) identifier, which most FC arrays use but Microsoft does not list' };
  }
  return {
    verdict: 'not-compliant',
    reason: identifiers.length === 0 ? 'reports no page 0x83 identifier' : 'has no identifier of type 1, 2 or 8 with association 0',
  };
}

/** The whole rule for one LUN: identifiers, basic disk, and MBR (required in a cluster, advised elsewhere). */
export function lunCompliance(lun: Pick<Lun, 'identifiers' | 'diskKind' | 'partitionStyle'>): IdentifierCompliance {
  if (lun.diskKind === 'dynamic')
    return { verdict: 'not-compliant', reason: 'is a dynamic disk; transportable shadow copies need a basic disk' };
  const ids = identifierCompliance(lun.identifiers);
  if (ids.verdict === 'not-compliant') return ids;
  if (lun.partitionStyle !== 'MBR')
    return {
      verdict: 'not-compliant',
      reason: `is ${lun.partitionStyle}; in a cluster Microsoft supports only basic MBR disks for this procedure`,
    };
  return ids;
}
