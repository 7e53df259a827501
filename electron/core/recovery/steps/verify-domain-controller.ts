/**
 * Verifying a domain controller's recovery (docs/recovery-procedure.md#domain-controllers): it took a new
 * invocation ID after the plan read it (event 1109) and raised its restore count by exactly one, nothing reported
 * a USN rollback (no 2095 or 2103, no `Dsa Not Writable`), replication and dcdiag's Replications, SysVolCheck and
 * Advertising tests are clean, SYSVOL and NETLOGON are shared and the database is at its registry path. Each
 * result is one line of the step's output, which the report shows.
 */
import { EVENT_INVOCATION_ID_CHANGED, EVENTS_USN_ROLLBACK, eventsSince } from '../../../../shared/domain-controller';
import type { DomainControllerBaseline } from '../../../../shared/recovery-step-params';
import { domainControllerNow } from './domain-controller-reads';
import type { StepContext } from './step-module';

/** Logs what passed and returns what did not, in the operator's words. */
export async function verifyDomainController(context: StepContext, baseline: DomainControllerBaseline): Promise<string[]> {
  const dc = await domainControllerNow(context, baseline.host, true);
  const host = dc.host;
  const problems: string[] = [];
  const check = (ok: boolean, passed: string, failed: string) =>
    ok ? context.log(`${host}: ${passed}`) : problems.push(`${host}: ${failed}`);

  const restored = eventsSince(dc.directoryEvents, [EVENT_INVOCATION_ID_CHANGED], baseline.readAt);
  check(
    restored.length > 0,
    `event 1109 at ${restored.at(-1)?.at}: the invocation ID changed after the restore`,
    'no event 1109 since the plan was made: the DC did not start as a restored DC. Check the Directory Service log',
  );
  check(
    dc.invocationId !== null && dc.invocationId !== baseline.invocationId,
    `new invocation ID ${dc.invocationId} (was ${baseline.invocationId})`,
    `the invocation ID is still ${dc.invocationId ?? 'unreadable (AD DS not running)'}`,
  );
  check(
    dc.restoreCount === baseline.restoreCount + 1,
    `DSA Previous Restore Count ${baseline.restoreCount} → ${dc.restoreCount}`,
    `DSA Previous Restore Count is ${dc.restoreCount}, expected ${baseline.restoreCount + 1}`,
  );
  const rollback = eventsSince(dc.directoryEvents, EVENTS_USN_ROLLBACK, baseline.readAt);
  check(
    rollback.length === 0 && dc.dsaNotWritable === null,
    'no USN rollback reported (no event 2095 or 2103, no Dsa Not Writable)',
    `a USN rollback was reported (${[...rollback.map((e) => `event ${e.id}`), ...(dc.dsaNotWritable === null ? [] : [`Dsa Not Writable = ${dc.dsaNotWritable}`])].join(', ')}): the DC is quarantined and must be demoted; see detect-and-recover-from-usn-rollback`,
  );
  const health = dc.health;
  if (health === null) problems.push(`${host}: replication health could not be read`);
  else {
    check(
      health.replicationFailures === 0,
      `repadmin /replsummary: no failed replication${baseline.onlyDc ? ' (the only DC of its domain)' : ''}`,
      `repadmin /replsummary reports ${health.replicationFailures} failed replication(s)`,
    );
    for (const test of health.dcdiag)
      check(test.passed, `dcdiag ${test.test}: passed`, `dcdiag ${test.test}: failed (run dcdiag /test:${test.test} /v on ${host})`);
  }
  check(
    dc.sysvolShared && dc.netlogonShared,
    'SYSVOL and NETLOGON are shared',
    `${[!dc.sysvolShared && 'SYSVOL', !dc.netlogonShared && 'NETLOGON'].filter(Boolean).join(' and ')} not shared`,
  );
  check(dc.databasePresent, `database at ${dc.databaseFile}`, `no database at ${dc.databaseFile} (DSA Database file)`);
  return problems;
}
