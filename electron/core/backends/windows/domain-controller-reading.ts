/**
 * Reads a host as a domain controller with one PowerShell script (readDomainControllerCommand), on the host itself:
 * remoted when it is another computer, run here when the console is on it. The script answers `null` for a host
 * whose DomainRole is not 4 or 5, so a member server is asked one question only
 * (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight).
 */
import type { DomainController, DomainControllerReading } from '../../../../shared/domain-controller';
import { readDomainControllerCommand } from '../../windows-tools/commands/domain-controller-commands';
import { parseDomainController } from '../../windows-tools/parsers/parse-domain-controller';
import { isThisComputer, powershellJson, type WindowsContext } from './state/windows-context';

export function readDomainController(context: WindowsContext, reading: DomainControllerReading): Promise<DomainController | null> {
  const { host, ...parts } = reading;
  const command = readDomainControllerCommand(isThisComputer(context, host) ? parts : { computer: host, ...parts });
  return powershellJson(context, command, parseDomainController);
}
