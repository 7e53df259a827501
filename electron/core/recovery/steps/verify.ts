/**
 * Verifying the recovery: the data, the volumes, each disk resource on its recovered disk, and what depended
 * on the disks. It only reads, so it has no probe: it runs every time it is reached and proves itself by
 * passing or failing. Disk flags and identities are read from the node that uses the disk (the resource's owner
 * node, or the importing host), by that node's own Get-Disk: they are per node, and the masking record says only
 * what the array presents.
 */
import { NOT_SAMPLED, type Lun } from '../../../../shared/domain';
import { writablePartners } from '../../../../shared/domain-controller';
import { ShadowSwapError } from '../../../../shared/errors';
import type { DriveLetters, LeftOutLun, VerifyPair } from '../../../../shared/recovery-step-params';
import type { HostDisk } from '../../backend';
import { applicationOf, lunOf, lunsById, maskOf, resourceOf, sameHosts } from './backend-reads';
import { dependentTargetsOf } from './draft-inputs';
import { driveLettersOf, volumeProblems } from './make-read-write';
import type { StepContext, StepModule } from './step-module';
import { verifyDomainController } from './verify-domain-controller';

/** The recovered volumes as their host reads them back: writable, visible, not shadow copies, with their originals' letters. */
async function checkVolumes(
  context: StepContext,
  pairs: readonly VerifyPair[],
  volumes: { host: string; driveLetters: DriveLetters },
  problems: string[],
): Promise<void> {
  const luns = pairs.map((p) => ({ lunId: p.shadowLunId, name: p.name }));
  const found = await volumeProblems(context, volumes.host, luns, volumes.driveLetters);
  problems.push(...found);
  for (const { lunId, name } of luns) {
    if (found.some((problem) => problem.startsWith(`${name}: `))) continue;
    const letter = volumes.driveLetters[lunId];
    context.log(
      `${name}: volume ${letter ?? '(no drive letter, as the original)'} read/write, visible, not a shadow copy on ${volumes.host}`,
    );
  }
}

export const verify: StepModule<'verify'> = {
  draft(inputs) {
    const { options, pairs, cluster, domainController, importHost } = inputs;
    if (!options.verify) return [];
    const verifyPairs: VerifyPair[] = pairs.map((p) => ({
      originalLunId: p.original.id,
      shadowLunId: p.shadow.id,
      name: p.original.name,
      expectedChecksum: p.shadow.contentChecksum,
      resource: p.resource && cluster ? { cluster, resource: p.resource.name, group: p.resource.group } : null,
      host: importHost,
    }));
    const leftOut: LeftOutLun[] = inputs.leftOut.map(({ original, resource }) => ({
      lunId: original.id,
      name: original.name,
      hosts: maskOf(original),
      resource: resource && cluster ? { cluster, resource: resource.name, group: resource.group, state: resource.state } : null,
    }));
    return [
      {
        kind: 'verify',
        title: 'Verify the recovery',
        why: domainController
          ? `Proves the data is the shadow copy's and the volumes are writable, and that ${domainController.host} came back as a restored domain controller: event 1109 and a new invocation ID, the restore count up by one, no USN rollback, clean replication and dcdiag tests, SYSVOL and NETLOGON shared.`
          : "Proves the data is the shadow copy's, the volumes are writable and healthy, each disk resource is online on its owner node, backed by the recovered LUN, and what depended on the disks is online as before.",
        destructive: false,
        confirmPhrase: null,
        changes: [],
        operations: [],
        undo: 'Nothing to undo: verification only reads.',
        params: {
          pairs: verifyPairs,
          ...(leftOut.length > 0 && { leftOut }),
          dependents: dependentTargetsOf(inputs),
          volumes: { host: inputs.importHost, driveLetters: driveLettersOf(inputs) },
          ...(domainController && {
            domainController: {
              host: domainController.host,
              invocationId: domainController.invocationId,
              restoreCount: domainController.restoreCount,
              readAt: domainController.readAt,
              onlyDc: writablePartners(domainController).length === 0,
            },
          }),
        },
      },
    ];
  },
  probe: null,
  async apply(context, params) {
    const luns = await lunsById(context.backend);
    const problems: string[] = [];
    for (const pair of params.pairs) {
      const lun = lunOf(luns, pair.shadowLunId);
      if (pair.expectedChecksum.startsWith(NOT_SAMPLED))
        context.log(`${pair.name}: this backend cannot read the data, so it was not compared; check it in the application`);
      else if (lun.contentChecksum !== pair.expectedChecksum)
        problems.push(
          `${pair.name}: the data differs from the shadow copy (checksum ${lun.contentChecksum.slice(0, 12)}…, expected ${pair.expectedChecksum.slice(0, 12)}…)`,
        );
      else context.log(`${pair.name}: data matches the shadow copy (SHA-256 ${pair.expectedChecksum.slice(0, 12)}…)`);
      if (lun.volumes.some((v) => v.damaged)) problems.push(`${pair.name}: a volume on the recovered LUN is marked damaged`);
    }
    if (params.volumes) await checkVolumes(context, params.pairs, params.volumes, problems);
    // Each node is read once: its own disks, numbers, flags and signatures.
    const nodes = new Map<string, Promise<HostDisk[]>>();
    const disksOn = (node: string) => {
      const key = node.toUpperCase();
      if (!nodes.has(key)) nodes.set(key, context.backend.listHostDisks(node));
      return nodes.get(key) as Promise<HostDisk[]>;
    };
    for (const pair of params.pairs) {
      let node = pair.host ?? null;
      let backing: { name: string; expected: string | null } | null = null;
      if (pair.resource) {
        const { resource } = await resourceOf(context.backend, pair.resource);
        node = resource.ownerNode;
        if (resource.state !== 'Online' || resource.maintenanceMode)
          problems.push(`${resource.name} is ${resource.state}${resource.maintenanceMode ? ' (maintenance)' : ''}, not Online`);
        else backing = { name: resource.name, expected: resource.diskSignature ?? resource.diskIdGuid };
      }
      if (node === null) {
        // A plan made before verify named the host: the read-only flag as the inventory reports it.
        if (lunOf(luns, pair.shadowLunId).readOnly) problems.push(`${pair.name}: the recovered LUN is still read-only`);
        continue;
      }
      const disks = await disksOn(node);
      const disk = disks.find((d) => d.lunId === pair.shadowLunId);
      if (disk === undefined) problems.push(`${node} does not list the recovered LUN of ${pair.name} (no disk with its UniqueId)`);
      else if (disk.readOnly !== false) problems.push(`${pair.name}: the recovered disk is still read-only on ${node}`);
      if (backing === null) continue;
      // The disk the resource found on its owner node must be the recovered LUN, not a damaged original.
      const matching = disks.filter((d) => d.signature !== null && d.signature === backing.expected);
      if (matching.length !== 1 || matching[0]?.lunId !== pair.shadowLunId)
        problems.push(
          `${backing.name} is not backed by the recovered LUN on ${node} (it lists ${matching.length} disk(s) with signature ${backing.expected ?? 'none'})`,
        );
      else context.log(`${backing.name}: Online on ${node}, backed by the recovered LUN ${pair.name}`);
    }
    for (const target of params.dependents ?? []) {
      const resource = await applicationOf(context.backend, target);
      if (resource.state === 'Online') context.log(`${resource.name}: Online on ${resource.ownerNode}, as before the recovery`);
      else
        problems.push(
          `${resource.name} is ${resource.state} on ${resource.ownerNode}, but it was Online before the recovery: the application on the recovered disks is down. Start it with Start-ClusterResource on ${resource.ownerNode} and check the cluster log for why it stopped`,
        );
    }
    for (const lun of params.leftOut ?? []) problems.push(...(await leftAsItWas(context, luns, lun)));
    if (params.domainController) problems.push(...(await verifyDomainController(context, params.domainController)));
    if (problems.length > 0)
      throw new ShadowSwapError('PRECONDITION_FAILED', `Verification found ${problems.length} problem(s): ${problems.join('; ')}.`);
  },
};

/** A LUN left out is as the plan found it: the same access list, its disk resource in the same state. */
async function leftAsItWas(context: StepContext, luns: Map<string, Lun>, lun: LeftOutLun): Promise<string[]> {
  const now = maskOf(lunOf(luns, lun.lunId));
  const problems: string[] = [];
  if (!sameHosts(now, lun.hosts))
    problems.push(
      `${lun.name} was left out, yet its access list changed from ${lun.hosts.join(', ') || 'no host'} to ${now.join(', ') || 'no host'}`,
    );
  if (lun.resource !== null) {
    const { resource } = await resourceOf(context.backend, lun.resource);
    if (resource.state !== lun.resource.state)
      problems.push(
        `${lun.name} was left out, yet ${resource.name} is ${resource.state}, not ${lun.resource.state} as before the recovery`,
      );
  }
  if (problems.length === 0) context.log(`${lun.name}: left out, still in production as it was (access list ${now.join(', ')})`);
  return problems;
}
