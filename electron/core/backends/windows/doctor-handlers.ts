/** The doctor part of the contract: runDoctor on this machine, with its real tool locator and runner. */
import os from 'node:os';
import type { Handlers } from '../../rpc/registry';
import { runDoctor } from './doctor';
import { realLocatorEnvironment } from './running/tool-locator';
import { ToolRunner } from './running/tool-runner';

/** `env`: the environment the tools are searched with (PATH, SystemRoot, the SHADOWSWAP_* tool paths). */
export function doctorHandlers(env: NodeJS.ProcessEnv): Pick<Handlers, 'doctor.run'> {
  return {
    'doctor.run': () => {
      const locator = { ...realLocatorEnvironment, env };
      return runDoctor({
        platform: process.platform,
        release: os.release(),
        arch: process.arch,
        hostname: os.hostname(),
        locator,
        runner: new ToolRunner({ locator }),
      });
    },
  };
}
