/**
 * A domain controller's part of a recovery on Windows (docs/recovery-procedure.md#domain-controllers): the DSRM
 * restarts, the restore flag and SYSVOL's resynchronisation, each the command
 * render-operation.ts shows in the plan, run through PowerShell remoting from the console, never on the DC itself.
 */
import type { DcBootMode } from '../../../../../shared/domain-controller';
import type { OperationResult } from '../../../../../shared/domain';
import { ShadowSwapError } from '../../../../../shared/errors';
import { domainControllerCommands } from '../../../windows-tools/render-operation';
import { succeeded } from '../running/tool-runner';
import { isThisComputer, operationResult, type WindowsContext } from '../state/windows-context';

/** The restart waits for the DC to come back; the runner must not stop it first. */
const RESTART_TIMEOUT_MS = 35 * 60_000;
const SYSVOL_TIMEOUT_MS = 35 * 60_000;

/** The console restarting the DC it runs on would stop itself half-way: refused before anything runs. */
function refuseOnTheDc(context: WindowsContext, host: string, what: string): void {
  if (isThisComputer(context, host))
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `ShadowSwap runs on ${host}, the domain controller this step would ${what}: the console would stop with it. Run ShadowSwap (or its gateway) on another computer that reaches ${host} through PowerShell remoting, and resume the run there.`,
      { host, thisComputer: context.thisComputer },
    );
}

async function runAll(context: WindowsContext, commands: readonly string[], timeoutMs?: number): Promise<void> {
  for (const command of commands) succeeded(await context.runner.powershell(command, timeoutMs === undefined ? {} : { timeoutMs }));
}

export async function restartDomainController(
  context: WindowsContext,
  params: { host: string; mode: DcBootMode },
): Promise<OperationResult> {
  refuseOnTheDc(context, params.host, 'restart');
  await runAll(context, domainControllerCommands({ operation: 'restartDomainController', ...params }), RESTART_TIMEOUT_MS);
  const into = params.mode === 'dsrm' ? 'Directory Services Restore Mode' : 'a normal start';
  return operationResult('restartDomainController', `${params.host} restarted into ${into} and answers remoting again.`, [
    `${params.host}: boot → ${params.mode === 'dsrm' ? 'DSRM' : 'normal'}`,
  ]);
}

export async function setDatabaseRestoredFlag(
  context: WindowsContext,
  params: { host: string; restored: boolean },
): Promise<OperationResult> {
  await runAll(context, domainControllerCommands({ operation: 'setDatabaseRestoredFlag', ...params }));
  return operationResult(
    'setDatabaseRestoredFlag',
    params.restored
      ? `${params.host} will take a new invocation ID at its next normal start (Database restored from backup = 1).`
      : `${params.host} no longer carries Database restored from backup.`,
    [`${params.host}: Database restored from backup → ${params.restored ? '1' : 'absent'}`],
  );
}

export async function resyncSysvol(context: WindowsContext, params: { host: string; authoritative: boolean }): Promise<OperationResult> {
  await runAll(context, domainControllerCommands({ operation: 'resyncSysvol', ...params }), SYSVOL_TIMEOUT_MS);
  const how = params.authoritative ? 'authoritatively (event 4602)' : 'from its partners (event 4604)';
  return operationResult('resyncSysvol', `SYSVOL on ${params.host} was initialised ${how}.`, [`${params.host}: SYSVOL → resynchronised`]);
}
