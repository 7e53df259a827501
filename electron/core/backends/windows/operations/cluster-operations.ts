/**
 * Cluster steps on Windows through the FailoverClusters cmdlets. Maintenance mode and online/offline must run
 * on the node that owns the resource, so each step first reads the resource and refuses a wrong node instead
 * of letting the cluster answer ERROR_HOST_NODE_NOT_RESOURCE_OWNER half-way through a recovery.
 */
import type { OperationResult } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import type { ResourceOnNode, ResourceRef } from '../../../backend';
import { diskIdentityCommand, ownerNodeCommand, type OwnerNodeOperation } from '../../../windows-tools/render-operation';
import {
  parseClusterGroups,
  parseClusterResources,
  parseDiskResourceParameters,
  type ClusterResourceInfo,
} from '../../../windows-tools/parsers/parse-cluster';
import {
  getClusterResourceCommand,
  getDiskResourceParametersCommand,
  moveClusterGroupCommand,
} from '../../../windows-tools/commands/powershell-commands';
import { validateDiskIdentity } from '../../../windows-tools/commands/validate';
import { operationResult, powershellJson, type WindowsContext } from '../state/windows-context';
import { sameName } from '../state/windows-views';

async function readResource(context: WindowsContext, ref: ResourceRef): Promise<ClusterResourceInfo> {
  const [resource] = await powershellJson(
    context,
    getClusterResourceCommand({ cluster: ref.cluster, names: [ref.resource] }),
    parseClusterResources,
  );
  if (resource === undefined)
    throw new ShadowSwapError('NOT_FOUND', `Cluster ${ref.cluster} has no resource named ${ref.resource}.`, { ...ref });
  return resource;
}

function requireOwner(resource: ClusterResourceInfo, ref: ResourceOnNode): void {
  if (resource.ownerNode === null || !sameName(resource.ownerNode, ref.onNode)) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${ref.resource} is owned by ${resource.ownerNode ?? 'no node'}, not ${ref.onNode}; maintenance and online/offline changes must be made on the owner node. Run the step on ${resource.ownerNode ?? 'the owner node'}.`,
      { ...ref, ownerNode: resource.ownerNode },
    );
  }
}

const describeState = (r: ClusterResourceInfo): string => (r.maintenanceShown ? `${r.state}(Maintenance)` : r.state);

/** What each owner-node operation did, in the operator's words. */
const ownerNodeDid: Record<OwnerNodeOperation, string> = {
  suspendResource: 'is in maintenance mode (health checking is off)',
  resumeResource: 'is out of maintenance mode; health checking found its disk',
  stopResource: 'is offline (its dependents went offline first)',
  startResource: 'is online; the cluster found its disk',
  startApplicationResource: 'is online (what it depends on came online first)',
  stopApplicationResource: 'is offline (its dependents went offline first)',
};

export async function runOwnerNodeOperation(
  context: WindowsContext,
  operation: OwnerNodeOperation,
  ref: ResourceOnNode,
): Promise<OperationResult> {
  const before = await readResource(context, ref);
  requireOwner(before, ref);
  const [after] = await powershellJson(context, ownerNodeCommand(operation, ref), parseClusterResources);
  return operationResult(operation, `${ref.resource} on ${ref.onNode} ${ownerNodeDid[operation]}.`, [
    `${ref.resource}: ${describeState(before)} → ${after === undefined ? 'unknown' : describeState(after)}`,
  ]);
}

export async function moveGroup(
  context: WindowsContext,
  params: { cluster: string; group: string; node: string },
): Promise<OperationResult> {
  const [group] = await powershellJson(context, moveClusterGroupCommand(params), parseClusterGroups);
  if (group === undefined || group.ownerNode === null || !sameName(group.ownerNode, params.node)) {
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `Move-ClusterGroup finished but ${params.group} is owned by ${group?.ownerNode ?? 'an unknown node'}, not ${params.node}. Check the group in Failover Cluster Manager before continuing.`,
      {
        tool: 'powershell',
        symbol: 'MOVE_NOT_CONFIRMED',
        hresult: null,
      },
    );
  }
  return operationResult(
    'moveGroup',
    `${params.group} is now owned by ${params.node}; maintenance mode on its disks was cleared by the move.`,
    [`${params.group}: owner → ${params.node} (${group.state ?? 'state unknown'})`],
  );
}

export async function setResourceDiskIdentity(
  context: WindowsContext,
  params: ResourceRef & { signature: string },
): Promise<OperationResult> {
  const identity = validateDiskIdentity(params.signature);
  const resource = await readResource(context, params);
  if (resource.state !== 'Offline') {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${params.resource} is ${describeState(resource)}; its disk identity can only be changed while it is Offline. Stop the resource first.`,
      { ...params },
    );
  }
  if (resource.ownerNode === null)
    throw new ShadowSwapError('PRECONDITION_FAILED', `${params.resource} has no owner node, so there is no node to change it on.`, {
      ...params,
    });
  const current = await powershellJson(
    context,
    getDiskResourceParametersCommand({ cluster: params.cluster, resource: params.resource }),
    parseDiskResourceParameters,
  );
  const expectedKind = identity.kind === 'mbr' ? 'mbr' : 'gpt';
  if (current.identity.kind !== expectedKind) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${params.resource} identifies its disk by ${current.identity.kind === 'gpt' ? 'DiskIdGuid (GPT)' : current.identity.kind === 'mbr' ? 'DiskSignature (MBR)' : 'an unrecognized DiskIdType'}, but ${params.signature} is ${identity.kind === 'mbr' ? 'an MBR signature' : 'a GPT GUID'}. Give the identity of the same partition style.`,
      { ...params },
    );
  }
  const updated = await powershellJson(
    context,
    diskIdentityCommand({ ...params, onNode: resource.ownerNode }, { signature: params.signature }),
    parseDiskResourceParameters,
  );
  const now = identity.kind === 'mbr' ? updated.diskSignature : updated.diskIdGuid;
  const wanted = identity.kind === 'mbr' ? identity.signature : identity.guid;
  if (now !== wanted) {
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `Set-ClusterParameter ran, but ${params.resource} reads back ${now ?? 'nothing'} instead of ${wanted}. Check the resource's parameters before bringing it online.`,
      {
        tool: 'powershell',
        symbol: 'IDENTITY_NOT_CONFIRMED',
        hresult: null,
      },
    );
  }
  const before = identity.kind === 'mbr' ? current.diskSignature : current.diskIdGuid;
  return operationResult(
    'setResourceDiskIdentity',
    `${params.resource} now looks for the disk ${wanted}; bring it online to check that the cluster finds it.`,
    [`${params.resource} ${identity.kind === 'mbr' ? 'DiskSignature' : 'DiskIdGuid'}: ${before ?? '(none)'} → ${wanted}`],
    [
      "Microsoft advises not to change a Physical Disk resource's identity after it is assigned; this is the last-resort path. Prefer breaking with identity revert.",
    ],
  );
}
