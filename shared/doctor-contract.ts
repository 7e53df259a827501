/** The doctor: what this machine offers the Windows backend, and which backend will therefore be used and why. */
import { z } from 'zod';

export const DoctorReport = z.object({
  platform: z.object({ os: z.string(), release: z.string(), arch: z.string(), hostname: z.string() }),
  /** Each Windows tool: the full path found (or null), and where it was found or what was searched. */
  tools: z.array(z.object({ tool: z.string(), path: z.string().nullable(), source: z.string() })),
  /** value null: it could not be checked; `how` says how it was decided, or why it could not be. */
  elevated: z.object({ value: z.boolean().nullable(), how: z.string() }),
  vssProviders: z.object({ raw: z.string().nullable(), how: z.string() }),
  cluster: z.object({
    member: z.boolean().nullable(),
    nodes: z.array(z.object({ name: z.string(), state: z.string().nullable() })),
    how: z.string(),
  }),
  backend: z.object({ kind: z.enum(['lab', 'windows']), why: z.string() }),
});
export type DoctorReport = z.infer<typeof DoctorReport>;

export const doctorMethods = {
  /** Starts no process anywhere but Windows: there, the tools cannot exist. */
  'doctor.run': { params: z.object({}).strict(), result: DoctorReport },
} as const;
