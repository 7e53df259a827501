/** Reports for the console: a run's report exported in any format, ready to save. */
import { z } from 'zod';
import { ReportFormat } from './report';

export const ExportedReport = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  /** UTF-8 text for HTML, JSON and CSV; base64 for PDF. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportedReport = z.infer<typeof ExportedReport>;

export const reportMethods = {
  'reports.export': {
    params: z.object({ runId: z.string().regex(/^run-[\w-]{1,80}$/), format: ReportFormat }).strict(),
    result: ExportedReport,
  },
} as const;
