/**
 * "Copy as script" in the console and `shadowswap plan --script`: the whole plan as one reviewable text, every step's commands in order with what a
 * reviewer needs beside them (title, why, host, destructive or not, how it is undone). It is a review
 * copy, not a runner: the console runs each step with a probe and a journal, under one typed approval of the plan.
 */
import { changeText } from './change-text';
import { rollbackPhrase, type CommandPreview, type PlanStep, type RecoveryPlan } from './recovery';

const RULE = `# ${'='.repeat(76)}`;

/** diskshadow and diskraid read a script file (`/s`); vshadow and PowerShell are one command line. */
function commandBlock(command: CommandPreview): string[] {
  const lines = command.text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  if (command.tool === 'diskshadow' || command.tool === 'diskraid') {
    return [
      `# ${command.tool} script, on ${command.runsOn} (save these lines to a file, then: ${command.tool} /s FILE)`,
      `# --- begin ${command.tool} script ---`,
      ...lines,
      `# --- end ${command.tool} script ---`,
    ];
  }
  return [`# ${command.tool}, run from the console; runs on ${command.runsOn}:`, ...lines];
}

function stepBlock(step: PlanStep, index: number, total: number): string[] {
  return [
    RULE,
    `# Step ${index + 1} of ${total}: ${step.title}`,
    `# Why: ${step.why}`,
    step.destructive
      ? `# DESTRUCTIVE: covered by the approval given before the run (typing "${step.confirmPhrase ?? ''}"); the run does not stop here unless "pause before each destructive step" was chosen, and then waits for "${step.confirmPhrase ?? ''}" again.`
      : '# Not destructive.',
    ...step.changes.map((change) => `# Changes: ${changeText(change)}`),
    `# Undo: ${step.undo}`,
    RULE,
    ...(step.commands.length === 0
      ? ['# (no Windows command: ShadowSwap does this step itself)']
      : step.commands.flatMap((c) => [...commandBlock(c), ''])),
    '',
  ];
}

export function planScript(plan: RecoveryPlan): string {
  const simulated = plan.steps.some((s) => s.commandsSimulated);
  const header = [
    `# ShadowSwap recovery plan for snapshot set ${plan.setId} (created ${plan.setCreatedAt})`,
    `# Backend: ${plan.backend}. Import host: ${plan.importHost}.${plan.cluster ? ` Cluster: ${plan.cluster}.` : ''}`,
    `# Options: cluster handling ${plan.options.mode}, identity ${plan.options.identity}, forensics host ${plan.options.forensicsHost ?? 'none'}, verification ${plan.options.verify ? 'on' : 'off'}.`,
    ...(simulated
      ? [
          '# SIMULATED: the active backend is the Lab. These are the commands Windows would run; on the Lab they were',
          '# simulated, not run against real storage.',
        ]
      : []),
    '# Run each PowerShell command from the computer ShadowSwap runs on (the console): a command for another host reaches',
    "# it through PowerShell remoting (Invoke-Command, New-PSSession), and an import or a create copies the set's .cab",
    '# between the two computers.',
    '# This is a review copy. ShadowSwap runs each step only after checking whether its effect is already in place and',
    '# journals every change. Before the first step it asks for one approval: the operator types',
    `# "${rollbackPhrase(plan)}" with a change reference and a reason, and that covers every destructive step below, so the`,
    '# run does not stop while production storage is away (unless "pause before each destructive step" is chosen: then',
    '# it also waits for the name at each one). Running these lines by hand does none of that.',
    ...(plan.blocked ? ['# BLOCKED: a preflight check failed; this plan cannot be run as it stands.'] : []),
    '',
  ];
  return [...header, ...plan.steps.flatMap((step, i) => stepBlock(step, i, plan.steps.length))].join('\n');
}
