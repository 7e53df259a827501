/**
 * The reports' entry points for every door: build a run's report from its journal, and export it as
 * HTML, PDF, JSON or CSV. (Verification is in verify-report.ts.)
 */
import path from 'node:path';
import { ShadowSwapError } from '../../../shared/errors';
import type { ReportDocument, ReportFormat, ReportModel } from '../../../shared/report';
import { readJournal } from '../recovery/journal';
import type { RunEvent } from '../recovery/run-events';
import { RunStore } from '../recovery/run-store';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderPdf, type PdfOptions } from './render-pdf';
import { digestReport } from './report-digest';
import { buildReportModel } from './report-model';
import type { ReportKey } from './report-signing';

/** The report of one run, as its journal in <dataDir>/runs tells it now. */
export function buildReport(dataDir: string, runId: string, now: Date = new Date()): ReportModel {
  const store = new RunStore(dataDir);
  const file = store.journalFile(runId);
  if (!store.exists(runId))
    throw new ShadowSwapError('NOT_FOUND', `There is no run "${runId}" in ${store.dir}. List runs with: shadowswap runs`);
  const { records, head } = readJournal<RunEvent>(file);
  return buildReportModel({ file: path.basename(file), records, head }, now.toISOString());
}

/** The model with its digest, signed with this installation's key. */
export function reportDocument(model: ReportModel, key: ReportKey): ReportDocument {
  const digest = digestReport(model);
  return { ...model, digest, signature: key.sign(digest.report) };
}

/** The JSON export: the document pretty-printed in schema order, so verify can tell a layout change too. */
export function renderJson(document: ReportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A report in `format`, signed with `key` (the CSV, a table of steps, carries neither digest nor signature). */
export async function exportReport(model: ReportModel, format: ReportFormat, key: ReportKey, pdf: PdfOptions = {}): Promise<Buffer> {
  const document = reportDocument(model, key);
  switch (format) {
    case 'html':
      return Buffer.from(renderHtml(document), 'utf8');
    case 'pdf':
      return renderPdf(renderHtml(document), pdf);
    case 'json':
      return Buffer.from(renderJson(document), 'utf8');
    case 'csv':
      return Buffer.from(renderCsv(model), 'utf8');
  }
}
