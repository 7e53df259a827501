/**
 * `reports.verify` (`shadowswap report verify`): checks an exported JSON or HTML report. First against itself (the model's
 * digest, each section's digest, and for HTML the page digest over every byte), then, when the run's
 * journal is in the data directory, against the journal: the journal's hash chain must hold, reach the
 * head the report quotes, and give back the same report. Each difference is named (section, step, field,
 * journal line) so an auditor knows what changed, not only that something did.
 *
 * A digest shows a report is unchanged since it was made; someone who edits a report and recomputes
 * every digest is caught only by the comparison with the journal, which is the record of truth.
 */
import fs from 'node:fs';
import { ShadowSwapError, toWireError } from '../../../shared/errors';
import { REPORT_SCHEMA, ReportDigest, ReportModel } from '../../../shared/report';
import type { ReportVerification, VerifyCheck } from '../../../shared/report-contract';
import { readJournal, type JournalRead } from '../recovery/journal';
import type { RunEvent } from '../recovery/run-events';
import { RunStore } from '../recovery/run-store';
import { DIGEST_SCRIPT_ID, PAGE_DIGEST_META, PAGE_DIGEST_PLACEHOLDER, renderHtml, REPORT_SCRIPT_ID } from './render-html';
import { changedSections, describePath, differingPaths } from './report-diff';
import { digestReport, sha256 } from './report-digest';
import { buildReportModel } from './report-model';
import { renderJson } from './reports';

interface Extracted {
  /** The model exactly as the file holds it, before any schema drops a field. */
  raw: Record<string, unknown>;
  digest: ReportDigest | null;
  checks: VerifyCheck[];
}

/** Checks a report's text; `file` only names it in the answer. */
export function verifyReport(file: string, text: string, dataDir: string): ReportVerification {
  const format = formatOf(text, file);
  const extracted = format === 'json' ? fromJson(text) : fromHtml(text);
  const runId =
    typeof (extracted.raw.run as { id?: unknown } | undefined)?.id === 'string' ? (extracted.raw.run as { id: string }).id : null;
  const checks = [...extracted.checks, journalCheck(extracted.raw, runId, dataDir)];
  return { file, format, runId, intact: checks.every((check) => check.status !== 'failed'), checks };
}

function formatOf(text: string, file: string): 'json' | 'html' {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'json';
  if (/^<!doctype html|^<html/i.test(start)) return 'html';
  const pdf = start.startsWith('%PDF') ? ' A PDF cannot be verified: verify the JSON or HTML report made with it.' : '';
  throw new ShadowSwapError('INVALID_REQUEST', `${file} is neither a ShadowSwap JSON report nor an HTML report.${pdf}`);
}

const passed = (name: string, detail: string): VerifyCheck => ({ name, status: 'passed', detail, changes: [] });
const failed = (name: string, detail: string, changes: string[] = []): VerifyCheck => ({ name, status: 'failed', detail, changes });

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The model's digest, and per section what changed when it does not match. */
function digestCheck(raw: Record<string, unknown>, digest: ReportDigest | null, what: string): VerifyCheck {
  const name = 'Report digest';
  if (raw.schema !== REPORT_SCHEMA)
    return failed(
      name,
      `${what} is not a ${REPORT_SCHEMA} report (schema ${JSON.stringify(raw.schema ?? null)}); this version of ShadowSwap cannot check it.`,
    );
  if (digest === null) return failed(name, `${what} carries no digest, so it cannot be checked.`);
  const computed = digestReport(raw);
  if (computed.report === digest.report) return passed(name, `${what} matches its digest sha256:${digest.report}.`);
  const changes = changedSections(digest.sections, computed.sections, raw);
  return failed(
    name,
    `${what} no longer matches its digest: it was changed after the report was made.`,
    changes.length > 0 ? changes : ['the list of section digests itself'],
  );
}

function fromJson(text: string): Extracted {
  const document = parseObject(text);
  if (document === null)
    return {
      raw: {},
      digest: null,
      checks: [failed('Report digest', 'The file is not valid JSON any more: it was changed or cut short.')],
    };
  const { digest: recorded, ...raw } = document;
  const digest = ReportDigest.safeParse(recorded);
  const checks = [digestCheck(raw, digest.success ? digest.data : null, 'The report data')];
  // Values intact but bytes different: whitespace or field order was edited. Still a change to the file.
  if (checks[0]?.status === 'passed' && renderJson(document as never) !== text) {
    checks.push(
      failed(
        'File bytes',
        "Every value matches its digest, but the file's layout (whitespace or field order) was changed since it was exported.",
        ['the JSON layout'],
      ),
    );
  }
  return { raw, digest: digest.success ? digest.data : null, checks };
}

function scriptText(html: string, id: string): string | null {
  const match = new RegExp(`<script type="application/json" id="${id}">([^<]*)</script>`).exec(html);
  return match?.[1] ?? null;
}

function fromHtml(html: string): Extracted {
  const embedded = scriptText(html, REPORT_SCRIPT_ID);
  const digestText = scriptText(html, DIGEST_SCRIPT_ID);
  const raw = embedded === null ? null : parseObject(embedded);
  const digest = digestText === null ? null : ReportDigest.safeParse(parseObject(digestText));
  const checks: VerifyCheck[] = [];
  if (raw === null || embedded === null) {
    checks.push(
      failed('Report digest', 'The page no longer holds its embedded report data (it was removed or damaged), so it cannot be checked.', [
        'the embedded report data',
      ]),
    );
  } else {
    const digestValue = digest?.success ? digest.data : null;
    // The digest covers the exact embedded text; a section comparison then names what changed.
    const exact = digestValue !== null && sha256(embedded) === digestValue.report;
    checks.push(
      exact
        ? passed('Report digest', `The embedded report data matches its digest sha256:${digestValue.report}.`)
        : digestCheck(raw, digestValue, 'The embedded report data'),
    );
  }
  checks.push(pageCheck(html, raw, digest?.success ? digest.data : null));
  return { raw: raw ?? {}, digest: digest?.success ? digest.data : null, checks };
}

/** Every byte of the page, through the page digest; a re-rendering from the embedded data names where. */
function pageCheck(html: string, raw: Record<string, unknown> | null, digest: ReportDigest | null): VerifyCheck {
  const name = 'Page';
  const recorded = new RegExp(`<meta name="${PAGE_DIGEST_META}" content="(sha256:[0-9a-f]{64})">`).exec(html)?.[1];
  if (recorded === undefined)
    return failed(name, 'The page digest is missing, so the visible page cannot be checked.', ['the page digest']);
  const withPlaceholder = blankPageDigest(html);
  if (`sha256:${sha256(withPlaceholder)}` === recorded) return passed(name, 'Every byte of the page matches the page digest.');
  const model = ReportModel.safeParse(raw);
  if (!model.success || digest === null)
    return failed(name, 'The page was changed after the report was made.', [
      'the page (its embedded data is damaged too, so the place cannot be named)',
    ]);
  // Compared with the page digests blanked in both: where they differ says nothing about the content.
  const expected = blankPageDigest(renderHtml({ ...model.data, digest }));
  if (expected === withPlaceholder) return failed(name, 'The page digest itself was changed.', ['the page digest']);
  return failed(name, 'The page was changed after the report was made.', [
    `the visible page, first in ${regionAt(withPlaceholder, firstDifference(expected, withPlaceholder))}`,
  ]);
}

function blankPageDigest(html: string): string {
  return html.replace(new RegExp(`(<meta name="${PAGE_DIGEST_META}" content=")sha256:[0-9a-f]{64}`), `$1${PAGE_DIGEST_PLACEHOLDER}`);
}

/** A value for a message: short, quoted as JSON, "nothing" when absent. */
function valueAt(value: unknown, path: ReadonlyArray<string | number>): string {
  const found = path.reduce<unknown>(
    (at, key) => (at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined),
    value,
  );
  if (found === undefined) return 'nothing';
  const text = JSON.stringify(found);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** The section (or step) of the page an offset falls in, by its heading. */
function regionAt(html: string, offset: number): string {
  if (offset >= html.indexOf('<script type="application/json"')) return 'the embedded data blocks';
  let region = 'the page header';
  for (const match of html.matchAll(/<(?:section|article) id="([^"]+)"[^>]*>\s*<h[23] id="[^"]+">([^<]*)/g)) {
    if ((match.index ?? 0) > offset) break;
    region = `the section "${unescapeHtml(match[2] ?? match[1] ?? '')}"`;
  }
  return region;
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** The report against its run's journal: the chain, the head it quotes, and the model rebuilt from it. */
function journalCheck(raw: Record<string, unknown>, runId: string | null, dataDir: string): VerifyCheck {
  const name = 'Journal';
  const model = ReportModel.safeParse(raw);
  if (runId === null || !model.success)
    return { name, status: 'skipped', detail: 'Not compared with the journal: the report data is unreadable.', changes: [] };
  const store = new RunStore(dataDir);
  let file: string;
  try {
    file = store.journalFile(runId);
  } catch (error) {
    return failed(name, toWireError(error).message, ['the run id']);
  }
  if (!fs.existsSync(file))
    return {
      name,
      status: 'skipped',
      detail: `Not compared with the journal: there is no journal for ${runId} in ${store.dir}. Verify on the machine that ran it, or with --data-dir pointing at a copy of its data directory.`,
      changes: [],
    };

  let read: JournalRead<RunEvent>;
  try {
    read = readJournal<RunEvent>(file);
  } catch (error) {
    // The chain is broken: readJournal names the line (an edited, removed or reordered event).
    const wire = toWireError(error);
    const line = typeof wire.details?.line === 'number' ? [`journal line ${wire.details.line}`] : [];
    return failed(name, wire.message, line);
  }
  const report = model.data;
  const quoted = report.journal.events;
  if (quoted > read.records.length) {
    return failed(
      name,
      `The journal holds ${read.records.length} events, but the report was made from ${quoted}: events were removed from the journal, or the report belongs to another journal.`,
      [`journal events ${read.records.length + 1}–${quoted}`],
    );
  }
  // The chain's head after the first `quoted` events is the next event's prevHash, or the head itself.
  const headThen = read.records[quoted]?.prevHash ?? read.head;
  const rebuilt = buildReportModel(
    { file: report.journal.file, records: read.records.slice(0, quoted), head: headThen },
    report.generatedAt,
  );
  // The chain head is compared on its own below; the fields name what the rewrite changed.
  const differences = differingPaths(report, rebuilt)
    .filter((path) => path.join('.') !== 'journal.head')
    .map((path) => `${describePath(path, report)}: the report says ${valueAt(report, path)}, the journal ${valueAt(rebuilt, path)}`);
  const later =
    read.records.length > quoted ? ` The run went on after the report was made: the journal now holds ${read.records.length} events.` : '';
  if (headThen !== report.journal.head) {
    return failed(
      name,
      `The journal's first ${quoted} events are not the ones this report was made from (the chain head is ${headThen}, the report quotes ${report.journal.head}): the journal was rewritten, or the report edited.`,
      differences,
    );
  }
  if (differences.length > 0)
    return failed(
      name,
      'The journal is intact and reaches the chain head the report quotes, but the report no longer says what the journal records.',
      differences,
    );
  return passed(
    name,
    `The journal's hash chain holds and its first ${quoted} events give exactly this report (chain head ${headThen}).${later}`,
  );
}
