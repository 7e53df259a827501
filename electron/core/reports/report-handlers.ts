/** The reports part of the contract: a run's report, exported for the console to save. */
import type { ReportFormat } from '../../../shared/report';
import type { Handlers } from '../rpc/registry';
import type { PdfPrinter } from './render-pdf';
import { buildReport, exportReport } from './reports';

const mediaTypes: Record<ReportFormat, string> = {
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

export function reportHandlers(dataDir: string, printer?: PdfPrinter): Pick<Handlers, 'reports.export'> {
  return {
    'reports.export': async ({ runId, format }) => {
      const bytes = await exportReport(buildReport(dataDir, runId), format, printer ? { printer } : {});
      const binary = format === 'pdf';
      return {
        fileName: `shadowswap-report-${runId}.${format}`,
        mediaType: mediaTypes[format],
        encoding: binary ? 'base64' : 'utf8',
        content: bytes.toString(binary ? 'base64' : 'utf8'),
      };
    },
  };
}
