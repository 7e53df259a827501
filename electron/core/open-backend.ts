/**
 * Chooses and opens the backend. The Lab is the only backend in this build; asking for the Windows
 * backend says so plainly instead of pretending.
 */
import { BackendKind } from '../../shared/domain';
import { ShadowSwapError } from '../../shared/errors';
import type { Backend } from './backend';
import { LabBackend } from './backends/lab/lab-backend';

export interface BackendChoice {
  kind?: string;
  dataDir: string;
}

export function openBackend({ kind = 'lab', dataDir }: BackendChoice): Backend {
  const parsed = BackendKind.safeParse(kind);
  if (!parsed.success) {
    throw new ShadowSwapError('INVALID_REQUEST', `"${kind}" is not a backend. Use --backend lab or --backend windows.`);
  }
  if (parsed.data === 'windows') {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'The Windows backend (diskshadow, diskraid, cluster cmdlets) is not part of this build yet. Use the Lab (--backend lab) to rehearse.',
    );
  }
  return LabBackend.open(dataDir);
}
