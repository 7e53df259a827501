/**
 * The status codes the Windows tools and APIs return (vss.h / vsserror, vdserr.h, winerror.h cluster range),
 * in one registry: the Lab fails with them so a drill reads like a server, and the Windows backend explains
 * them when a tool prints one. `text` is the system's own message where a public page quotes it
 * (docs/windows-facts.md#vss-status-codes).
 */
export const windowsCodes = {
  VSS_E_BAD_STATE: { hresult: 0x80042301, text: 'A function call was made when the object was in an incorrect state for that function.' },
  VSS_E_PROVIDER_VETO: {
    hresult: 0x80042306,
    text: 'The shadow copy provider had an error. Please see the system and application event logs for more information.',
  },
  VSS_E_OBJECT_NOT_FOUND: { hresult: 0x80042308, text: 'The specified object was not found.' },
  VSS_E_OBJECT_ALREADY_EXISTS: { hresult: 0x8004230d, text: 'The object already exists.' },
  VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER: {
    hresult: 0x8004230e,
    text: 'The given shadow copy provider does not support shadow copying the specified volume.',
  },
  VSS_E_UNEXPECTED_PROVIDER_ERROR: {
    hresult: 0x8004230f,
    text: 'The shadow copy provider had an unexpected error while trying to process the specified operation.',
  },
  VSS_E_SNAPSHOT_SET_IN_PROGRESS: {
    hresult: 0x80042316,
    text: 'Another shadow copy creation is already in progress. Please wait a few moments and try again.',
  },
  VSS_E_NO_SNAPSHOTS_IMPORTED: { hresult: 0x80042320, text: 'No shadow copies were successfully imported.' },
  VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED: { hresult: 0x00042321, text: 'Some shadow copies were not succesfully imported.' },
  VSS_E_BREAK_REVERT_ID_FAILED: {
    hresult: 0x800423f6,
    text: 'The revert identity operation failed: one or more original LUNs are present on the system, and reverting would cause a signature collision.',
  },
  VDS_E_OPERATION_DENIED: { hresult: 0x8004240a, text: 'The operation is not permitted on the specified disk, partition, or volume.' },
  VDS_E_PROVIDER_FAILURE: { hresult: 0x80042442, text: 'A provider failed to complete an operation.' },
  ERROR_RESOURCE_NOT_ONLINE: { hresult: 0x8007138c, text: 'The cluster resource is not online.' },
  ERROR_HOST_NODE_NOT_RESOURCE_OWNER: {
    hresult: 0x80071397,
    text: 'The operation failed because either the specified cluster node is not the owner of the resource, or the node is not a possible owner of the resource.',
  },
  ERROR_RESOURCE_ONLINE: { hresult: 0x8007139b, text: 'The operation could not be completed because the cluster resource is online.' },
  ERROR_INVALID_STATE: {
    hresult: 0x8007139f,
    text: 'The group or resource is not in the correct state to perform the requested operation.',
  },
  ERROR_RESOURCE_FAILED: { hresult: 0x800713ae, text: 'The cluster resource failed.' },
  ERROR_CLUSTER_NODE_DOWN: { hresult: 0x800713ba, text: 'The cluster node is down.' },
  VSS_E_LEGACY_PROVIDER: { hresult: 0x800423f7, text: null },
  VSS_E_UNSELECTED_VOLUME: { hresult: 0x8004232a, text: null },
  VSS_E_CANNOT_REVERT_DISKID: { hresult: 0x800423fe, text: null },
  ERROR_CLUSTER_RESOURCE_IS_IN_MAINTENANCE_MODE: { hresult: 0x80071752, text: null },
  ERROR_ACCESS_DENIED: { hresult: 0x80070005, text: 'Access is denied.' },
  ERROR_SHUTDOWN_IN_PROGRESS: { hresult: 0x8007045b, text: 'A system shutdown is in progress.' },
  ERROR_TIMEOUT: { hresult: 0x800705b4, text: 'This operation returned because the timeout period expired.' },
} as const satisfies Record<string, { hresult: number; text: string | null }>;

export type WindowsCodeSymbol = keyof typeof windowsCodes;

export function hresultOf(symbol: WindowsCodeSymbol): number {
  return windowsCodes[symbol].hresult;
}

/** `0x800423F6`, as the tools print an HRESULT. */
export function formatHresult(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}
