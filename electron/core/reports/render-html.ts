/**
 * The report as one self-contained HTML file: inline styles, no script that runs, no external request
 * (a Content-Security-Policy forbids any), readable on screen and in print (the PDF is this page printed
 * by Chromium, with the run id and page numbers in every page's margins). The model is embedded as JSON
 * so `shadowswap report verify` can read it back; a page digest covers every byte of the file.
 * Accessible by construction: lang, a title, headings in order, captioned tables with scoped headers,
 * states in words as well as colour, contrast above 4.5:1.
 */
import { changeText, hostsText } from '../../../shared/change-text';
import { outageLimitText } from '../../../shared/outage-limit';
import { doorLabels, type Door, type RunState, type StepState, type Verdict } from '../../../shared/recovery';
import { maskingRoleText } from '../../../shared/masking-picture';
import { dataLossLines, scopeRoleText } from '../../../shared/recovery-scope';
import type { MaskingRow, ReportDocument, ReportModel, ReportStep } from '../../../shared/report';
import { canonicalJson, sha256 } from './report-digest';
import { formatDuration, formatInstant, stateLabel } from './report-text';

export const REPORT_SCRIPT_ID = 'shadowswap-report';
export const DIGEST_SCRIPT_ID = 'shadowswap-report-digest';
export const SIGNATURE_SCRIPT_ID = 'shadowswap-report-signature';
export const PAGE_DIGEST_META = 'shadowswap-page-digest';
/** Stands in for the page digest while the page is hashed, when it is made and when it is verified. */
export const PAGE_DIGEST_PLACEHOLDER = `sha256:${'0'.repeat(64)}`;

/** Output longer than this is folded in the page (head and tail shown); the JSON report keeps every line. */
const FOLD_OVER_LINES = 40;
const FOLD_HEAD = 30;
const FOLD_TAIL = 8;

type Tone = 'good' | 'warn' | 'bad' | 'undone' | 'neutral';
const tones: Record<RunState | StepState | Verdict, Tone> = {
  succeeded: 'good',
  pass: 'good',
  skipped: 'good',
  warn: 'warn',
  'waiting-confirmation': 'warn',
  paused: 'warn',
  running: 'warn',
  interrupted: 'warn',
  damaged: 'bad',
  'rolling-back': 'warn',
  failed: 'bad',
  fail: 'bad',
  compensated: 'undone',
  'rolled-back': 'undone',
  pending: 'neutral',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A CSS string literal; `<` is escaped too so nothing can close the style element. */
/** " (through the browser console)"; nothing for journals written before doors were recorded. */
function throughDoor(door: Door | null): string {
  return door === null ? '' : ` (through the ${doorLabels[door]})`;
}

function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const badge = (state: RunState | StepState | Verdict): string =>
  `<span class="badge ${tones[state]}">${escapeHtml(stateLabel(state))}</span>`;

function rowsTable(caption: string, rows: ReadonlyArray<readonly [string, string]>): string {
  return `<table class="facts"><caption>${escapeHtml(caption)}</caption><tbody>${rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
}

function columnsTable(caption: string, headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)}</h2>${body}</section>`;
}

/** How much of the outage was work and how much waiting for the operator's confirmations, when the report knows. */
function downtimeSplitText(downtime: ReportModel['run']['downtime']): string {
  const { workMs, waitingMs } = downtime;
  if (workMs === undefined || workMs === null || waitingMs === undefined || waitingMs === null) return '';
  return `: ${escapeHtml(formatDuration(workMs))} of work, ${escapeHtml(formatDuration(waitingMs))} waiting for the operator's confirmations`;
}

/**
 * Page 1, for a change board: what happened, under which change and whose approval, to which point in time and
 * what that leaves out, how long production was down (work and waiting), and what to do next.
 */
function changeBoardSection(model: ReportModel): string {
  const board = model.changeBoard;
  if (board === undefined) return '';
  const { run } = model;
  const approval =
    board.approval === null
      ? 'No plan-wide approval: each destructive step was confirmed on its own (see Steps).'
      : `${escapeHtml(board.approval.by)}${throughDoor(board.approval.door)} at ${escapeHtml(formatInstant(board.approval.at))}, for every destructive step of the plan${board.approval.pauseBeforeEachStep ? ', pausing before each one' : ''}`;
  const window = board.dataLossWindow;
  const followUps = board.followUps.length > 0 ? board.followUps : model.nextSteps;
  return section(
    'change-board',
    'For the change board',
    rowsTable('The recovery at a glance', [
      ['Outcome', `${badge(run.state)} Run <code>${escapeHtml(run.id)}</code>`],
      ['Change reference', escapeHtml(board.change ?? 'None given')],
      ['Reason', escapeHtml(board.reason ?? 'None given')],
      ['Operator', `${escapeHtml(run.operator)} on ${escapeHtml(run.machine)}`],
      ['Approved by', approval],
      [
        'Recovery point',
        `${escapeHtml(formatInstant(board.recoveryPoint))}: the creation of snapshot set <code>${escapeHtml(run.setId)}</code>`,
      ],
      [
        'Data-loss window',
        window.to === null
          ? `From ${escapeHtml(formatInstant(window.from))}; production storage was never taken away, so nothing was lost.`
          : `${escapeHtml(formatDuration(window.durationMs))}, from ${escapeHtml(formatInstant(window.from))} to ${escapeHtml(formatInstant(window.to))}: changes written then are not in the recovered LUNs; the originals keep them.`,
      ],
      ['Production downtime', downtimeText(model)],
      ['Arrays', escapeHtml(model.estate.arrays.length > 0 ? model.estate.arrays.join(', ') : 'Not named in the journal')],
    ]) +
      (board.scope.length > 0
        ? columnsTable(
            'What each LUN was',
            ['LUN', 'Role', 'Group', 'In this recovery'],
            board.scope.map((lun) => [
              escapeHtml(lun.lunName),
              escapeHtml(scopeRoleText[lun.role]),
              escapeHtml(lun.group),
              lun.leftOut ? 'Left out: stayed in production as it was' : 'Swapped for its shadow copy',
            ]),
          ) +
          `<h3>What is lost</h3><ul>${dataLossLines(board.scope, formatInstant(board.recoveryPoint))
            .map((line) => `<li>${escapeHtml(line)}</li>`)
            .join('')}</ul>`
        : '') +
      (followUps.length > 0 ? `<h3>Follow-ups</h3><ol>${followUps.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ol>` : ''),
  );
}

function downtimeText(model: ReportModel): string {
  const { downtime } = model.run;
  return downtime.startedAt === null
    ? 'None: no step took production storage away.'
    : `${escapeHtml(formatDuration(downtime.durationMs))}, from ${escapeHtml(formatInstant(downtime.startedAt))} to ${downtime.endedAt === null ? 'not back yet' : escapeHtml(formatInstant(downtime.endedAt))}${downtimeSplitText(downtime)}${outageLimitLines(downtime)}`;
}

/** The outage beside the least its operations allowed, measured and as planned, when the report knows them. */
function outageLimitLines(downtime: ReportModel['run']['downtime']): string {
  const lines: string[] = [];
  if (downtime.operationsAllowMs !== undefined && downtime.operationsAllowMs !== null)
    lines.push(`Measured: ${outageLimitText(downtime.durationMs, downtime.operationsAllowMs)}.`);
  if (downtime.expected) lines.push(`Planned: ${outageLimitText(downtime.expected.outageMs, downtime.expected.operationsAllowMs)}.`);
  return lines.map((line) => `<br>${escapeHtml(line)}`).join('');
}

function summarySection(model: ReportModel): string {
  const { run, estate } = model;
  const downtime = downtimeText(model);
  return section(
    'summary',
    'Summary',
    rowsTable('The run at a glance', [
      ['Run', `<code>${escapeHtml(run.id)}</code>`],
      ['Outcome', badge(run.state)],
      ['Production downtime', downtime],
      [
        'Total duration',
        `${escapeHtml(formatDuration(run.durationMs))}${run.endedAt === null ? ' (to the last journal event; the run has not ended)' : ''}`,
      ],
      ['Started', escapeHtml(formatInstant(run.startedAt))],
      [
        'Ended',
        run.endedAt === null
          ? `Not ended (last event ${escapeHtml(formatInstant(run.lastEventAt))})`
          : escapeHtml(formatInstant(run.endedAt)),
      ],
      ['Operator', `${escapeHtml(run.operator)} on ${escapeHtml(run.machine)}`],
      ['Backend', escapeHtml(run.backend)],
      ['Snapshot set', `<code>${escapeHtml(run.setId)}</code>, taken ${escapeHtml(formatInstant(run.setCreatedAt))}`],
      ['Cluster', escapeHtml(estate.cluster ?? 'None (standalone host)')],
      ...(run.rollback
        ? [
            [
              'Rollback',
              `Started ${escapeHtml(formatInstant(run.rollback.at))} by ${escapeHtml(run.rollback.by)}${throughDoor(run.rollback.door)}`,
            ] as const,
          ]
        : []),
      ...(run.lastError ? [['Last error', escapeHtml(run.lastError)] as const] : []),
    ]),
  );
}

function nextStepsSection(model: ReportModel): string {
  if (model.nextSteps.length === 0) return '';
  return section('next-steps', 'What to do next', `<ol>${model.nextSteps.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ol>`);
}

function estateSection(model: ReportModel): string {
  const { estate } = model;
  return section(
    'estate',
    'Estate',
    rowsTable('Where the run worked', [
      ['Cluster', escapeHtml(estate.cluster ?? 'None (standalone host)')],
      ['Import host', escapeHtml(estate.importHost)],
      ['Hosts involved', escapeHtml(estate.hosts.join(', '))],
      ['Arrays', escapeHtml(estate.arrays.length > 0 ? estate.arrays.join(', ') : 'Not named in the journal')],
    ]) +
      columnsTable(
        'Damaged originals and the LUNs recovered from the shadow copy',
        ['Damaged original', 'Original LUN id', 'Recovered LUN', 'Recovered LUN id'],
        estate.lunPairs.map((pair) => [
          escapeHtml(pair.original.name),
          `<code>${escapeHtml(pair.original.id)}</code>`,
          escapeHtml(pair.recovered.name),
          `<code>${escapeHtml(pair.recovered.id)}</code>`,
        ]),
      ),
  );
}

function preflightSection(model: ReportModel): string {
  const { preflight } = model;
  const acknowledged =
    preflight.acknowledgedWarnings.length === 0
      ? 'No warning needed acknowledging.'
      : `Warnings acknowledged by the operator before the run: ${preflight.acknowledgedWarnings.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}.`;
  return section(
    'preflight',
    'Preflight checks',
    columnsTable(
      `${preflight.checks.length} checks made before the run${preflight.blocked ? ' (the plan was blocked)' : ''}`,
      ['Check', 'Verdict', 'Reason', 'What to do'],
      preflight.checks.map((check) => [
        escapeHtml(check.title),
        badge(check.verdict),
        escapeHtml(check.reason),
        escapeHtml(check.fix ?? '—'),
      ]),
    ) + `<p>${acknowledged}</p>`,
  );
}

function optionsSection(model: ReportModel): string {
  const { options } = model;
  return section(
    'options',
    'Options',
    rowsTable('What the operator chose', [
      ['Cluster disk resources', options.mode === 'offline' ? 'Taken offline during the swap' : 'Put in maintenance mode during the swap'],
      ['Disk identity', options.identity === 'revert' ? 'Kept (break with identity revert)' : 'New signatures, resources repointed'],
      ['Forensics host', escapeHtml(options.forensicsHost ?? 'None: the damaged originals stay masked from every host')],
      ['Verification', options.verify ? 'Requested' : 'Not requested'],
    ]),
  );
}

function outputBlock(step: ReportStep): string {
  if (step.output.length === 0) return '';
  const lines = step.output.map((line) => line.text);
  const shown =
    lines.length > FOLD_OVER_LINES
      ? [
          ...lines.slice(0, FOLD_HEAD),
          `… ${lines.length - FOLD_HEAD - FOLD_TAIL} more lines folded here: the JSON report has every line …`,
          ...lines.slice(-FOLD_TAIL),
        ]
      : lines;
  return `<h4>Output</h4><pre class="output">${escapeHtml(shown.join('\n'))}</pre>`;
}

/** Every failure of the step; the last one still stands when the step has an error now. */
function failuresList(step: ReportStep): string {
  if (step.failures.length === 0) return '';
  const items = step.failures.map((f, i) => {
    const stands = step.error !== null && i === step.failures.length - 1;
    return `<li${stands ? ' class="error"' : ''}>${escapeHtml(formatInstant(f.at))}, ${f.during === 'run' ? 'running the step' : 'undoing it'}: ${escapeHtml(f.message)}${stands ? '' : ' (a later attempt got past it)'}</li>`;
  });
  return `<h4>Failures</h4><ul>${items.join('')}</ul>`;
}

function stepArticle(step: ReportStep, total: number): string {
  const facts: Array<[string, string]> = [
    ['State', badge(step.state)],
    ['Started', escapeHtml(formatInstant(step.startedAt))],
    ['Ended', escapeHtml(formatInstant(step.endedAt))],
    ['Duration', escapeHtml(formatDuration(step.durationMs))],
  ];
  if (step.destructive) {
    facts.push([
      'Confirmation',
      step.confirmations.length === 0
        ? 'Destructive step; not confirmed'
        : step.confirmations
            .map((c) =>
              c.byApproval
                ? `Passed under the approval of ${escapeHtml(c.by)}${throughDoor(c.door)} at ${escapeHtml(formatInstant(c.at))}`
                : `${escapeHtml(c.by)}${throughDoor(c.door)} typed “${escapeHtml(c.typed)}” at ${escapeHtml(formatInstant(c.at))}`,
            )
            .join('<br>'),
    ]);
  }
  return `<article id="step-${escapeHtml(step.id)}" aria-labelledby="step-${escapeHtml(step.id)}-title">
<h3 id="step-${escapeHtml(step.id)}-title">Step ${step.number} of ${total}: ${escapeHtml(step.title)}${step.destructive ? ' <span class="destructive">(destructive)</span>' : ''}</h3>
<dl>${facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${value}</dd>`).join('')}</dl>
<p class="why">${escapeHtml(step.why)}</p>
${failuresList(step)}
${step.changes.length > 0 ? `<h4>Changes</h4><ul>${step.changes.map((c) => `<li>${escapeHtml(changeText(c))}</li>`).join('')}</ul>` : ''}
${step.commands.length > 0 ? `<p>Its ${step.commands.length} command(s) are in the appendix.</p>` : ''}
${outputBlock(step)}
<p class="undo"><strong>Undo:</strong> ${escapeHtml(step.undo)}</p>
</article>`;
}

/** The exact commands of every step, after the sign-off: the evidence, not what a change board reads first. */
function commandsAppendix(model: ReportModel): string {
  const withCommands = model.steps.filter((step) => step.commands.length > 0);
  if (withCommands.length === 0) return '';
  return section(
    'appendix-commands',
    'Appendix: the commands of each step',
    withCommands
      .map(
        (step) =>
          `<h3>Step ${step.number}: ${escapeHtml(step.title)}</h3>${step.commands
            .map(
              (command) =>
                `<p class="cmd-label">${escapeHtml(command.tool)} on ${escapeHtml(command.runsOn)}${step.commandsSimulated ? ' (simulated by the Lab)' : ''}</p><pre><code>${escapeHtml(command.text.replace(/\r\n/g, '\n').replace(/\n$/, ''))}</code></pre>`,
            )
            .join('')}`,
      )
      .join('\n'),
  );
}

/** Where the people who carried out, approved and accepted the change sign. */
function signOffSection(model: ReportModel): string {
  const approver = model.changeBoard?.approval?.by ?? '';
  return section(
    'sign-off',
    'Sign-off',
    columnsTable(
      'Signatures',
      ['Role', 'Name', 'Signature', 'Date'],
      [
        ['Operator', escapeHtml(model.run.operator), '', ''],
        ['Approver', escapeHtml(approver), '', ''],
        ['Change board', '', '', ''],
      ],
    ),
  );
}

function stepsSection(model: ReportModel): string {
  return section('steps', 'Steps', model.steps.map((step) => stepArticle(step, model.steps.length)).join('\n'));
}

/** One cell of the masking picture: the access in words (and a mark when it changed), colour only as a help. */
function accessCell(hosts: readonly string[], host: string, previous: readonly string[] | null, uncertain: boolean): string {
  if (uncertain) return '<td class="unknown">Unknown</td>';
  const sees = (list: readonly string[]) => list.includes('*') || list.some((h) => h.toUpperCase() === host.toUpperCase());
  const now = sees(hosts);
  const changed = previous !== null && sees(previous) !== now;
  const words = `${now ? 'Sees' : 'Masked'}${hosts.includes('*') ? ' (all hosts)' : ''}${changed ? (now ? ' · gained' : ' · lost') : ''}`;
  return `<td class="${now ? 'sees' : 'masked'}${changed ? ' changed' : ''}">${words}</td>`;
}

function maskingTable(
  caption: string,
  model: ReportModel,
  pick: (row: MaskingRow) => readonly string[],
  compareTo: ((row: MaskingRow) => readonly string[]) | null,
): string {
  const { hosts, luns } = model.masking;
  return `<table class="masking"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">LUN</th>${hosts.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${luns
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.lunName)} <span class="role">(${maskingRoleText[row.role]})</span></th>${hosts
          .map((host) => accessCell(pick(row), host, compareTo ? compareTo(row) : null, compareTo !== null && row.uncertain))
          .join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function maskingSection(model: ReportModel): string {
  const uncertain = model.masking.luns.filter((row) => row.uncertain);
  return section(
    'masking',
    'Masking before and after',
    `<p>Which host sees which LUN. “Sees” and “Masked” are the access lists on the array; “gained” and “lost” mark what the run changed.</p>` +
      maskingTable('Access before the run', model, (row) => row.before, null) +
      maskingTable(
        'Access after the run, from what the journal records',
        model,
        (row) => row.after,
        (row) => row.before,
      ) +
      (uncertain.length > 0
        ? `<p class="error">A masking step failed part-way, so the access of ${escapeHtml(uncertain.map((row) => row.lunName).join(', '))} is unknown: check the array.</p>`
        : '') +
      `<ul class="plain">${model.masking.luns.map((row) => `<li>${escapeHtml(row.lunName)}: ${escapeHtml(hostsText(row.before))} → ${escapeHtml(row.uncertain ? 'unknown' : hostsText(row.after))}</li>`).join('')}</ul>`,
  );
}

function verificationSection(model: ReportModel): string {
  const { verification } = model;
  if (!verification.requested) return section('verification', 'Verification', '<p>Verification was not requested for this run.</p>');
  const results =
    verification.results.length > 0
      ? `<ul>${verification.results.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
      : '<p>No result was recorded.</p>';
  return section(
    'verification',
    'Verification',
    `<p>Outcome: ${verification.state === null ? 'not planned' : badge(verification.state)}</p>${results}${verification.error ? `<p class="error"><strong>Problems found:</strong> ${escapeHtml(verification.error)}</p>` : ''}`,
  );
}

function domainControllerSection(model: ReportModel): string {
  const dc = model.domainController;
  if (!dc) return '';
  const results =
    dc.results.length > 0
      ? `<ul>${dc.results.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
      : '<p>The domain controller was not verified (the run did not reach its verification).</p>';
  return section(
    'domain-controller',
    `Domain controller ${escapeHtml(dc.host)}`,
    `<p>${escapeHtml(dc.restoreKind)}</p><p>Active Directory: ${escapeHtml(dc.directory)}; SYSVOL: ${escapeHtml(dc.sysvol)}.</p>${results}`,
  );
}

function forensicSection(model: ReportModel): string {
  const hold = model.forensicHold;
  return section(
    'forensic-hold',
    'The damaged LUNs',
    `<p>${escapeHtml(hold.summary)}</p>` +
      columnsTable(
        'Damaged originals and who sees them after the run',
        ['LUN', 'LUN id', 'Visible to'],
        hold.luns.map((lun) => [escapeHtml(lun.lunName), `<code>${escapeHtml(lun.lunId)}</code>`, escapeHtml(hostsText(lun.maskedTo))]),
      ),
  );
}

function integritySection(document: ReportDocument): string {
  const { journal } = document;
  return section(
    'integrity',
    'Integrity',
    rowsTable('How to check this report', [
      ['Journal', `<code>${escapeHtml(journal.file)}</code>, ${journal.events} events`],
      ['Journal chain head (SHA-256)', `<code class="hash">${journal.head}</code>`],
      ['Report digest (SHA-256)', `<code class="hash">${document.digest.report}</code>`],
      ['Signed by installation key', `<code class="hash">${escapeHtml(document.signature.keyFingerprint)}</code>`],
      ['Signature (Ed25519)', `<code class="hash">${escapeHtml(document.signature.value)}</code>`],
      ['Report made', escapeHtml(formatInstant(document.generatedAt))],
    ]) +
      `<p>Every journal event carries the SHA-256 of the event before it, so an edited, removed or reordered event breaks the chain. This report quotes the chain's head and carries its own digest, signed with the key of the ShadowSwap installation that made it. Check it with <code>shadowswap report verify FILE</code> (elsewhere: add <code>--key</code> and the pinned key fingerprint): it checks the signature, rebuilds this page from its embedded data, names any changed section, and compares the report with the run's journal when the journal is in the data directory.</p>`,
  );
}

function styles(model: ReportModel, digest: string): string {
  const top = cssString(`ShadowSwap recovery report · ${model.run.id}`);
  const right = cssString(stateLabel(model.run.state));
  const bottom = cssString(`Report digest ${digest.slice(0, 16)}…`);
  return `
@page { size: A4; margin: 20mm 14mm 18mm 14mm;
  @top-left { content: ${top}; font: 8.5pt system-ui, sans-serif; color: #333; }
  @top-right { content: ${right}; font: 8.5pt system-ui, sans-serif; color: #333; }
  @bottom-left { content: ${bottom}; font: 8pt system-ui, sans-serif; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt system-ui, sans-serif; color: #333; }
}
:root { color: #1a1a1a; background: #fff; font: 10.5pt/1.45 system-ui, "Segoe UI", Roboto, sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
header { border-bottom: 3px solid #1e3a8a; margin-bottom: 1rem; padding-bottom: .5rem; }
.brand { color: #1e3a8a; font-weight: 600; margin: 0; letter-spacing: .02em; }
h1 { font-size: 1.6rem; margin: .2rem 0; }
h2 { font-size: 1.25rem; color: #1e3a8a; border-bottom: 1px solid #c7d2e5; padding-bottom: .15rem; margin-top: 1.6rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; color: #333; }
th, td { border: 1px solid #b8bec8; padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f8; }
.facts th { width: 14rem; background: #f6f8fb; font-weight: 600; }
code, pre { font-family: ui-monospace, Consolas, "DejaVu Sans Mono", monospace; font-size: .86em; }
pre { background: #f6f8fb; border: 1px solid #d5dae3; padding: .45rem .6rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: .2rem 0 .5rem; }
.hash { overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-weight: 600; border: 1px solid currentColor; }
.good { color: #14532d; background: #dcfce7; }
.warn { color: #713f12; background: #fef3c7; }
.bad { color: #7f1d1d; background: #fee2e2; }
.undone { color: #1e3a8a; background: #dbeafe; }
.neutral { color: #374151; background: #f3f4f6; }
.destructive { color: #7f1d1d; font-weight: 600; }
.error { color: #7f1d1d; background: #fee2e2; border-left: 4px solid #7f1d1d; padding: .3rem .5rem; }
.why, .cmd-label, .role { color: #3d3d3d; }
.cmd-label { margin: .3rem 0 0; font-size: .9em; }
dl { display: grid; grid-template-columns: 9rem 1fr; gap: .1rem .8rem; margin: .2rem 0; }
dt { font-weight: 600; } dd { margin: 0; }
article { border-top: 1px solid #d5dae3; }
#masking { break-after: page; }
.masking td { text-align: center; white-space: nowrap; }
.masking .sees { color: #14532d; background: #dcfce7; }
.masking .masked { color: #374151; background: #f3f4f6; }
.masking .changed { font-weight: 700; outline: 2px solid #1a1a1a; outline-offset: -3px; }
.masking .unknown { color: #713f12; background: #fef3c7; font-weight: 700; }
ul.plain { font-size: .9em; color: #3d3d3d; }
@media print {
  :root { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, .badge, dl, .cmd-label { break-inside: avoid; }
  thead { display: table-header-group; }
}`;
}

export function renderHtml(document: ReportDocument): string {
  const { digest, signature, ...model } = document;
  const title = `Recovery report ${model.run.id}: ${stateLabel(model.run.state).toLowerCase()}`;
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ShadowSwap">
<meta name="shadowswap-report-digest" content="sha256:${digest.report}">
<meta name="${PAGE_DIGEST_META}" content="${PAGE_DIGEST_PLACEHOLDER}">
<title>${escapeHtml(title)} · ShadowSwap</title>
<style>${styles(model, digest.report)}</style>
</head>
<body>
<header>
<p class="brand">ShadowSwap recovery report</p>
<h1>Run ${escapeHtml(model.run.id)}</h1>
<p>${badge(model.run.state)} Recovery of snapshot set <code>${escapeHtml(model.run.setId)}</code> on ${escapeHtml(model.run.backend)}, started ${escapeHtml(formatInstant(model.run.startedAt))} by ${escapeHtml(model.run.operator)}.</p>
</header>
<main>
${[
  changeBoardSection(model),
  maskingSection(model),
  summarySection(model),
  model.changeBoard === undefined ? nextStepsSection(model) : '',
  estateSection(model),
  preflightSection(model),
  optionsSection(model),
  stepsSection(model),
  verificationSection(model),
  domainControllerSection(model),
  forensicSection(model),
  signOffSection(model),
  commandsAppendix(model),
  integritySection(document),
]
  .filter((s) => s !== '')
  .join('\n')}
</main>
<script type="application/json" id="${REPORT_SCRIPT_ID}">${canonicalJson(model)}</script>
<script type="application/json" id="${DIGEST_SCRIPT_ID}">${canonicalJson(digest)}</script>
<script type="application/json" id="${SIGNATURE_SCRIPT_ID}">${canonicalJson(signature)}</script>
</body>
</html>
`;
  return withPageDigest(page);
}

/** Fills in the digest of the page itself, computed with the placeholder in its place. */
function withPageDigest(page: string): string {
  return page.replace(PAGE_DIGEST_PLACEHOLDER, `sha256:${sha256(page)}`);
}
