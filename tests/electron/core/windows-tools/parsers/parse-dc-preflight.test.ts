import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
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
  serverOfDn,
} from '../../../../../electron/core/windows-tools/parsers/parse-dc-preflight';
import { fixture } from '../fixtures';

describe('the domain controller readings (ConvertTo-Json)', () => {
  it('Win32_ComputerSystem: the domain role and the system drive', () => {
    expect(parseComputerSystem(fixture('dc-computer-system.synthetic.json'))).toEqual({
      name: 'DC01',
      domain: 'contoso.local',
      domainRole: 5,
      systemDrive: 'C:',
    });
    expect(() => parseComputerSystem('{"Name":"FS01","Domain":"contoso.local","SystemDrive":"C:"}')).toThrow(/DomainRole is missing/);
    expect(() => parseComputerSystem('')).toThrow(ParseError);
  });

  it('Get-Service NTDS: its status, or null when there is no such service (no output)', () => {
    expect(parseServiceStatus(fixture('dc-ntds-service.synthetic.json'))).toBe('Running');
    expect(parseServiceStatus('')).toBeNull();
  });

  it('NTDS and Netlogon parameters: paths as written, absent values as null', () => {
    expect(parseNtdsParameters(fixture('dc-ntds-parameters.synthetic.json'))).toEqual({
      databaseFile: 'D:\\NTDS\\ntds.dit',
      logPath: 'L:\\',
      dsaNotWritable: null,
      restoreCount: null,
      restoredFlag: null,
    });
    expect(
      parseNtdsParameters('{"DSA Database file":"D:\\\\NTDS\\\\ntds.dit","Database log files path":"L:\\\\","Dsa Not Writable":4}')
        .dsaNotWritable,
    ).toBe(4);
    expect(() => parseNtdsParameters('{"Database log files path":"L:\\\\"}')).toThrow(/DSA Database file is missing/);
    expect(parseSysvolPath(fixture('dc-netlogon-sysvol.synthetic.json'))).toBe('S:\\SYSVOL\\sysvol');
  });

  it('Directory Service events 2095/2103, none as no output', () => {
    expect(parseRollbackEvents(fixture('dc-rollback-events.synthetic.json'))).toEqual([
      { id: 2095, at: '2025-03-10T07:42:18.0000000Z' },
      { id: 2103, at: '2025-03-10T07:40:02.0000000Z' },
    ]);
    expect(parseRollbackEvents('')).toEqual([]);
  });

  it('tombstoneLifetime: days, or null when the attribute is not set', () => {
    expect(parseTombstoneLifetime(fixture('dc-tombstone-lifetime.synthetic.json'))).toBe(180);
    expect(parseTombstoneLifetime('{"tombstoneLifetime":null}')).toBeNull();
  });

  it("the domain's DCs and their replication failures", () => {
    expect(parseDomainControllers(fixture('dc-domain-controllers.synthetic.json'))).toEqual([
      { name: 'DC01', readOnly: false },
      { name: 'DC02', readOnly: false },
      { name: 'BRANCH-RODC', readOnly: true },
    ]);
    expect(parseReplicationFailures(fixture('dc-replication-failures.synthetic.json'))).toEqual([
      {
        server: 'DC02.contoso.local',
        partner: 'CN=NTDS Settings,CN=DC01,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=contoso,DC=local',
        failureCount: 3,
        lastError: '8453',
      },
    ]);
    expect(parseReplicationFailures('')).toEqual([]);
  });

  it('operations masters: the holder and the DC the last change was written on, by name', () => {
    const roles = parseFsmoRoles(fixture('dc-fsmo-roles.synthetic.json'));
    expect(roles.map((r) => `${r.role}=${r.holder}`)).toEqual([
      'SchemaMaster=DC01',
      'DomainNamingMaster=DC01',
      'PDCEmulator=DC01',
      'RIDMaster=DC02',
      'InfrastructureMaster=DC01',
    ]);
    expect(roles[3]).toEqual({ role: 'RIDMaster', holder: 'DC02', changedAt: '2025-03-14T08:55:31.0000000Z', changedOn: 'DC02' });
    expect(() => parseFsmoRoles('{"Role":"BridgeheadMaster","Owner":"x"}')).toThrow(/Role is not one of/);
  });

  it('keeps a DN of another shape whole, so the operator sees what Windows said', () => {
    expect(serverOfDn('CN=NTDS Settings\\0ADEL:5f1b,CN=OLD-DC,CN=Servers,CN=Site,CN=Sites,CN=Configuration,DC=contoso,DC=local')).toBe(
      'OLD-DC',
    );
    expect(serverOfDn('DC01.contoso.local')).toBe('DC01.contoso.local');
  });
});
