/** Plans and runs as terminal text: what an administrator reads before and while a recovery runs. */
import { changeText } from '../../shared/change-text';
import {
  doorLabels,
  downtimeSplit,
  type PlanStep,
  type PreflightCheck,
  type RecoveryPlan,
  type RunDetail,
  type RunStep,
  type RunSummary,
} from '../../shared/recovery';
import { outageLimitText } from '../../shared/outage-limit';
import { dataLossLines, leaveOutText, scopeRoleText } from '../../shared/recovery-scope';
import { stepFailureLines } from '../../shared/step-failure';
import { preflightExplanation } from '../../shared/preflight-explanations';
import { formatTable } from './table';

const verdictLabel = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

function indent(text: string, prefix: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

function stepText(step: PlanStep, index: number): string {
  const lines = [
    `${index + 1}. ${step.title}${step.destructive ? `   [DESTRUCTIVE — covered by the approval: ${step.confirmPhrase} typed once before the run]` : ''}`,
    `   Why: ${step.why}`,
  ];
  if (step.changes.length > 0) lines.push('   Changes:', ...step.changes.map((c) => `     ${changeText(c)}`));
  for (const command of step.commands) lines.push(`   ${command.tool} on ${command.runsOn}:`, indent(command.text, '     '));
  lines.push(`   Undo: ${step.undo}`);
  return lines.join('\n');
}

export function planText(plan: RecoveryPlan): string {
  const header = [
    `Recovery plan for snapshot set ${plan.setId} (taken ${plan.setCreatedAt}) on ${plan.backend}`,
    plan.cluster === null
      ? `Import host: ${plan.importHost}   Identity: ${plan.options.identity}   Forensics host: ${plan.options.forensicsHost ?? '(none)'}`
      : `Import host: ${plan.importHost}   Cluster: ${plan.cluster}   Mode: ${plan.options.mode}   Identity: ${plan.options.identity}   Forensics host: ${plan.options.forensicsHost ?? '(none)'}`,
    '',
    'Preflight:',
    ...plan.preflight.map(
      (c) =>
        `  ${verdictLabel[c.verdict]}  ${c.title}: ${c.reason}${c.fix ? `\n        Fix: ${c.fix}` : ''}${c.learnMore ? `\n        See: ${c.learnMore}` : ''}${whyLine(c)}${c.verdict === 'warn' ? `\n        (acknowledge with --acknowledge ${c.id})` : ''}`,
    ),
    '',
    ...scopeText(plan),
    ...domainControllerText(plan),
    `Steps${plan.steps[0]?.commandsSimulated ? ' (the Lab simulates these Windows commands)' : ''}:`,
  ];
  if (plan.timing !== undefined)
    header.splice(2, 0, `Expected: ${outageLimitText(plan.timing.expectedOutageMs, plan.timing.criticalPathMs)}.`);
  const verdict = plan.blocked ? '\nBLOCKED: preflight failed; fix the FAIL checks above before this recovery can run.' : '';
  return `${header.join('\n')}\n${plan.steps.map(stepText).join('\n\n')}\n${verdict}\n`;
}

/** What the recovery swaps and loses, per LUN: the same statement the console's Scope step and the report make. */
function scopeText(plan: RecoveryPlan): string[] {
  if (plan.scope === undefined) return [];
  return [
    `Scope and data loss (recovery point: the set's creation, ${plan.setCreatedAt}):`,
    ...plan.scope.flatMap((lun) => [
      `  ${lun.lunName.padEnd(16)} ${scopeRoleText[lun.role]} (consistency group ${lun.group})${lun.leftOut ? ', LEFT OUT' : ''}`,
      ...[leaveOutText(lun)].flatMap((text) => (text === null ? [] : [`  ${''.padEnd(16)} ${text}`])),
    ]),
    ...dataLossLines(plan.scope, plan.setCreatedAt).map((line) => `  ${line}`),
    '',
  ];
}

/** What restoring this domain controller means for its domain, before the steps. */
function domainControllerText(plan: RecoveryPlan): string[] {
  const dc = plan.domainController;
  if (!dc) return [];
  const kind = dc.restore === 'only-dc' ? 'the only domain controller of its domain' : `one of ${dc.domainControllers} domain controllers`;
  return [
    `Domain controller: ${dc.host} of ${dc.domain}, ${kind}`,
    ...dc.consequences.map((line) => `  ${line}`),
    ...(dc.offlineSwap
      ? [`  ${dc.host} boots from the SAN: the swap happens with it shut down, and the set is imported on another host.`]
      : []),
    '',
  ];
}

export function runsTable(runs: readonly RunSummary[]): string {
  const table = formatTable(runs, [
    { header: 'RUN', value: (r) => r.id },
    { header: 'STATE', value: (r) => r.state },
    { header: 'SET', value: (r) => r.setId.slice(0, 8) },
    { header: 'STARTED', value: (r) => r.startedAt },
    { header: 'STEPS', value: (r) => `${r.stepsDone}/${r.stepsTotal}` },
    { header: 'DOWNTIME', value: (r) => (r.downtimeMs === null ? '-' : `${(r.downtimeMs / 1000).toFixed(1)} s`) },
    { header: 'OPERATOR', value: (r) => r.operator },
  ]);
  // A damaged run cannot be shown step by step: say why here, and which LUNs it still holds.
  const damaged = runs.flatMap((r) => (r.damage ? [damageText(r.id, r.damage)] : []));
  return damaged.length === 0 ? table : `${table}\n\n${damaged.join('\n\n')}`;
}

function damageText(runId: string, damage: NonNullable<RunSummary['damage']>): string {
  const held = damage.heldLunIds.length === 0 ? 'It holds no LUN.' : `It still holds ${damage.heldLunIds.join(', ')}.`;
  const released = damage.released ? ` Its LUNs were released by ${damage.released.by} at ${damage.released.at}.` : '';
  return `Run ${runId} is damaged: ${damage.reason}\n  ${held}${released}`;
}

/** Why a check that did not pass exists (shared/preflight-explanations.ts); a pass stays one line. */
function whyLine(check: PreflightCheck): string {
  const about = check.verdict === 'pass' ? null : preflightExplanation(check.id)?.about;
  return about ? `\n        Why: ${about}` : '';
}

/** A step's failure as lines under it: the step, what happened, the code, where to look, what to do. */
export function stepErrorText(step: RunStep): string {
  if (step.failure)
    return stepFailureLines(step.failure)
      .map((line) => `\n      ${line}`)
      .join('');
  return step.error ? `\n      Error: ${step.error}` : '';
}

export function runText(run: RunDetail): string {
  const lines = [
    `Run ${run.id}: ${run.state}   set ${run.setId}   started ${run.startedAt} by ${run.operator}${run.endedAt ? `   ended ${run.endedAt}` : ''}`,
  ];
  for (const step of run.steps) {
    lines.push(`  [${step.state}] ${step.id} ${step.title}${stepErrorText(step)}`);
    for (const output of step.output) lines.push(`      ${output}`);
  }
  if (run.approval !== null) {
    const { by, door, at, change, reason, typed, pauseBeforeEachStep } = run.approval;
    lines.push(
      `  Approved by ${by}${door === null ? '' : ` (${doorLabels[door]})`} for change ${change}: ${reason}   at ${at}, typed "${typed}"${pauseBeforeEachStep ? ', pausing before each destructive step' : ', for every destructive step'}`,
    );
  }
  for (const c of run.confirmations)
    lines.push(`  Confirmed ${c.stepId} by ${c.by} at ${c.at} ${c.byApproval ? '(under the approval)' : `(typed "${c.typed}")`}`);
  const { workMs, waitingMs } = downtimeSplit(run);
  if (run.downtimeMs !== null && workMs !== null && waitingMs !== null)
    lines.push(`  Downtime ${seconds(run.downtimeMs)}: work ${seconds(workMs)}, waiting for the operator ${seconds(waitingMs)}`);
  return `${lines.join('\n')}\n`;
}

/** What to do with a run that stopped: the exact commands. */
export function nextStepsText(run: RunSummary): string {
  switch (run.state) {
    case 'succeeded':
      return `Run ${run.id} succeeded.${run.downtimeMs !== null ? ` Production storage was away for ${downtimeText(run)}.${limitText(run)}` : ''}\n`;
    case 'rolled-back':
      return `Run ${run.id} was rolled back: the originals are where they were.\n`;
    case 'waiting-confirmation':
      return `Run ${run.id} waits for a confirmation of step ${run.attentionStepId}. Continue on a terminal with: shadowswap resume ${run.id}  (or add --yes)\n`;
    default:
      return `Run ${run.id} stopped (${run.state})${run.lastError ? `: ${run.lastError}` : ''}\nResume it:     shadowswap resume ${run.id}\nOr roll back:  shadowswap rollback ${run.id}\n`;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The outage beside the least its operations allowed, when the run measured it. */
function limitText(run: RunSummary): string {
  return run.operationsAllowMs === undefined || run.operationsAllowMs === null
    ? ''
    : ` Against its limit: ${outageLimitText(run.downtimeMs, run.operationsAllowMs)}.`;
}

/** The outage and, when known, how much of it was work and how much the operator's confirmations. */
function downtimeText(run: RunSummary): string {
  const { workMs, waitingMs } = downtimeSplit(run);
  const total = seconds(run.downtimeMs ?? 0);
  return workMs === null || waitingMs === null
    ? total
    : `${total}: ${seconds(workMs)} of work and ${seconds(waitingMs)} waiting for the operator's confirmations`;
}
