/**
 * The reports part of the contract: a run's report exported for the console or the CLI to save, and the
 * check of an exported report against itself and the run's journal.
 */
import type { ReportFormat } from '../../../shared/report';
import type { Handlers } from '../rpc/registry';
import type { PdfOptions } from './render-pdf';
import { buildReport, exportReport, reportDocument } from './reports';
import { verifyReport } from './verify-report';

const mediaTypes: Record<ReportFormat, string> = {
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

/** `pdf`: how reports become PDFs (a printer in the desktop app, else a headless Chromium found from `env`). */
export function reportHandlers(dataDir: string, pdf: PdfOptions): Pick<Handlers, 'reports.export' | 'reports.verify'> {
  return {
    'reports.export': async ({ runId, format }) => {
      const model = buildReport(dataDir, runId);
      const bytes = await exportReport(model, format, pdf);
      const binary = format === 'pdf';
      return {
        fileName: `shadowswap-report-${runId}.${format}`,
        mediaType: mediaTypes[format],
        encoding: binary ? 'base64' : 'utf8',
        content: bytes.toString(binary ? 'base64' : 'utf8'),
        runState: model.run.state,
        digest: reportDocument(model).digest.report,
        journal: { head: model.journal.head, events: model.journal.events },
      };
    },
    'reports.verify': ({ file, text }) => verifyReport(file, text, dataDir),
  };
}
