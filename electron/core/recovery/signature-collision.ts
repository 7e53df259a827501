/**
 * Two LUNs with one disk signature must never be visible to the same host. Windows re-signatures one of
 * them on a standalone server, and on a failover cluster ClusDisk claims disks by signature, so a colliding
 * disk can take a clustered disk's place: the storage the run just recovered, or the original it is giving
 * back. VSS itself refuses to revert an identity while an original is present for the same reason
 * (VSS_E_BREAK_REVERT_ID_FAILED, https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponentsex2-breaksnapshotsetex).
 * A rollback that unmasks an original therefore first checks that no other LUN with its signature is
 * visible to any host that would see it.
 */
import type { Lun } from '../../../shared/domain';
import { hostsText } from '../../../shared/change-text';
import { ShadowSwapError } from '../../../shared/errors';
import { ALL_HOSTS } from '../backend';

function visibleToAny(lun: Lun, hosts: readonly string[]): string[] {
  if (lun.maskAll || hosts.includes(ALL_HOSTS)) return lun.maskAll ? [...hosts] : [...lun.maskedTo];
  const wanted = new Set(hosts.map((host) => host.toUpperCase()));
  return lun.maskedTo.filter((host) => wanted.has(host.toUpperCase()));
}

/** Refuses to give `lun` to `hosts` while another LUN with its disk signature is visible to one of them. */
export function refuseSignatureCollision(lun: Lun, hosts: readonly string[], luns: Iterable<Lun>): void {
  if (lun.signature === null || hosts.length === 0) return;
  const signature = lun.signature.toLowerCase();
  for (const other of luns) {
    if (other.id === lun.id || other.signature?.toLowerCase() !== signature) continue;
    const sharing = visibleToAny(other, hosts);
    if (sharing.length === 0) continue;
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${lun.name} was not given back to ${hostsText([...hosts])}: ${other.name} (${other.id}) carries the same disk signature ${lun.signature} and is visible to ${hostsText(sharing)}, so Windows would see two disks with one signature (it rewrites one of them, and a cluster may bring up the wrong disk). Nothing was changed by this step. Mask ${other.name} away from ${hostsText(sharing)} first (or give it a new signature), then resume the rollback.`,
      { lunId: lun.id, collidesWith: other.id, signature: lun.signature, hosts: sharing },
    );
  }
}
