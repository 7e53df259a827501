/**
 * Preflight: every rule of Microsoft's fast-recovery procedure and every trap we know, each with a verdict
 * (pass / warn / fail), a one-line reason and what to do. A fail blocks the run; a warn must be
 * acknowledged by the operator.
 */
import { identifierCompliance } from '../../../shared/compliance';
import { LINK_REMEDY, unlinkedCopies } from './unlinked-copies';
import type { Lun, SnapshotSet } from '../../../shared/domain';
import type { PreflightCheck, RecoveryOptions } from '../../../shared/recovery';
import type { DomainController } from '../../../shared/domain-controller';
import { dependentsOf } from './dependents';
import { isProductionHost } from '../../../shared/forensics-hosts';
import { domainControllerChecks } from './domain-controller-checks';
import { clusterOfHost, hostOf, resourceForLun, type Estate } from './estate';

export interface PreflightInput {
  estate: Estate;
  set: SnapshotSet;
  options: RecoveryOptions;
  importHost: string;
  /** LUN ids held by other unfinished runs, with what holds each ("run …", or an unreadable claim and why). */
  claimedBy: Pick<ReadonlyMap<string, string>, 'has' | 'get'>;
  /** Hosts where another unfinished run imports right now. */
  busyImportHosts: Map<string, string>;
  backendChecks: PreflightCheck[];
  /** What the set's source host said about itself as a domain controller: null when it is not one. */
  domainController: DomainController | null;
}

const pass = (id: string, title: string, reason: string): PreflightCheck => ({ id, title, verdict: 'pass', reason, fix: null });
const warn = (id: string, title: string, reason: string, fix: string): PreflightCheck => ({ id, title, verdict: 'warn', reason, fix });
const fail = (id: string, title: string, reason: string, fix: string): PreflightCheck => ({ id, title, verdict: 'fail', reason, fix });

function complianceCheck(lun: Lun, clustered: boolean): PreflightCheck {
  const id = `compliance:${lun.id}`;
  // Said as the requirement, so a failed verdict does not read as a contradiction ("Fail: X is a compliant LUN").
  const title = `${lun.name} meets the LUN requirements (${clustered ? 'a basic MBR disk, as a cluster needs' : 'a basic disk'}, a unique page 0x83 identifier)`;
  if (lun.diskKind === 'dynamic')
    return fail(
      id,
      title,
      `${lun.name} is a dynamic disk; transportable shadow copies need a basic disk`,
      'Recover this volume another way (restore from backup); dynamic disks cannot be swapped.',
    );
  if (lun.partitionStyle !== 'MBR' && clustered) {
    return fail(
      id,
      title,
      `${lun.name} is ${lun.partitionStyle}; in a cluster Microsoft supports only basic MBR disks for this procedure`,
      'Use a LUN resync or a restore for this disk instead.',
    );
  }
  const ids = identifierCompliance(lun.identifiers);
  if (ids.verdict === 'not-compliant')
    return fail(
      id,
      title,
      `${lun.name} ${ids.reason}`,
      'Ask the array vendor to report a type 1, 2 or 8 identifier; without one VSS cannot match the shadow LUN to the original.',
    );
  if (lun.partitionStyle !== 'MBR')
    return warn(
      id,
      title,
      `${lun.name} is ${lun.partitionStyle}; Microsoft documents this procedure for basic MBR disks`,
      'Acknowledge to go on; check the result carefully.',
    );
  if (ids.verdict === 'warning')
    return warn(
      id,
      title,
      `${lun.name} ${ids.reason}`,
      'Confirm with the array vendor that the hardware provider supports it, then acknowledge.',
    );
  return pass(id, title, `${lun.name} is a basic MBR disk and ${ids.reason}`);
}

export function runPreflight(input: PreflightInput): PreflightCheck[] {
  const { estate, set, options, importHost } = input;
  const checks: PreflightCheck[] = [];
  const originals = set.shadowCopies.map((copy) => estate.luns.get(copy.originalLunId));
  const cluster = clusterOfHost(estate, set.sourceHost);

  const transportable = set.attributes.some((a) => a.toLowerCase() === 'transportable');
  checks.push(
    transportable
      ? pass('transportable', 'The set is transportable', 'its shadow copies can be imported on another host')
      : fail(
          'transportable',
          'The set is transportable',
          'the set was not created with "set option transportable"',
          'Create a transportable set (shadowswap snapshot create) and recover from that one.',
        ),
  );
  checks.push(
    set.metadataFile
      ? pass('metadata', 'Its metadata is available', `${set.metadataFile} holds the Backup Components Document the import needs`)
      : fail(
          'metadata',
          'Its metadata is available',
          'the set has no metadata (.cab) file',
          'Find the .cab written when the set was created; without it the set cannot be imported.',
        ),
  );
  checks.push(
    set.state === 'created'
      ? pass('set-state', 'The set is ready to import', 'it has not been imported or broken yet')
      : fail(
          'set-state',
          'The set is ready to import',
          `the set is ${set.state}${set.importedTo ? ` on ${set.importedTo}` : ''}`,
          set.state === 'broken'
            ? 'Its LUNs are ordinary LUNs now; choose another set.'
            : 'Finish or roll back the run that imported it, or choose another set.',
        ),
  );

  const missing = unlinkedCopies(set, estate.luns);
  const unlinked = set.shadowCopies.some((copy) => copy.shadowLunId === '');
  checks.push(
    missing.length === 0
      ? pass('luns-present', 'Every original and shadow LUN is on the array', `${set.shadowCopies.length} pairs found`)
      : fail(
          'luns-present',
          'Every original and shadow LUN is on the array',
          missing.join('; '),
          unlinked ? LINK_REMEDY : 'Check the array; ShadowSwap never deletes LUNs, so another tool removed them.',
        ),
  );

  for (const lun of originals) if (lun) checks.push(complianceCheck(lun, cluster !== undefined));

  if (cluster) {
    const backed = originals.filter((lun): lun is Lun => lun !== undefined).map((lun) => ({ lun, resource: resourceForLun(cluster, lun) }));
    const orphans = backed.filter((b) => !b.resource);
    checks.push(
      orphans.length === 0
        ? pass('resources', 'Every cluster disk resource is found', backed.map((b) => `${b.lun.name} → ${b.resource?.name}`).join(', '))
        : warn(
            'resources',
            'Every cluster disk resource is found',
            `no disk resource in ${cluster.name} expects ${orphans.map((o) => o.lun.name).join(', ')}`,
            'If these disks are clustered, check their DiskSignature; otherwise acknowledge (they will be swapped without cluster steps).',
          ),
    );
    const groups = new Set(backed.flatMap((b) => (b.resource ? [b.resource.group] : [])));
    const inSet = new Set(backed.flatMap((b) => (b.resource ? [b.resource.name] : [])));
    const left = cluster.diskResources.filter((r) => groups.has(r.group) && !inSet.has(r.name));
    checks.push(
      left.length === 0
        ? pass('complete', 'The set covers every disk of the affected groups', `groups: ${[...groups].join(', ') || 'none'}`)
        : warn(
            'complete',
            'The set covers every disk of the affected groups',
            `${left.map((r) => r.name).join(', ')} in the same group(s) will stay as they are, so data and logs may not match`,
            'Recover from a set that holds every disk of the group, or acknowledge that these disks keep their current data.',
          ),
    );
    const owners = new Set(backed.flatMap((b) => (b.resource ? [b.resource.ownerNode] : [])));
    const down = [...owners].filter((node) => cluster.nodes.find((n) => n.name === node)?.state !== 'Up');
    checks.push(
      down.length === 0
        ? pass('owner-up', 'The owner nodes are up', [...owners].join(', ') || importHost)
        : fail(
            'owner-up',
            'The owner nodes are up',
            `${down.join(', ')} is not Up`,
            'Bring the node up or move the groups to a node that is, then plan again.',
          ),
    );
    if (owners.size > 1)
      checks.push(
        fail(
          'one-owner',
          'One node owns every affected group',
          `the groups are owned by ${[...owners].join(' and ')}`,
          'Move the affected groups to one node (Move-ClusterGroup), then plan again.',
        ),
      );
    const dependents = dependentsOf(cluster, [...inSet]);
    const notRunning = dependents.filter((r) => r.state !== 'Online');
    if (dependents.length > 0) {
      const title = 'What runs on the disks comes back';
      const reason =
        options.mode === 'offline'
          ? `${dependents.map((r) => r.name).join(', ')} depend on the disks: taking the disks offline takes them offline first, and the plan starts them again after the disks`
          : `${dependents.map((r) => r.name).join(', ')} depend on the disks: maintenance mode would leave them running while the disks vanish, so the plan takes them offline first and starts them again after the disks`;
      checks.push(
        notRunning.length === 0
          ? pass('dependents', title, reason)
          : warn(
              'dependents',
              title,
              `${notRunning.map((r) => `${r.name} is ${r.state}`).join(', ')} now, so the recovery leaves ${notRunning.length === 1 ? 'it' : 'them'} that way`,
              'Start them before the recovery if they should run afterwards, or acknowledge that they stay as they are.',
            ),
      );
    }
    if (options.identity === 'new-signature' && options.mode === 'maintenance') {
      // Set-ClusterParameter on DiskSignature/DiskIdGuid is refused unless the resource is Offline, and a resource
      // in maintenance mode stays Online(Maintenance): the repoint after the break could only fail, with the set
      // already broken (docs/windows-facts.md#repointing-needs-the-resource-offline).
      checks.push(
        fail(
          'repoint-needs-offline',
          'The disk resources can be repointed',
          'new signatures mean repointing each disk resource after the break, which the cluster accepts only while the resource is Offline; maintenance mode keeps it Online(Maintenance), so the run would fail after the irreversible break',
          'Keep the original identity (revert), or take the disk resources offline (mode offline) for this recovery.',
        ),
      );
    }
    if (options.identity === 'new-signature') {
      checks.push(
        warn(
          'identity',
          'Disk identity is kept',
          'new signatures mean repointing each disk resource (Set-ClusterParameter), which Microsoft discourages',
          'Prefer keeping the original identity (revert) unless the revert fails on this array.',
        ),
      );
    }
  }

  const claimed = originals.filter((lun): lun is Lun => lun !== undefined && input.claimedBy.has(lun.id));
  checks.push(
    claimed.length === 0
      ? pass('no-other-run', 'No other run holds these LUNs', 'they are free')
      : fail(
          'no-other-run',
          'No other run holds these LUNs',
          claimed.map((lun) => `${lun.name} is held by ${input.claimedBy.get(lun.id)}`).join('; '),
          'Resume or roll back that run first (shadowswap runs).',
        ),
  );
  const importer = input.busyImportHosts.get(importHost.toUpperCase());
  checks.push(
    importer === undefined
      ? pass('one-import', `No other import runs on ${importHost}`, 'VSS imports one shadow copy set at a time per host')
      : fail(
          'one-import',
          `No other import runs on ${importHost}`,
          `run ${importer} is importing on ${importHost}`,
          'Wait for that run to finish; VSS allows one import at a time per host.',
        ),
  );

  if (options.forensicsHost !== null) {
    const host = hostOf(estate, options.forensicsHost);
    if (!host)
      checks.push(
        fail(
          'forensics-host',
          'The forensics host exists',
          `there is no host "${options.forensicsHost}"`,
          'Name a host from shadowswap inventory hosts.',
        ),
      );
    else if (isProductionHost(host, { cluster: cluster?.name ?? null, sourceHost: set.sourceHost }))
      checks.push(
        fail(
          'forensics-host',
          'The forensics host is outside production',
          `${host.name} is a production host; the damaged disks would collide with the recovered ones`,
          cluster
            ? `Choose a host outside cluster ${cluster.name}.`
            : `Choose a host other than ${set.sourceHost}, the host whose disks are being recovered.`,
        ),
      );
    else
      checks.push(
        pass('forensics-host', 'The forensics host is outside production', `${host.name} will receive the damaged LUNs for analysis`),
      );
  }

  if (input.domainController) checks.push(...domainControllerChecks(input.domainController, set, estate));

  return [...checks, ...input.backendChecks];
}
