/**
 * shadowswap lab ...: create the simulated estate teams rehearse on, cause the incident, inject faults;
 * each command is one of the contract's lab.* methods.
 */
import { ShadowSwapError } from '../../../shared/errors';
import { CrashPoint, FaultKind, MAX_LATENCY_SCALE } from '../../../shared/lab-contract';
import { requiredFlag, stringFlag, type ParsedArgs } from '../args';
import { plural, printJson, withClient, type Command } from '../command';
import { formatTable } from '../table';
import type { ContractClient } from '../../../shared/rpc';
import { countText } from '../../../shared/count-text';

const jsonFlag = { json: { description: 'print JSON instead of a table' } };

function wholeNumberFlag(args: ParsedArgs, name: string): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new ShadowSwapError('INVALID_REQUEST', `--${name} must be a whole number, not "${text}".`);
  return value;
}

/**
 * `lab <what> unreachable|reachable --<what> NAME`: something the console reaches stops answering, or answers again
 * (a host over PowerShell remoting, an array's Storage Management provider).
 */
function reachabilityCommands(
  what: 'host' | 'array',
  summaries: Record<'unreachable' | 'reachable', string>,
  setReachable: (client: ContractClient, name: string, reachable: boolean) => Promise<{ message: string }>,
): Command[] {
  return (['unreachable', 'reachable'] as const).map((state) => ({
    path: ['lab', what, state],
    summary: summaries[state],
    flags: { [what]: { value: 'NAME', description: `the ${what}` } },
    run: (context) => {
      const name = requiredFlag(context.args, what, `shadowswap lab ${what} ${state} --${what} NAME.`);
      return withClient(context, async (client) => {
        context.io.stdout(`${(await setReachable(client, name, state === 'reachable')).message}\n`);
        return 0;
      });
    },
  }));
}

export const labCommands: Command[] = [
  {
    path: ['lab', 'scenarios'],
    summary: 'List the estates the Lab can create',
    flags: jsonFlag,
    run: (context) =>
      withClient(context, async (client) => {
        const rows = await client.invoke('lab.scenarios', {});
        if (context.args.flags.json) printJson(context, rows);
        else
          context.io.stdout(
            `${formatTable(rows, [
              { header: 'SCENARIO', value: (r) => r.name },
              { header: 'WHAT IT HOLDS', value: (r) => r.summary },
            ])}\n`,
          );
        return 0;
      }),
  },
  {
    path: ['lab', 'init'],
    summary: 'Create a Lab estate from a scenario',
    flags: {
      scenario: { value: 'NAME', description: 'the scenario (see: shadowswap lab scenarios)' },
      force: { description: 'replace an existing estate (it is discarded)' },
    },
    run: (context) => {
      const scenario = requiredFlag(context.args, 'scenario', 'shadowswap lab init --scenario NAME (see: shadowswap lab scenarios).');
      return withClient(context, async (client) => {
        const made = await client.invoke('lab.init', { scenario, force: context.args.flags.force === true });
        context.io.stdout(
          `Lab estate "${made.scenario}" created in ${made.dataDir}: ${plural(made.arrays, 'array')}, ${plural(made.luns, 'LUN')}, ${plural(made.hosts, 'host')}, ` +
            `${plural(made.clusters, 'cluster')}, ${plural(made.snapshotSets, 'snapshot set')} (${countText(made.shadowCopies)} shadow copies).\n`,
        );
        return 0;
      });
    },
  },
  {
    path: ['lab', 'corrupt'],
    summary: "Cause the incident: change a LUN's data and mark its volume damaged",
    flags: { lun: { value: 'NAME', description: 'the LUN, by name or id' } },
    run: (context) => {
      const lun = requiredFlag(context.args, 'lun', 'shadowswap lab corrupt --lun NAME.');
      return withClient(context, async (client) => {
        context.io.stdout(`${(await client.invoke('lab.corrupt', { lun })).message}\n`);
        return 0;
      });
    },
  },
  {
    path: ['lab', 'fault', 'add'],
    summary: 'Arm a fault on an operation: fail, delay, crash the process, or a partial effect',
    flags: {
      op: { value: 'OPERATION', description: 'the operation to hit (see: shadowswap lab fault ops)' },
      kind: { value: 'fail|delay|crash|partial', description: 'what happens' },
      times: { value: 'N', description: 'how many runs it hits (default: every run until cleared)' },
      ms: { value: 'N', description: 'delay: milliseconds to add' },
      when: { value: 'before|after', description: 'crash: die before or after the effect is saved (default after)' },
      skip: { value: 'N', description: 'let N runs of the operation through first (a fault in the middle of a batch; default 0)' },
    },
    details: 'A crash ends the process with exit code 86. A fail returns the real error code and text of the step.',
    run: (context) => {
      const usage =
        'shadowswap lab fault add --op OPERATION --kind fail|delay|crash|partial [--times N] [--ms N] [--when before|after] [--skip N].';
      const kind = FaultKind.safeParse(requiredFlag(context.args, 'kind', usage));
      if (!kind.success) throw new ShadowSwapError('INVALID_REQUEST', `--kind must be one of fail, delay, crash, partial. Usage: ${usage}`);
      const when = CrashPoint.optional().safeParse(stringFlag(context.args, 'when'));
      if (!when.success) throw new ShadowSwapError('INVALID_REQUEST', '--when must be before or after.');
      const request = {
        operation: requiredFlag(context.args, 'op', usage),
        kind: kind.data,
        times: wholeNumberFlag(context.args, 'times') ?? null,
        ms: wholeNumberFlag(context.args, 'ms'),
        crashPoint: when.data,
        skip: wholeNumberFlag(context.args, 'skip'),
      };
      return withClient(context, async (client) => {
        context.io.stdout(`${(await client.invoke('lab.faults.add', request)).message}\n`);
        return 0;
      });
    },
  },
  {
    path: ['lab', 'fault', 'list'],
    summary: 'List the armed faults',
    flags: jsonFlag,
    run: (context) =>
      withClient(context, async (client) => {
        const { faults, descriptions } = await client.invoke('lab.faults.list', {});
        if (context.args.flags.json) printJson(context, faults);
        else context.io.stdout(faults.length === 0 ? 'No faults are armed.\n' : `${descriptions.join('\n')}\n`);
        return 0;
      }),
  },
  {
    path: ['lab', 'fault', 'clear'],
    summary: 'Disarm every fault',
    flags: {},
    run: (context) =>
      withClient(context, async (client) => {
        context.io.stdout(`${plural((await client.invoke('lab.faults.clear', {})).cleared, 'fault')} cleared.\n`);
        return 0;
      }),
  },
  {
    path: ['lab', 'fault', 'ops'],
    summary: 'List the operations a fault can target',
    flags: jsonFlag,
    run: (context) =>
      withClient(context, async (client) => {
        const rows = await client.invoke('lab.faults.operations', {});
        if (context.args.flags.json) printJson(context, rows);
        else
          context.io.stdout(
            `${formatTable(rows, [
              { header: 'OPERATION', value: (r) => r.name },
              { header: 'FAULTS', value: (r) => r.faultKinds.join(',') },
              { header: 'FAILS WITH', value: (r) => r.failsWith },
              { header: 'WHAT IT DOES', value: (r) => r.summary },
            ])}\n`,
          );
        return 0;
      }),
  },
  ...reachabilityCommands(
    'host',
    {
      unreachable: 'Make a host stop answering over PowerShell remoting (WinRM), as a network or WinRM failure would',
      reachable: 'Make a host answer over PowerShell remoting again',
    },
    (client, host, reachable) => client.invoke('lab.host.reachable', { host, reachable }),
  ),
  ...reachabilityCommands(
    'array',
    {
      unreachable:
        "Make an array's Storage Management provider stop answering: discovery cannot read it, its masking sets cannot be changed",
      reachable: "Make an array's Storage Management provider answer again",
    },
    (client, array, reachable) => client.invoke('lab.array.reachable', { array, reachable }),
  ),
  {
    path: ['lab', 'console'],
    summary: 'Run the Windows console on another computer (an admin workstation or any node), or back on the import host',
    flags: {
      computer: { value: 'NAME', description: 'the computer the console runs on' },
      'import-host': { description: 'the console runs on the host that imports each set (the default)' },
    },
    run: (context) => {
      const computer = stringFlag(context.args, 'computer') ?? null;
      if (computer === null && !context.args.flags['import-host'])
        throw new ShadowSwapError(
          'INVALID_REQUEST',
          'Say where the console runs: shadowswap lab console --computer NAME, or --import-host.',
        );
      return withClient(context, async (client) => {
        context.io.stdout(`${(await client.invoke('lab.console', { computer })).message}\n`);
        return 0;
      });
    },
  },
  ...(['read-only', 'writable'] as const).map((mode): Command => ({
    path: ['lab', 'dc', mode],
    summary:
      mode === 'read-only'
        ? 'Make a domain controller read-only (an RODC), to rehearse the refusal to restore one'
        : 'Make a read-only domain controller writable again',
    flags: { host: { value: 'NAME', description: 'the domain controller' } },
    run: (context) => {
      const host = requiredFlag(context.args, 'host', `shadowswap lab dc ${mode} --host NAME.`);
      return withClient(context, async (client) => {
        context.io.stdout(`${(await client.invoke('lab.dc.readOnly', { host, readOnly: mode === 'read-only' })).message}\n`);
        return 0;
      });
    },
  })),
  {
    path: ['lab', 'latency'],
    summary: 'Show or set how slow operations feel (1 = like a real SAN, 0 = instant)',
    flags: { scale: { value: 'X', description: 'multiply every realistic latency by X' } },
    run: (context) => {
      const text = stringFlag(context.args, 'scale');
      const scale = text === undefined ? undefined : Number(text);
      // Checked here only for what the contract cannot carry (a word, Infinity); the core checks the range.
      if (scale !== undefined && !Number.isFinite(scale))
        throw new ShadowSwapError(
          'INVALID_REQUEST',
          `--scale must be a number from 0 to ${MAX_LATENCY_SCALE} (1 = like a real SAN, 0 = instant), not "${text}".`,
        );
      return withClient(context, async (client) => {
        const { scale: inForce } = await client.invoke('lab.latency', { scale });
        context.io.stdout(`Latency scale: ${inForce} (each operation takes its realistic duration times this).\n`);
        return 0;
      });
    },
  },
  {
    path: ['lab', 'language'],
    summary: 'Show or set the display language of the simulated hosts (en-US, fr-FR, de-DE, es-ES)',
    flags: { set: { value: 'L', description: 'the language their tools print in' } },
    run: (context) =>
      withClient(context, async (client) => {
        const { language } = await client.invoke('lab.language', { language: stringFlag(context.args, 'set') });
        context.io.stdout(`Lab language: ${language} (what the simulated hosts' tools print in; see: shadowswap lab output).\n`);
        return 0;
      }),
  },
  {
    path: ['lab', 'output', 'vssadmin'],
    summary: "Print what `vssadmin list shadows` prints on a Lab host, in the Lab's language",
    flags: { host: { value: 'H', description: 'the host (the shadow copies it holds are those of the sets imported there)' } },
    details: 'Save it to a file and read it with: shadowswap parse vssadmin FILE, or "Open saved output…" in the console.',
    run: (context) => {
      const host = requiredFlag(context.args, 'host', 'shadowswap lab output vssadmin --host H.');
      return withClient(context, async (client) => {
        context.io.stdout((await client.invoke('lab.output.vssadmin', { host })).text);
        return 0;
      });
    },
  },
];
