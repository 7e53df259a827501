/** The one DC reading: its JSON, and repadmin's and dcdiag's text, where an unknown layout is an error, never a clean result. */
import { describe, expect, it } from 'vitest';
import {
  parseDomainController,
  parseDomainControllerHealth,
  serverOfDn,
} from '../../../../../electron/core/windows-tools/parsers/parse-domain-controller';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';
import { fixture } from '../fixtures';

const DCDIAG_OK = ['Advertising', 'Replications', 'SysVolCheck']
  .map((t) => `         ......................... DC01 passed test ${t}`)
  .join('\r\n');
const summary = (fails: number) =>
  [
    'Source DSA          largest delta    fails/total %%   error',
    ` DC01                      03m:12s    ${fails} /   5   ${fails * 20}  (8524) The DSA operation is unable to proceed because of a DNS lookup failure.`,
  ].join('\r\n');

describe('parseDomainController: the one reading', () => {
  const reading = (): Record<string, unknown> => JSON.parse(fixture('dc-reading.synthetic.json'));
  const inDsrm = () => ({
    ...reading(),
    // In DSRM AD DS is stopped: the directory is not asked, so no DCs, no invocation ID, no domain facts.
    BootupState: 'Fail-safe with network boot',
    NtdsRunning: false,
    IsReadOnly: false,
    InvocationId: null,
    RestoredFlag: 1,
    Shares: [],
    DomainControllers: [],
    DomainFacts: null,
  });

  it('reads DC01 with its domain facts: paths as written, absent values as null, DNs as DC names', () => {
    const dc = parseDomainController(fixture('dc-reading.synthetic.json'));
    expect(dc).toMatchObject({
      host: 'DC01',
      domainRole: 5,
      bootMode: 'normal',
      databaseFile: 'D:\\NTDS\\ntds.dit',
      logPath: 'L:\\',
      sysvolPath: 'S:\\SYSVOL\\sysvol',
      restoreCount: 0,
      restoredFlag: null,
      dsaNotWritable: null,
      sysvolShared: true,
      netlogonShared: true,
      directoryEvents: [
        { id: 2095, at: '2025-03-10T07:42:18.0000000Z' },
        { id: 2103, at: '2025-03-10T07:40:02.0000000Z' },
      ],
    });
    expect(dc?.domainFacts?.fsmoRoles.map((r) => `${r.role}=${r.holder}`)).toEqual([
      'SchemaMaster=DC01',
      'DomainNamingMaster=DC01',
      'PDCEmulator=DC01',
      'RIDMaster=DC02',
      'InfrastructureMaster=DC01',
    ]);
    expect(dc?.domainFacts?.fsmoRoles[3]).toEqual({
      role: 'RIDMaster',
      holder: 'DC02',
      changedAt: '2025-03-14T08:55:31.0000000Z',
      changedOn: 'DC02',
    });
    // Get-ADReplicationFailure rows summed per DC, by its short name; a single row may come as an object alone.
    expect(dc?.domainFacts?.replicationFailures).toEqual([{ dc: 'DC02', failures: 3, lastError: '8453' }]);
  });

  it('reads a DC in DSRM: a safe boot with NTDS stopped', () => {
    expect(parseDomainController(JSON.stringify(inDsrm()))).toMatchObject({
      bootMode: 'dsrm',
      directoryRunning: false,
      restoredFlag: 1,
      invocationId: null,
      domainControllers: [],
      domainFacts: null,
    });
  });

  it('a normal boot with NTDS stopped is Restartable AD DS, not DSRM', () => {
    expect(parseDomainController(JSON.stringify({ ...inDsrm(), BootupState: 'Normal boot' }))?.bootMode).toBe('normal');
  });

  it('a list of one written as the item alone, and none written as null, are still lists', () => {
    const dc = parseDomainController(JSON.stringify({ ...reading(), Shares: 'SYSVOL', DfsrEvents: null }));
    expect(dc).toMatchObject({ sysvolShared: true, netlogonShared: false, dfsrEvents: [] });
  });

  it('null when the host is not a DC, and an error on a shape it does not know', () => {
    expect(parseDomainController('null\r\n')).toBeNull();
    expect(() => parseDomainController(JSON.stringify({ ...reading(), DomainRole: 'five' }))).toThrow(ParseError);
    expect(() => parseDomainController(JSON.stringify({ ...reading(), DatabasePath: undefined }))).toThrow(/no valid DatabasePath/);
    expect(() => parseDomainController('Access is denied.')).toThrow(/not JSON/);
    const badRole = reading();
    (badRole.DomainFacts as { FsmoRoles: { Role: string }[] }).FsmoRoles[0]!.Role = 'BridgeheadMaster';
    expect(() => parseDomainController(JSON.stringify(badRole))).toThrow(/BridgeheadMaster is not one of/);
  });

  it('keeps a DN of another shape whole, so the operator sees what Windows said', () => {
    expect(serverOfDn('CN=NTDS Settings\\0ADEL:5f1b,CN=OLD-DC,CN=Servers,CN=Site,CN=Sites,CN=Configuration,DC=contoso,DC=local')).toBe(
      'OLD-DC',
    );
    expect(serverOfDn('DC01.contoso.local')).toBe('DC01.contoso.local');
  });
});

describe('parseDomainControllerHealth', () => {
  it('counts failed replications and failed dcdiag tests', () => {
    expect(parseDomainControllerHealth('DC01', summary(0), DCDIAG_OK)).toEqual({
      replicationFailures: 0,
      dcdiag: [
        { test: 'Advertising', passed: true },
        { test: 'Replications', passed: true },
        { test: 'SysVolCheck', passed: true },
      ],
    });
    const failed = parseDomainControllerHealth(
      'DC01',
      summary(3),
      DCDIAG_OK.replace('passed test Replications', 'failed test Replications'),
    );
    expect(failed.replicationFailures).toBe(3);
    expect(failed.dcdiag.find((t) => t.test === 'Replications')?.passed).toBe(false);
  });

  it('reads a row whose largest delta is ">60 days", as public captures show it', () => {
    const text = [
      'Source DSA          largest delta    fails/total %%   error',
      ' DC02                     >60 days    5 /  15   33  (1722) The RPC server is unavailable.',
    ].join('\r\n');
    expect(parseDomainControllerHealth('DC01', text, DCDIAG_OK).replicationFailures).toBe(5);
  });

  it('counts errors repadmin could not attribute to a partner', () => {
    const text = `${summary(0)}\r\n\r\nExperienced the following operational errors trying to retrieve replication information:\r\n          58 - DC02.contoso.local\r\n`;
    expect(parseDomainControllerHealth('DC01', text, DCDIAG_OK).replicationFailures).toBe(1);
  });

  it("the only DC of its domain replicates with nobody: repadmin's two tables without a row are clean for it, and for it only", () => {
    // Synthetic: no capture of repadmin /replsummary on a lone DC exists; both headings are printed as on any DC.
    const noPartner = [
      'Replication Summary Start Time: 2026-11-30 08:36:10',
      '',
      'Beginning data collection for replication summary, this may take awhile:',
      '',
      'Source DSA          largest delta    fails/total %%   error',
      '',
      'Destination DSA     largest delta    fails/total %%   error',
      '',
    ].join('\r\n');
    expect(parseDomainControllerHealth('DC01', noPartner, DCDIAG_OK, { alone: true }).replicationFailures).toBe(0);
    // A DC with partners that lists none has not replicated: that is no clean result.
    expect(() => parseDomainControllerHealth('DC01', noPartner, DCDIAG_OK)).toThrow(/no replication row/);
    // Alone or not, text without the tables (an error message) is never clean.
    expect(() => parseDomainControllerHealth('DC01', 'Access is denied.', DCDIAG_OK, { alone: true })).toThrow(/no replication row/);
  });

  it('reads a lone DC from the reading itself: DomainControllers names DC01 alone', () => {
    const noPartner =
      'Source DSA          largest delta    fails/total %%   error\r\nDestination DSA     largest delta    fails/total %%   error\r\n';
    const health = { Replsummary: noPartner, Dcdiag: DCDIAG_OK };
    const alone = {
      ...JSON.parse(fixture('dc-reading.synthetic.json')),
      DomainControllers: [{ Name: 'DC01', IsReadOnly: false }],
      Health: health,
    };
    expect(parseDomainController(JSON.stringify(alone))?.health?.replicationFailures).toBe(0);
    const withDc02 = { ...alone, DomainControllers: [...alone.DomainControllers, { Name: 'DC02', IsReadOnly: false }] };
    expect(() => parseDomainController(JSON.stringify(withDc02))).toThrow(/no replication row/);
  });

  it('refuses output it does not recognise rather than calling it clean', () => {
    expect(() => parseDomainControllerHealth('DC01', 'Access is denied.', DCDIAG_OK)).toThrow(/no replication row/);
    expect(() => parseDomainControllerHealth('DC01', summary(0), DCDIAG_OK.split('\r\n').slice(0, 2).join('\r\n'))).toThrow(/SysVolCheck/);
  });
});
