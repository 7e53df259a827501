/**
 * What every Windows backend step needs: the runner, the console's own state files, and which computer
 * this is (a tool acting on this computer runs here; PowerShell remoting reaches the other hosts).
 */
import type { OperationResult } from '../../../../../shared/domain';
import type { SanPictureStore } from './san-picture-store';
import type { SnapshotCatalog } from './snapshot-catalog';
import { succeeded, type ToolRunner } from '../running/tool-runner';

export interface WindowsContext {
  runner: ToolRunner;
  catalog: SnapshotCatalog;
  /** The SAN as discovered, completed by the operator's SAN map where discovery cannot see (san-picture.ts). */
  sanMap: SanPictureStore;
  /** This computer's name (os.hostname()). */
  thisComputer: string;
  /** Default folder for metadata .cab files when the SAN map names none. */
  defaultMetadataDir: string;
  now: () => Date;
}

/** A host name given as NetBIOS or DNS name matches this computer by its first label, case-insensitively. */
export function isThisComputer(context: WindowsContext, host: string): boolean {
  const first = (name: string) => (name.split('.')[0] ?? name).toLowerCase();
  return first(host) === first(context.thisComputer);
}

/** Runs a PowerShell command from powershell-commands.ts and parses its JSON; fails with the errors.ts explanation. */
export async function powershellJson<T>(context: WindowsContext, command: string, parse: (json: string) => T): Promise<T> {
  return parse(succeeded(await context.runner.powershell(command)).stdout);
}

export function operationResult(operation: string, summary: string, changes: string[], warnings: string[] = []): OperationResult {
  return { operation, summary, changes, warnings, status: null };
}
