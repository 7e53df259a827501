/**
 * shadowswap plan | recover | runs | resume | rollback: guided recovery from a terminal. The CLI drives
 * the engine in this process and shows every step as it happens; destructive steps are confirmed by
 * typing the name the step names, or up front with --yes (journaled as such). Exit code 0 only when the
 * run succeeded (or, for rollback, when it rolled back).
 */
import { ShadowSwapError } from '../../../shared/errors';
import { RecoveryOptions, rollbackPhrase, type RecoveryOptionsInput, type RunSummary } from '../../../shared/recovery';
import type { Core } from '../../core/app';
import { requiredFlag, stringFlag, type FlagSpec } from '../args';
import { openCore, printJson, type Command } from '../command';
import type { CommandContext } from '../context';
import { changeText } from '../../../shared/change-text';
import { planScript } from '../../../shared/plan-script';
import { nextStepsText, planText, runsTable, runText } from '../recovery-text';

const optionFlags: Record<string, FlagSpec> = {
  set: { value: 'ID', description: 'the snapshot set to recover from (a unique prefix is enough)' },
  mode: { value: 'offline|maintenance', description: 'take the cluster disk resources offline (default) or into maintenance mode' },
  identity: {
    value: 'revert|new-signature',
    description: 'keep the original disk identity (default) or give new signatures and repoint the resources',
  },
  'forensics-host': { value: 'HOST', description: 'give the damaged originals to this host for forensics' },
  'no-verify': { description: 'skip the final verification step' },
  json: { description: 'print JSON' },
};
const yesFlag: Record<string, FlagSpec> = { yes: { description: 'confirm every destructive step without asking (journaled as --yes)' } };

function optionsOf(context: CommandContext, usage: string): RecoveryOptionsInput {
  const mode = stringFlag(context.args, 'mode');
  const identity = stringFlag(context.args, 'identity');
  if (mode !== undefined && mode !== 'offline' && mode !== 'maintenance')
    throw new ShadowSwapError('INVALID_REQUEST', `--mode must be offline or maintenance, not "${mode}".`);
  if (identity !== undefined && identity !== 'revert' && identity !== 'new-signature')
    throw new ShadowSwapError('INVALID_REQUEST', `--identity must be revert or new-signature, not "${identity}".`);
  const options: RecoveryOptionsInput = {
    setId: requiredFlag(context.args, 'set', usage),
    mode,
    identity,
    forensicsHost: stringFlag(context.args, 'forensics-host') ?? null,
    verify: context.args.flags['no-verify'] !== true,
  };
  // Checked here, so a bad value is named by its flag in one line, not by the contract's field name.
  const issue = RecoveryOptions.safeParse(options).error?.issues[0];
  if (issue !== undefined) {
    const flag = flagOfOption[String(issue.path[0])] ?? String(issue.path[0]);
    throw new ShadowSwapError('INVALID_REQUEST', `--${flag} is not valid (${issue.message.toLowerCase()}). Usage: ${usage}`);
  }
  return options;
}

const flagOfOption: Record<string, string> = { setId: 'set', forensicsHost: 'forensics-host', mode: 'mode', identity: 'identity' };

async function withCore<T>(context: CommandContext, action: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore(context);
  try {
    return await action(core);
  } finally {
    await core.close();
  }
}

/** Prints each step's progress and output as it happens (not in --json mode). */
function follow(context: CommandContext, core: Core, runId: string): () => void {
  if (context.args.flags.json) return () => undefined;
  const seen = new Map<string, string>();
  return core.registry.subscribe((event, payload) => {
    if (event === 'run.output' && (payload as { runId: string }).runId === runId)
      context.io.stdout(`      ${(payload as { text: string }).text}\n`);
    if (event !== 'run.updated' || (payload as RunSummary).id !== runId) return;
    for (const step of core.engine.get(runId).steps) {
      if (seen.get(step.id) === step.state) continue;
      seen.set(step.id, step.state);
      if (step.state !== 'pending')
        context.io.stdout(`  [${step.state}] ${step.title}${step.error ? `\n      Error: ${step.error}` : ''}\n`);
    }
  });
}

/**
 * Drives the run until it stops. At a confirmation: asks on a terminal (the operator types the name),
 * or stops and says how to continue when there is no terminal.
 */
async function driveToEnd(context: CommandContext, core: Core, runId: string): Promise<RunSummary> {
  for (;;) {
    const summary = await core.engine.settled(runId);
    if (summary.state !== 'waiting-confirmation' || summary.attentionStepId === null) return summary;
    const detail = core.engine.get(runId);
    const step = detail.plan.steps.find((s) => s.id === summary.attentionStepId);
    if (!step) return summary;
    context.io.stderr(`\nStep ${step.id} is destructive: ${step.title}\n${step.changes.map((c) => `  ${changeText(c)}`).join('\n')}\n`);
    const answer = await context.io.ask(`Type ${step.confirmPhrase} to go ahead (anything else stops here): `);
    if (answer === null || answer.trim() !== step.confirmPhrase) {
      if (answer !== null) context.io.stderr('Not confirmed; nothing further was changed.\n');
      return summary;
    }
    await core.engine.confirm(runId, step.id, answer);
  }
}

function finish(context: CommandContext, summary: RunSummary, success: RunSummary['state']): number {
  if (context.args.flags.json) printJson(context, summary);
  else context.io.stdout(nextStepsText(summary));
  return summary.state === success ? 0 : 1;
}

const planUsage = 'shadowswap plan --set ID [--mode offline|maintenance] [--identity revert|new-signature] [--forensics-host HOST]';
const recoverUsage = planUsage.replace('shadowswap plan', 'shadowswap recover');

export const recoveryCommands: Command[] = [
  {
    path: ['plan'],
    summary: 'Show the recovery plan for a snapshot set: preflight verdicts, every step and its exact commands',
    flags: { ...optionFlags, script: { description: 'print only the commands, as one reviewable script' } },
    details: 'Changes nothing. Exit code 1 when preflight blocks the recovery.',
    run: (context) =>
      withCore(context, async (core) => {
        const plan = await core.engine.plan(optionsOf(context, planUsage));
        if (context.args.flags.json) printJson(context, plan);
        else context.io.stdout(context.args.flags.script ? planScript(plan) : planText(plan));
        return plan.blocked ? 1 : 0;
      }),
  },
  {
    path: ['recover'],
    summary: 'Run the recovery from a snapshot set, step by step, confirming each destructive step',
    flags: {
      ...optionFlags,
      ...yesFlag,
      acknowledge: { value: 'IDS', description: 'acknowledge preflight warnings (comma-separated check ids, or "all")' },
    },
    details:
      'Without --yes, each destructive step asks you to type the cluster (or host) name. Ctrl+C stops the run; resume it later with "shadowswap resume RUN".',
    run: (context) =>
      withCore(context, async (core) => {
        const acknowledge = (stringFlag(context.args, 'acknowledge') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const autoConfirm = context.args.flags.yes === true;
        const started = await core.engine.start(optionsOf(context, recoverUsage), acknowledge, { autoConfirm });
        if (!context.args.flags.json)
          context.io.stdout(`Run ${started.id} started (journal in the data directory; Ctrl+C stops it, resume later).\n`);
        const stopFollowing = follow(context, core, started.id);
        const summary = await driveToEnd(context, core, started.id);
        stopFollowing();
        return finish(context, summary, 'succeeded');
      }),
  },
  {
    path: ['runs'],
    summary: 'List every recovery run with its state',
    flags: { json: optionFlags.json as FlagSpec },
    run: (context) =>
      withCore(context, async (core) => {
        const runs = core.engine.list();
        if (context.args.flags.json) printJson(context, runs);
        else context.io.stdout(runs.length === 0 ? 'No runs yet.\n' : `${runsTable(runs)}\n`);
        return 0;
      }),
  },
  {
    path: ['runs', 'show'],
    operand: 'RUN_ID',
    summary: 'Show one run: every step, its output and the confirmations',
    flags: { json: optionFlags.json as FlagSpec },
    run: (context) =>
      withCore(context, async (core) => {
        const runId = runIdArgument(context, 'runs show');
        const detail = core.engine.get(runId);
        if (context.args.flags.json) printJson(context, detail);
        else context.io.stdout(runText(detail) + nextStepsText(detail));
        return 0;
      }),
  },
  {
    path: ['resume'],
    operand: 'RUN_ID',
    summary: 'Resume a run that stopped (failed, paused, interrupted or waiting for a confirmation)',
    flags: { ...yesFlag, json: optionFlags.json as FlagSpec },
    details: 'Steps whose effect is already in place are skipped, so nothing runs twice.',
    run: (context) =>
      withCore(context, async (core) => {
        const runId = runIdArgument(context, 'resume');
        const stopFollowing = follow(context, core, runId);
        // A run waiting for a confirmation is asked about on the terminal (driveToEnd), unless --yes.
        if (core.engine.get(runId).state !== 'waiting-confirmation' || context.args.flags.yes === true) {
          await core.engine.resume(runId, { autoConfirm: context.args.flags.yes === true });
        }
        const summary = await driveToEnd(context, core, runId);
        stopFollowing();
        return finish(context, summary, 'succeeded');
      }),
  },
  {
    path: ['rollback'],
    operand: 'RUN_ID',
    summary: 'Roll a run back: undo its steps in reverse order, back to where every original was',
    flags: { ...yesFlag, json: optionFlags.json as FlagSpec },
    details: 'Nothing is deleted: the shadow LUNs are masked away and the originals get their old access lists back.',
    run: (context) =>
      withCore(context, async (core) => {
        const runId = runIdArgument(context, 'rollback');
        const phrase = rollbackPhrase(core.engine.get(runId).plan);
        let typed = phrase;
        if (context.args.flags.yes !== true) {
          const answer = await context.io.ask(`Type ${phrase} to roll back run ${runId}: `);
          if (answer === null)
            throw new ShadowSwapError('PRECONDITION_FAILED', `Rolling back needs a confirmation: run this on a terminal, or add --yes.`);
          typed = answer;
        }
        const stopFollowing = follow(context, core, runId);
        await core.engine.rollback(runId, typed, { autoConfirm: context.args.flags.yes === true });
        const summary = await core.engine.settled(runId);
        stopFollowing();
        return finish(context, summary, 'rolled-back');
      }),
  },
];

function runIdArgument(context: CommandContext, command: string): string {
  const runId = context.args.positionals[command.split(' ').length];
  if (!runId)
    throw new ShadowSwapError('INVALID_REQUEST', `Which run? Usage: shadowswap ${command} RUN_ID (list them with: shadowswap runs)`);
  return runId;
}
