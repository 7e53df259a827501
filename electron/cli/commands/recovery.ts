/**
 * shadowswap plan | recover | runs | resume | rollback | runs release: guided recovery from a terminal, through the
 * contract's recovery methods and run events (the handlers the console calls), in this process. Every step
 * is shown as it happens; destructive steps are confirmed by typing the name the step names, or up front
 * with --yes, which the CLI's client says for its caller (journaled as such). Exit code 0 only when the
 * run succeeded (or, for rollback, when it rolled back).
 */
import { ShadowSwapError } from '../../../shared/errors';
import {
  RecoveryOptions,
  rollbackPhrase,
  type PlanApprovalInput,
  type RecoveryOptionsInput,
  type RecoveryPlan,
  type RunSummary,
} from '../../../shared/recovery';
import { requiredFlag, stringFlag, type FlagSpec } from '../args';
import type { ContractClient } from '../../../shared/rpc';
import { printJson, withClient, type Command } from '../command';
import type { CommandContext } from '../context';
import { changeText } from '../../../shared/change-text';
import { planScript } from '../../../shared/plan-script';
import { nextStepsText, planText, runsTable, runText, stepErrorText } from '../recovery-text';

const optionFlags: Record<string, FlagSpec> = {
  set: { value: 'ID', description: 'the snapshot set to recover from (a unique prefix is enough)' },
  mode: { value: 'offline|maintenance', description: 'take the cluster disk resources offline (default) or into maintenance mode' },
  identity: {
    value: 'revert|new-signature',
    description: 'keep the original disk identity (default) or give new signatures and repoint the resources',
  },
  'forensics-host': { value: 'HOST', description: 'give the damaged originals to this host for forensics' },
  'leave-out': {
    value: 'LUN[,LUN]',
    description: 'keep these LUNs in production as they are (the plan says which may be; never a damaged one, nor half a group)',
  },
  'no-verify': { description: 'skip the final verification step' },
  json: { description: 'print JSON' },
};
const yesFlag: Record<string, FlagSpec> = { yes: { description: 'confirm every destructive step without asking (journaled as --yes)' } };
const approvalFlags: Record<string, FlagSpec> = {
  change: { value: 'REF', description: 'the change or incident reference this recovery is done under (journaled, in the report)' },
  reason: { value: 'TEXT', description: 'why the recovery is done (journaled, in the report)' },
  'each-step': { description: 'after the approval, still stop before each destructive step and ask again' },
};

/**
 * The one approval before the outage: shows every destructive step and what it changes, then asks once for the
 * cluster (or host) name. With --yes it is given without asking (journaled as --yes); null: not approved.
 */
async function approvalOf(context: CommandContext, plan: RecoveryPlan, usage: string): Promise<PlanApprovalInput | null> {
  const change = stringFlag(context.args, 'change');
  const reason = stringFlag(context.args, 'reason');
  const yes = context.args.flags.yes === true;
  if (change === undefined || reason === undefined) {
    if (yes) return null; // A script's --yes confirms each step as it always did.
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      `recover needs --change REF and --reason TEXT: the approval is journaled with them and the report names them. Usage: ${usage}`,
    );
  }
  const phrase = rollbackPhrase(plan);
  const given = { change, reason, planDigest: plan.approvalDigest ?? '', pauseBeforeEachStep: context.args.flags['each-step'] === true };
  if (yes || plan.blocked) return { ...given, typed: phrase }; // Blocked: the start refuses it and says why.
  const destructive = plan.steps.filter((step) => step.destructive);
  context.io.stderr(
    `\nThis recovery takes production storage away. ${destructive.length} destructive step(s):\n${destructive
      .map((step) => `  ${step.id}: ${step.title}\n${step.changes.map((c) => `      ${changeText(c)}`).join('\n')}`)
      .join('\n')}\nChange ${change}: ${reason}\n`,
  );
  const answer = await context.io.ask(
    `Type ${phrase} to approve these ${destructive.length} destructive steps (anything else starts nothing): `,
  );
  if (answer === null)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'Approving needs a terminal: run this on a terminal, or add --yes. Nothing was started.',
    );
  if (answer.trim() !== phrase) {
    context.io.stderr('Not approved; nothing was started.\n');
    return null;
  }
  return { ...given, typed: answer };
}

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
    leaveOut: (stringFlag(context.args, 'leave-out') ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  };
  // Checked here, so a bad value is named by its flag in one line, not by the contract's field name.
  const issue = RecoveryOptions.safeParse(options).error?.issues[0];
  if (issue !== undefined) {
    const flag = flagOfOption[String(issue.path[0])] ?? String(issue.path[0]);
    throw new ShadowSwapError('INVALID_REQUEST', `--${flag} is not valid (${issue.message.toLowerCase()}). Usage: ${usage}`);
  }
  return options;
}

const flagOfOption: Record<string, string> = {
  setId: 'set',
  forensicsHost: 'forensics-host',
  mode: 'mode',
  identity: 'identity',
  leaveOut: 'leave-out',
};

interface Follower {
  /** Stops following and resolves once everything already received is printed. */
  stop(): Promise<void>;
}

/** Prints each step's progress and output as it happens (not in --json mode), in the order the events came. */
function follow(context: CommandContext, client: ContractClient, runId: string): Follower {
  if (context.args.flags.json) return { stop: async () => undefined };
  const seen = new Map<string, string>();
  let printed = Promise.resolve();
  const stopOutput = client.subscribe('run.output', (output) => {
    if (output.runId === runId) printed = printed.then(() => context.io.stdout(`      ${output.text}\n`));
  });
  const stopUpdates = client.subscribe('run.updated', (summary) => {
    if (summary.id !== runId) return;
    // Asked at once, so the detail is the run as this event left it; printed after what came before it.
    const detail = client.invoke('runs.get', { runId });
    detail.catch(() => undefined); // A failure is reported by stop(), where it is awaited in turn.
    printed = printed.then(async () => {
      for (const step of (await detail).steps) {
        if (seen.get(step.id) === step.state) continue;
        seen.set(step.id, step.state);
        if (step.state !== 'pending') context.io.stdout(`  [${step.state}] ${step.title}${stepErrorText(step)}\n`);
      }
    });
  });
  return {
    async stop() {
      stopOutput();
      stopUpdates();
      await printed;
    },
  };
}

/**
 * Drives the run until it stops. At a confirmation: asks on a terminal (the operator types the name),
 * or stops and says how to continue when there is no terminal.
 */
async function driveToEnd(context: CommandContext, client: ContractClient, runId: string): Promise<RunSummary> {
  for (;;) {
    const summary = await client.invoke('runs.settled', { runId });
    if (summary.state !== 'waiting-confirmation' || summary.attentionStepId === null) return summary;
    const { plan } = await client.invoke('runs.get', { runId });
    const step = plan.steps.find((s) => s.id === summary.attentionStepId);
    if (!step) return summary;
    context.io.stderr(`\nStep ${step.id} is destructive: ${step.title}\n${step.changes.map((c) => `  ${changeText(c)}`).join('\n')}\n`);
    const answer = await context.io.ask(`Type ${step.confirmPhrase} to go ahead (anything else stops here): `);
    if (answer === null || answer.trim() !== step.confirmPhrase) {
      if (answer !== null) context.io.stderr('Not confirmed; nothing further was changed.\n');
      return summary;
    }
    await client.invoke('runs.confirm', { runId, stepId: step.id, typed: answer });
  }
}

/** Follows the run from `start` (the request that sets it going, if any) to where it stops. */
async function followToEnd(
  context: CommandContext,
  client: ContractClient,
  runId: string,
  start?: () => Promise<unknown>,
): Promise<RunSummary> {
  const follower = follow(context, client, runId);
  try {
    await start?.();
    return await driveToEnd(context, client, runId);
  } finally {
    await follower.stop();
  }
}

function finish(context: CommandContext, summary: RunSummary, success: RunSummary['state']): number {
  if (context.args.flags.json) printJson(context, summary);
  else context.io.stdout(nextStepsText(summary));
  return summary.state === success ? 0 : 1;
}

const planUsage =
  'shadowswap plan --set ID [--mode offline|maintenance] [--identity revert|new-signature] [--forensics-host HOST] [--leave-out LUN[,LUN]]';
const recoverUsage = `${planUsage.replace('shadowswap plan', 'shadowswap recover')} --change REF --reason TEXT [--each-step] [--yes]`;

export const recoveryCommands: Command[] = [
  {
    path: ['plan'],
    summary: 'Show the recovery plan for a snapshot set: preflight verdicts, every step and its exact commands',
    flags: { ...optionFlags, script: { description: 'print only the commands, as one reviewable script' } },
    details: 'Changes nothing. Exit code 1 when preflight blocks the recovery.',
    run: (context) =>
      withClient(context, async (client) => {
        const plan = await client.invoke('recovery.plan', optionsOf(context, planUsage));
        if (context.args.flags.json) printJson(context, plan);
        else context.io.stdout(context.args.flags.script ? planScript(plan) : planText(plan));
        return plan.blocked ? 1 : 0;
      }),
  },
  {
    path: ['recover'],
    summary: 'Run the recovery from a snapshot set: one approval before the outage, then every step',
    flags: {
      ...optionFlags,
      ...approvalFlags,
      ...yesFlag,
      acknowledge: { value: 'IDS', description: 'acknowledge preflight warnings (comma-separated check ids, or "all")' },
    },
    details:
      'Shows every destructive step, then asks once for the cluster (or host) name: that approval, journaled with --change and --reason, covers every destructive step, so the run does not stop while production storage is away (--each-step stops before each one as well). --yes approves without asking. Ctrl+C stops the run; resume it later with "shadowswap resume RUN".',
    run: (context) =>
      withClient(context, async (client) => {
        const acknowledge = (stringFlag(context.args, 'acknowledge') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const options = optionsOf(context, recoverUsage);
        const approval = await approvalOf(context, await client.invoke('recovery.plan', options), recoverUsage);
        if (approval === null && context.args.flags.yes !== true) return 1;
        // With --yes the client's caller confirms every destructive step up front (see withClient).
        const started = await client.invoke('recovery.start', { options, acknowledge, ...(approval === null ? {} : { approval }) });
        if (!context.args.flags.json)
          context.io.stdout(`Run ${started.id} started (journal in the data directory; Ctrl+C stops it, resume later).\n`);
        const summary = await followToEnd(context, client, started.id);
        return finish(context, summary, 'succeeded');
      }),
  },
  {
    path: ['runs'],
    summary: 'List every recovery run with its state',
    flags: { json: optionFlags.json as FlagSpec },
    run: (context) =>
      withClient(context, async (client) => {
        const runs = await client.invoke('runs.list', {});
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
      withClient(context, async (client) => {
        const runId = runIdArgument(context, 'runs show');
        const detail = await client.invoke('runs.get', { runId });
        if (context.args.flags.json) printJson(context, detail);
        else context.io.stdout(runText(detail) + nextStepsText(detail));
        return 0;
      }),
  },
  {
    path: ['runs', 'release'],
    operand: 'RUN_ID',
    summary: 'Free the LUNs held by a run whose journal is damaged (it can be neither resumed nor rolled back)',
    flags: { ...yesFlag, json: optionFlags.json as FlagSpec },
    details:
      'Check the estate by hand first: the run may have changed masks or resources. You type the run id to confirm; the release is journaled beside the run, whose damaged journal is left untouched.',
    run: (context) =>
      withClient(context, async (client) => {
        const runId = runIdArgument(context, 'runs release');
        let typed = runId;
        if (context.args.flags.yes !== true) {
          const answer = await context.io.ask(`Type ${runId} to release the LUNs this damaged run holds: `);
          if (answer === null)
            throw new ShadowSwapError('PRECONDITION_FAILED', `Releasing needs a confirmation: run this on a terminal, or add --yes.`);
          typed = answer;
        }
        // With --yes the client's caller confirms up front (see withClient); the typed id is then not checked.
        const summary = await client.invoke('runs.release', { runId, typed });
        if (context.args.flags.json) printJson(context, summary);
        else context.io.stdout(`Released ${summary.damage?.released ? 'the LUNs' : 'nothing'} of run ${runId}.\n`);
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
      withClient(context, async (client) => {
        const runId = runIdArgument(context, 'resume');
        const { state } = await client.invoke('runs.get', { runId });
        const summary = await followToEnd(context, client, runId, async () => {
          // A run waiting for a confirmation is asked about on the terminal (driveToEnd), unless --yes.
          if (state !== 'waiting-confirmation' || context.args.flags.yes === true) await client.invoke('runs.resume', { runId });
        });
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
      withClient(context, async (client) => {
        const runId = runIdArgument(context, 'rollback');
        const phrase = rollbackPhrase((await client.invoke('runs.get', { runId })).plan);
        let typed = phrase;
        if (context.args.flags.yes !== true) {
          const answer = await context.io.ask(`Type ${phrase} to roll back run ${runId}: `);
          if (answer === null)
            throw new ShadowSwapError('PRECONDITION_FAILED', `Rolling back needs a confirmation: run this on a terminal, or add --yes.`);
          typed = answer;
        }
        const summary = await followToEnd(context, client, runId, () => client.invoke('runs.rollback', { runId, typed }));
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
