/**
 * A Lab domain controller made read-only (an RODC) or writable again, for rehearsing the preflight's refusal of an
 * RODC (docs/windows-facts.md#a-read-only-domain-controller-is-rebuilt-not-restored). An RODC holds no operations
 * master role and needs a writable DC in its domain, so its roles are transferred to one first, as an administrator
 * would before installing it again as an RODC: a transfer, written by the old holder
 * (docs/windows-facts.md#operations-masters-seized-since-the-snapshot).
 */
import { ShadowSwapError } from '../../../../shared/errors';
import { shortHostName } from '../../../../shared/domain-controller';
import { findDomainController } from './domain-controllers';
import type { LabState } from './lab-model';

export function setReadOnly(state: LabState, host: string, readOnly: boolean, now: Date): string {
  const dc = findDomainController(state, host);
  if (!dc)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `${host} is not a domain controller in this estate. The domain controllers are: ${state.domainControllers.map((d) => d.host).join(', ') || 'none (choose a scenario with one, such as dc-pair)'}.`,
    );
  if (dc.readOnly === readOnly) return `${dc.host} is already ${readOnly ? 'a read-only domain controller' : 'writable'}.`;
  if (!readOnly) {
    dc.readOnly = false;
    return `${dc.host} is a writable domain controller again (operations master roles stay where they are).`;
  }
  const heir = state.domainControllers.find(
    (other) => other !== dc && !other.readOnly && other.domain.toLowerCase() === dc.domain.toLowerCase(),
  );
  if (!heir)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${dc.host} is the only writable domain controller of ${dc.domain}, and a read-only domain controller needs a writable one to replicate from. Rehearse the RODC refusal on a domain with two DCs: shadowswap lab init --scenario dc-pair --force, then shadowswap lab dc read-only --host DC01.`,
      { host: dc.host },
    );
  const held = (state.directory?.fsmoRoles ?? []).filter((role) => shortHostName(role.holder) === shortHostName(dc.host));
  for (const role of held) Object.assign(role, { holder: heir.host, changedAt: now.toISOString(), changedOn: dc.host });
  dc.readOnly = true;
  const moved =
    held.length === 0 ? '' : ` Its operations master roles (${held.map((r) => r.role).join(', ')}) were transferred to ${heir.host} first.`;
  return `${dc.host} is now a read-only domain controller (RODC).${moved} A recovery of its disks is refused: shadowswap plan --set <its set>. Undo with: shadowswap lab dc writable --host ${dc.host}`;
}
