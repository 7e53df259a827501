/** The doctor: what this machine offers the Windows backend, and which backend will therefore be used and why. */
import { z } from 'zod';

export const DoctorReport = z.object({
  platform: z.object({ os: z.string(), release: z.string(), arch: z.string(), hostname: z.string() }),
  /** Each Windows tool: the full path found (or null), and where it was found or what was searched. */
  tools: z.array(z.object({ tool: z.string(), path: z.string().nullable(), source: z.string() })),
  /** value null: it could not be checked; `how` says how it was decided, or why it could not be. */
  elevated: z.object({ value: z.boolean().nullable(), how: z.string() }),
  /** providers null: they could not be listed (`how` says why). Win32_ShadowProvider reads the same in every display language. */
  vssProviders: z.object({
    providers: z
      .array(
        z.object({
          id: z.string(),
          name: z.string().nullable(),
          /** VSS_PROVIDER_TYPE as the class reports it (1 system, 2 software, 3 hardware). */
          type: z.number().nullable(),
          version: z.string().nullable(),
        }),
      )
      .nullable(),
    how: z.string(),
  }),
  cluster: z.object({
    member: z.boolean().nullable(),
    nodes: z.array(z.object({ name: z.string(), state: z.string().nullable() })),
    how: z.string(),
  }),
  /**
   * Each cluster node, checked on the node itself through PowerShell remoting: reachable (else `how` says the WinRM
   * failure), administrator there, its Windows release and whether it meets the floor, the tools, the storage
   * subsystems its providers show. Null fields were not learned (the node did not answer).
   */
  nodes: z.array(
    z.object({
      name: z.string(),
      reachable: z.boolean(),
      how: z.string(),
      administrator: z.boolean().nullable(),
      os: z.string().nullable(),
      osSupported: z.boolean().nullable(),
      tools: z.array(z.object({ tool: z.string(), present: z.boolean().nullable() })),
      storageSubSystems: z.array(z.string()).nullable(),
    }),
  ),
  backend: z.object({ kind: z.enum(['lab', 'windows']), why: z.string() }),
});
export type DoctorReport = z.infer<typeof DoctorReport>;

export const doctorMethods = {
  /** Starts no process anywhere but Windows: there, the tools cannot exist. */
  'doctor.run': { params: z.object({}).strict(), result: DoctorReport },
} as const;
