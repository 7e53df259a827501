/** Creating a transportable shadow copy set ahead of time: its own confirmed, journaled action. */
import { z } from 'zod';

export const SnapshotRequest = z
  .object({
    host: z.string().min(1).max(63),
    /** Drive letters as the host sees them: E:, F: */
    volumes: z.array(z.string().max(4)).min(1).max(64),
    persistent: z.boolean().default(true),
    /** The host name, typed by the operator. */
    confirm: z.string().max(63),
  })
  .strict();
export type SnapshotRequest = z.output<typeof SnapshotRequest>;

export const SnapshotCreated = z.object({ setId: z.string(), summary: z.string(), changes: z.array(z.string()), journalFile: z.string() });
export type SnapshotCreated = z.infer<typeof SnapshotCreated>;

export const snapshotMethods = {
  'snapshot.create': { params: SnapshotRequest, result: SnapshotCreated },
} as const;
