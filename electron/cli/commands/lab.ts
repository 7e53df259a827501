/** shadowswap lab ...: create and inspect the simulated estate teams rehearse on. */
import { ShadowSwapError } from '../../../shared/errors';
import { initLab } from '../../core/backends/lab/lab-backend';
import { scenarios } from '../../core/backends/lab/scenarios';
import { stringFlag } from '../args';
import { dataDirOf, printJson, type Command } from '../command';
import { formatTable } from '../table';

export const labCommands: Command[] = [
  {
    path: ['lab', 'scenarios'],
    summary: 'List the estates the Lab can create',
    flags: { json: { description: 'print JSON instead of a table' } },
    run: async (context) => {
      const rows = Object.entries(scenarios).map(([name, s]) => ({ name, summary: s.summary }));
      if (context.args.flags.json) printJson(context, rows);
      else context.io.stdout(`${formatTable(rows, [{ header: 'SCENARIO', value: (r) => r.name }, { header: 'WHAT IT HOLDS', value: (r) => r.summary }])}\n`);
      return 0;
    },
  },
  {
    path: ['lab', 'init'],
    summary: 'Create a Lab estate from a scenario',
    flags: {
      scenario: { value: 'NAME', description: 'the scenario (see: shadowswap lab scenarios)' },
      force: { description: 'replace an existing estate (it is discarded)' },
    },
    run: async (context) => {
      const scenario = stringFlag(context.args, 'scenario');
      if (!scenario) throw new ShadowSwapError('INVALID_REQUEST', 'lab init needs --scenario NAME. See the list with: shadowswap lab scenarios.');
      const dataDir = dataDirOf(context);
      const state = initLab(dataDir, scenario, context.args.flags.force === true);
      context.io.stdout(`Lab estate "${scenario}" created in ${dataDir}: ${state.arrays.length} array(s), ${state.luns.length} LUNs, ${state.hosts.length} hosts.\n`);
      return 0;
    },
  },
];
