/**
 * Who acts on a run. Every console of one gateway runs as the gateway's OS account, so the account alone
 * cannot say which person confirmed a destructive step: each door says who its person is, and the
 * journal records the name with the door it came through.
 */
import os from 'node:os';
import { ShadowSwapError } from '../../../shared/errors';
import type { Door } from '../../../shared/recovery';

/** The person behind a decision, as far as the door knows; what it leaves out the engine fills in. */
export interface Actor {
  name?: string;
  door?: Door;
}

/**
 * Who is calling, as the door itself knows it (never as the caller claims): the desktop app knows the
 * signed-in account; the browser console knows only the name its operator typed.
 */
export interface Caller {
  door: Door;
  /** The signed-in account, where the door knows it; null when the person must name themselves. */
  operator: string | null;
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
 * Who confirms: the account the door knows, else the name the console sent. Through the browser door a
 * name is required: without it the journal could only say "the gateway's account", which names nobody.
 * In-process callers (the CLI) pass no caller: the engine's own operator (--operator or the OS user) acts.
 */
export function actorOf(caller: Caller | undefined, named: string | undefined): Actor {
  if (caller === undefined) return named === undefined ? {} : { name: named };
  const name = caller.operator ?? named;
  if (name === undefined) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'This console has not said who is operating it, so the confirmation was not recorded and nothing changed. ' +
        'Enter your name when the console asks (or reload the page), then confirm again.',
    );
  }
  return { name, door: caller.door };
}
