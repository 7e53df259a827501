/**
 * shadowswap snapshot create: step 1 of the procedure ahead of time, a transportable hardware shadow copy
 * set of a host's volumes. Confirmed by typing the host name (or --yes) and journaled in the data directory.
 */
import { ShadowSwapError } from '../../../shared/errors';
import { requiredFlag } from '../args';
import { printJson, withClient, type Command } from '../command';

const usage = 'shadowswap snapshot create --host HOST --volumes E:,F: [--yes] [--json]';

export const snapshotCommands: Command[] = [
  {
    path: ['snapshot', 'create'],
    summary: "Create a transportable shadow copy set of a host's volumes (step 1, done ahead of an incident)",
    flags: {
      host: { value: 'HOST', description: 'the host whose volumes are copied' },
      volumes: { value: 'E:,F:', description: 'the volumes, as drive letters the host sees' },
      nonpersistent: { description: 'a non-persistent set (default: persistent, which survives a reboot)' },
      yes: { description: 'create without asking (journaled as such)' },
      json: { description: 'print JSON' },
    },
    run: (context) =>
      withClient(context, async (client) => {
        const host = requiredFlag(context.args, 'host', usage);
        const volumes = requiredFlag(context.args, 'volumes', usage)
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '');
        let confirm = host;
        if (context.args.flags.yes !== true) {
          const answer = await context.io.ask(`Type ${host} to create a transportable shadow copy set of ${volumes.join(', ')} on it: `);
          if (answer === null)
            throw new ShadowSwapError(
              'PRECONDITION_FAILED',
              'Creating a shadow copy set needs a confirmation: run this on a terminal, or add --yes.',
            );
          confirm = answer;
        }
        const created = await client.invoke('snapshot.create', {
          host,
          volumes,
          persistent: context.args.flags.nonpersistent !== true,
          confirm,
        });
        if (context.args.flags.json) printJson(context, created);
        else
          context.io.stdout(
            `${created.summary}\n${created.changes.map((c) => `  ${c}\n`).join('')}Set id: ${created.setId}\nJournal: ${created.journalFile}\n`,
          );
        return 0;
      }),
  },
];
