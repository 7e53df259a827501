/**
 * shadowswap report RUN_ID | report verify FILE: a run's report for a change board or an auditor, made
 * from its journal (any run: finished, failed, unfinished or rolled back), and the check that an exported
 * report is unchanged and agrees with the journal. Exit code 1 when verify finds any change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ShadowSwapError } from '../../../shared/errors';
import { formatBytes } from '../../../shared/format';
import { ReportFormat } from '../../../shared/report';
import type { ReportVerification } from '../../../shared/report-contract';
import { requiredFlag, stringFlag } from '../args';
import { printJson, withClient, type Command } from '../command';
import type { CommandContext } from '../context';
import { readTextFile } from '../files';

const usage = 'shadowswap report RUN_ID --out FILE [--format html|pdf|json|csv] [--force]';

function operand(context: CommandContext, depth: number, what: string): string {
  const value = context.args.positionals[depth];
  if (!value)
    throw new ShadowSwapError('INVALID_REQUEST', `Which ${what}? Usage: ${what === 'run' ? usage : 'shadowswap report verify FILE'}`);
  return value;
}

/** --format, else the --out file's extension. */
function formatOf(context: CommandContext, out: string): ReportFormat {
  const given = stringFlag(context.args, 'format') ?? path.extname(out).slice(1).toLowerCase();
  const format = ReportFormat.safeParse(given);
  if (!format.success)
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      `--format must be html, pdf, json or csv${given ? `, not "${given}"` : ' (or give --out a .html, .pdf, .json or .csv name)'}.`,
    );
  return format.data;
}

function alreadyExists(file: string): ShadowSwapError {
  return new ShadowSwapError(
    'PRECONDITION_FAILED',
    `${file} already exists; nothing was written. Add --force to replace it, or choose another --out.`,
  );
}

function writeReport(file: string, bytes: Buffer, force: boolean): void {
  try {
    // 'wx' fails if the file exists, atomically: a report never silently replaces another file.
    fs.writeFileSync(file, bytes, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(file);
    throw new ShadowSwapError('PRECONDITION_FAILED', `The report could not be written to ${file} (${(error as Error).message}).`);
  }
}

function verificationText(result: ReportVerification): string {
  const mark = { passed: 'OK  ', failed: 'FAIL', skipped: 'SKIP' } as const;
  const lines = [`${result.file}: ${result.format.toUpperCase()} report of ${result.runId ?? 'an unknown run'}`];
  for (const check of result.checks) {
    lines.push(`  ${mark[check.status]}  ${check.name}: ${check.detail}`, ...check.changes.map((change) => `          changed: ${change}`));
  }
  lines.push(
    result.intact
      ? 'The report is intact.'
      : 'The report was changed: do not rely on it; make a new one from the journal (shadowswap report RUN_ID).',
  );
  return `${lines.join('\n')}\n`;
}

export const reportCommands: Command[] = [
  {
    path: ['report'],
    operand: 'RUN_ID',
    summary: "Export a run's report (HTML, PDF, JSON or CSV of the steps) for a change board or an auditor",
    flags: {
      out: { value: 'FILE', description: 'where to write the report (an existing file is never replaced without --force)' },
      format: { value: 'html|pdf|json|csv', description: "the format (default: from the --out file's extension)" },
      force: { description: 'replace FILE if it exists' },
    },
    details:
      'Made from the run\'s journal alone, so any run can be reported: finished, failed, unfinished or rolled back.\nThe PDF is the HTML printed by Chromium (set SHADOWSWAP_CHROMIUM to choose one). JSON and HTML reports carry a digest and the journal\'s chain head: check them later with "shadowswap report verify FILE".',
    run: (context) => {
      const runId = operand(context, 1, 'run');
      const out = path.resolve(requiredFlag(context.args, 'out', usage));
      const format = formatOf(context, out);
      const force = context.args.flags.force === true;
      // Refused before the work too, so a PDF is not made only to be thrown away.
      if (!force && fs.existsSync(out)) throw alreadyExists(out);
      return withClient(context, async (client) => {
        const report = await client.invoke('reports.export', { runId, format });
        const bytes = Buffer.from(report.content, report.encoding);
        writeReport(out, bytes, force);
        const verifiable = format === 'json' || format === 'html';
        context.io.stdout(
          `Wrote the ${format.toUpperCase()} report of run ${runId} (${report.runState}) to ${out} (${formatBytes(bytes.length)}).\n` +
            `Report digest sha256:${report.digest}\nJournal chain head ${report.journal.head} (${report.journal.events} events)\n` +
            (verifiable
              ? `Check it later with: shadowswap report verify ${out}\n`
              : 'A PDF or CSV cannot be verified itself: export the JSON or HTML report too for the record.\n'),
        );
        return 0;
      });
    },
  },
  {
    path: ['report', 'verify'],
    operand: 'FILE',
    summary: "Check an exported JSON or HTML report: unchanged since it was made, and in agreement with the run's journal",
    flags: { json: { description: 'print the result as JSON' } },
    details:
      'Names what changed: the section, step or field, or the journal line. The journal is compared when it is in the data directory (--data-dir). Exit code 1 when anything changed.',
    run: (context) => {
      const file = path.resolve(operand(context, 2, 'file'));
      const text = readTextFile(file);
      return withClient(context, async (client) => {
        const result = await client.invoke('reports.verify', { file, text });
        if (context.args.flags.json) printJson(context, result);
        else context.io.stdout(verificationText(result));
        return result.intact ? 0 : 1;
      });
    },
  },
];
