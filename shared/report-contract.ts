/**
 * Reports for the console and the CLI: a run's report exported in any format, ready to save, and the check
 * that an exported JSON or HTML report is unchanged and agrees with the run's journal.
 */
import { z } from 'zod';
import { ReportFormat } from './report';

export const ExportedReport = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  /** UTF-8 text for HTML, JSON and CSV; base64 for PDF. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  /** The run's state when the report was made. */
  runState: z.string(),
  /** The report's own digest, and the journal's chain head it was made from: what an auditor quotes. */
  digest: z.string(),
  journal: z.object({ head: z.string(), events: z.number() }),
});
export type ExportedReport = z.infer<typeof ExportedReport>;

export const VerifyCheck = z.object({
  name: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  detail: z.string(),
  /** What changed, named: sections, steps, fields, journal lines. */
  changes: z.array(z.string()),
});
export type VerifyCheck = z.infer<typeof VerifyCheck>;

export const ReportVerification = z.object({
  file: z.string(),
  format: z.enum(['json', 'html']),
  runId: z.string().nullable(),
  /** No check failed (a skipped journal check does not count against the report). */
  intact: z.boolean(),
  checks: z.array(VerifyCheck),
});
export type ReportVerification = z.infer<typeof ReportVerification>;

export const reportMethods = {
  'reports.export': {
    params: z.object({ runId: z.string().regex(/^run-[\w-]{1,80}$/), format: ReportFormat }).strict(),
    result: ExportedReport,
  },
  /** The journal is compared when the run's journal is in this core's data directory. */
  'reports.verify': {
    params: z
      .object({
        /** The file's name, to name it in the answer. */
        file: z.string().min(1).max(4096),
        /** The report's text; 64 MB is far more than a report of the longest run. */
        text: z.string().max(64 * 1024 * 1024),
      })
      .strict(),
    result: ReportVerification,
  },
} as const;
