/**
 * The Backend port: everything the core asks of a SAN, its Windows hosts and their cluster.
 * The Lab implements it with a simulation; the Windows backend with diskshadow, diskraid and PowerShell.
 * Read methods return domain objects from shared/domain; nothing here knows which door asked.
 */
import type { BackendInfo, Host, Lun, StorageArray } from '../../shared/domain';

export interface Backend {
  describe(): BackendInfo;
  listArrays(): Promise<StorageArray[]>;
  listLuns(): Promise<Lun[]>;
  listHosts(): Promise<Host[]>;
  /** Called when the backend's state changed under us (another process, a tool); returns an unsubscribe. */
  onChange(listener: (reason: string) => void): () => void;
  close(): Promise<void>;
}
