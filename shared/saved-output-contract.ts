/**
 * Offline browsing: saved diskshadow or vssadmin output (a customer's log, a /l file) turned into the
 * snapshot inventory, so a support engineer can browse it in the console as the CLI's `parse` does.
 */
import { z } from 'zod';

export const SavedShadowCopy = z.object({
  id: z.string(),
  setId: z.string().nullable(),
  originalVolume: z.string().nullable(),
  originalVolumeLabel: z.string().nullable(),
  creationTime: z.string().nullable(),
  createdAt: z.string().nullable(),
  deviceName: z.string().nullable(),
  originatingMachine: z.string().nullable(),
  serviceMachine: z.string().nullable(),
  exposedAs: z.string().nullable(),
  providerId: z.string().nullable(),
  attributes: z.array(z.string()).readonly(),
  originalCount: z.number().nullable(),
  providerName: z.string().nullable(),
  type: z.string().nullable(),
});

export const SavedListing = z.object({
  shadowCopies: z.array(SavedShadowCopy),
  aliases: z.record(z.string(), z.string()),
  unparsed: z.array(z.string()),
});
export type SavedListing = z.infer<typeof SavedListing>;

export const SavedOutputTool = z.enum(['diskshadow', 'vssadmin']);
export type SavedOutputTool = z.infer<typeof SavedOutputTool>;

export const savedOutputMethods = {
  'parse.savedOutput': {
    params: z
      .object({
        tool: SavedOutputTool,
        /** The file's text; 32 MB is far more than any listing a host prints. */
        text: z.string().max(32 * 1024 * 1024),
        locale: z.string().max(20).optional(),
        /** The file's name, so an error names it. */
        file: z.string().max(4096).optional(),
      })
      .strict(),
    result: SavedListing,
  },
} as const;
