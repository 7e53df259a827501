/** The DC reads: the state JSON, and repadmin's and dcdiag's text, where an unknown layout is an error, never a clean result. */
import { describe, expect, it } from 'vitest';
import {
  parseDomainControllerHealth,
  parseDomainControllerStatus,
} from '../../../../../electron/core/windows-tools/parsers/parse-domain-controller';
import { ParseError } from '../../../../../electron/core/windows-tools/parsers/parse-error';

const DCDIAG_OK = ['Advertising', 'Replications', 'SysVolCheck']
  .map((t) => `         ......................... DC01 passed test ${t}`)
  .join('\r\n');
const summary = (fails: number) =>
  [
    'Source DSA          largest delta    fails/total %%   error',
    ` DC01                      03m:12s    ${fails} /   5   ${fails * 20}  (8524) The DSA operation is unable to proceed because of a DNS lookup failure.`,
  ].join('\r\n');

describe('parseDomainControllerStatus', () => {
  const json = {
    ReadAt: '2026-11-30T07:58:12.1234567Z',
    BootupState: 'Fail-safe with network boot',
    NtdsRunning: false,
    InvocationId: null,
    RestoreCount: null,
    RestoredFlag: 1,
    DsaNotWritable: null,
    DatabasePath: 'D:\\NTDS\\ntds.dit',
    DatabasePresent: true,
    Shares: [],
    DirectoryEvents: [],
    DfsrEvents: [],
    Partners: [],
  };

  it('reads a DC in DSRM: a safe boot with NTDS stopped', () => {
    expect(parseDomainControllerStatus('DC01', JSON.stringify(json))).toMatchObject({ bootMode: 'dsrm', restoreCount: 0, restoredFlag: 1 });
  });

  it('a normal boot with NTDS stopped is Restartable AD DS, not DSRM', () => {
    expect(parseDomainControllerStatus('DC01', JSON.stringify({ ...json, BootupState: 'Normal boot' }))?.bootMode).toBe('normal');
  });

  it('null when the host has no NTDS service, and an error on a shape it does not know', () => {
    expect(parseDomainControllerStatus('FS01', 'null\r\n')).toBeNull();
    expect(() => parseDomainControllerStatus('DC01', JSON.stringify({ ...json, Shares: 'SYSVOL' }))).toThrow(ParseError);
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

  it('refuses output it does not recognise rather than calling it clean', () => {
    expect(() => parseDomainControllerHealth('DC01', 'Access is denied.', DCDIAG_OK)).toThrow(/no replication row/);
    expect(() => parseDomainControllerHealth('DC01', summary(0), DCDIAG_OK.split('\r\n').slice(0, 2).join('\r\n'))).toThrow(/SysVolCheck/);
  });
});
