/**
 * Who acts on a run. Every console of one gateway runs as the gateway's OS account, so the account alone
 * cannot say which person confirmed a destructive step: each door says who its person is, and the
 * journal records the name with the door it came through.
 */
import os from 'node:os';
import { ShadowSwapError } from '../../../shared/errors';
import type { Door } from '../../../shared/recovery';
import type { Caller } from '../rpc/registry';

/** The person behind a decision, as far as the door knows; what it leaves out the engine fills in. */
export interface Actor {
  name?: string;
  door?: Door;
}

/** The signed-in OS account: DOMAIN\user on Windows (as Windows shows it), the user name elsewhere. */
export function osAccountName(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    user = env.USERNAME ?? env.USER ?? 'unknown';
  }
  return platform === 'win32' && env.USERDOMAIN ? `${env.USERDOMAIN}\\${user}` : user;
}

/**
 * Who confirms: the person the door knows (the desktop app's account, the CLI's --operator), else the name
 * the console sent. Through the browser door a name is required: without it the journal could only say
 * "the gateway's account", which names nobody. A caller that says no door (in process) leaves the rest to
 * the engine's own operator and door.
 */
export function actorOf(caller: Caller, named: string | undefined): Actor {
  const name = caller.operator ?? named;
  if (caller.door === 'browser' && name === undefined) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'This console has not said who is operating it, so the confirmation was not recorded and nothing changed. ' +
        'Enter your name when the console asks (or reload the page), then confirm again.',
    );
  }
  return { ...knownActor(caller), ...(name === undefined ? {} : { name }) };
}

/** Only what the door itself knows of the person: for requests that decide nothing destructive by themselves. */
export function knownActor(caller: Caller): Actor {
  return {
    ...(caller.operator === undefined ? {} : { name: caller.operator }),
    ...(caller.door === undefined ? {} : { door: caller.door }),
  };
}
