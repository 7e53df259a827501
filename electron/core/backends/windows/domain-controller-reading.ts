/**
 * Reads a host as a domain controller, through PowerShell on the host itself (remoted when it is another computer):
 * Win32_ComputerSystem first, and only a DC (DomainRole 4 or 5) is asked the rest — the NTDS service and parameters,
 * Netlogon's SysVol, the Directory Service events of a USN rollback, the forest's tombstone lifetime, the domain's
 * DCs, their replication failures and the operations masters (docs/recovery-procedure.md#domain-controllers-recognition-and-preflight).
 */
import { DOMAIN_CONTROLLER_ROLES, shortHostName, type DomainControllerFacts } from '../../../../shared/domain-controller-facts';
import {
  computerSystemCommand,
  domainControllersCommand,
  fsmoRolesCommand,
  ntdsParametersCommand,
  ntdsServiceCommand,
  replicationFailuresCommand,
  rollbackEventsCommand,
  sysvolPathCommand,
  tombstoneLifetimeCommand,
  type OnComputer,
} from '../../windows-tools/commands/dc-preflight-commands';
import {
  parseComputerSystem,
  parseDomainControllers,
  parseFsmoRoles,
  parseNtdsParameters,
  parseReplicationFailures,
  parseRollbackEvents,
  parseServiceStatus,
  parseSysvolPath,
  parseTombstoneLifetime,
} from '../../windows-tools/parsers/parse-dc-preflight';
import { isThisComputer, powershellJson, type WindowsContext } from './state/windows-context';

export async function readDomainControllerFacts(context: WindowsContext, host: string): Promise<DomainControllerFacts | null> {
  const on: OnComputer = isThisComputer(context, host) ? {} : { computer: host };
  const system = await powershellJson(context, computerSystemCommand(on), parseComputerSystem);
  if (!DOMAIN_CONTROLLER_ROLES.includes(system.domainRole)) return null;
  const ntdsService = await powershellJson(context, ntdsServiceCommand(on), parseServiceStatus);
  const ntds = await powershellJson(context, ntdsParametersCommand(on), parseNtdsParameters);
  const sysvolPath = await powershellJson(context, sysvolPathCommand(on), parseSysvolPath);
  const rollbackEvents = await powershellJson(context, rollbackEventsCommand(on), parseRollbackEvents);
  const tombstoneLifetimeDays = await powershellJson(context, tombstoneLifetimeCommand(on), parseTombstoneLifetime);
  const controllers = await powershellJson(context, domainControllersCommand(on), parseDomainControllers);
  const failures = await powershellJson(context, replicationFailuresCommand(on), parseReplicationFailures);
  const fsmoRoles = await powershellJson(context, fsmoRolesCommand(on), parseFsmoRoles);
  const self = controllers.find((dc) => shortHostName(dc.name) === shortHostName(system.name));
  return {
    host: system.name,
    domain: system.domain,
    readAt: context.now().toISOString(),
    domainRole: system.domainRole,
    ntdsService,
    readOnly: self?.readOnly ?? false,
    databaseFile: ntds.databaseFile,
    logPath: ntds.logPath,
    sysvolPath,
    systemDrive: system.systemDrive,
    dsaNotWritable: ntds.dsaNotWritable,
    rollbackEvents,
    tombstoneLifetimeDays,
    domainControllers: controllers.map((dc) => {
      const own = failures.filter((f) => shortHostName(f.server) === shortHostName(dc.name));
      return {
        name: dc.name,
        readOnly: dc.readOnly,
        replicationFailures: own.reduce((sum, f) => sum + f.failureCount, 0),
        lastError: own.find((f) => f.lastError !== null && f.lastError !== '0')?.lastError ?? null,
      };
    }),
    fsmoRoles,
  };
}
