/** shadowswap serve: the browser console on loopback, guarded by a per-launch token. */
import { ShadowSwapError } from '../../../shared/errors';
import { startGateway } from '../../gateway/server';
import { stringFlag } from '../args';
import { openCore, type Command } from '../command';

/** Said plainly: this is plain HTTP, so off loopback anyone on the path can read the token and take the console. */
function offLoopbackWarning(host: string): string {
  return (
    `Warning: listening on ${host}, which other machines may reach, over plain HTTP: the token travels in clear text, ` +
    'so anyone who can watch this network can read it and drive this console. Prefer 127.0.0.1 and an SSH tunnel.\n'
  );
}

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'Serve the console to a browser on this machine (loopback, per-launch token)',
  flags: {
    port: { value: 'N', description: 'TCP port (default 7420; 0 picks a free one)' },
    host: { value: 'ADDRESS', description: 'address to listen on (default 127.0.0.1)' },
  },
  details: 'Prints the URL to open. The URL carries a token that changes at every launch; without it the console answers 401.',
  run: async (context) => {
    const portText = stringFlag(context.args, 'port') ?? '7420';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new ShadowSwapError('INVALID_REQUEST', `--port must be a whole number from 0 to 65535, not "${portText}".`);
    }
    const host = stringFlag(context.args, 'host') ?? '127.0.0.1';
    const core = await openCore(context);
    const gateway = await startGateway({ registry: core.registry, host, port });
    if (!gateway.loopback) context.io.stderr(offLoopbackWarning(host));
    // In the background: the URL is printed at once and the first LUN page finds its table ready.
    // A failure here (a damaged state file) is reported by that first page, with its message.
    core.warmUp().catch(() => undefined);
    context.io.stdout(`ShadowSwap console (${core.backend.describe().label}) at ${gateway.url}\nPress Ctrl+C to stop.\n`);
    await context.io.untilInterrupted();
    await gateway.close();
    await core.close();
    return 0;
  },
};
