import { describe, expect, it } from 'vitest';
import { errorForHresult } from '../../electron/core/windows-tools/errors';
import { hresultOf } from '../../electron/core/windows-tools/windows-codes';
import { windowsFailure } from '../../electron/core/backends/lab/windows-errors';
import { ShadowSwapError } from '../../shared/errors';
import { stepFailure, stepFailureLines } from '../../shared/step-failure';

const journal = '/data/runs/run-1.journal';

describe('a failed step in operator words', () => {
  it('splits a Windows tool failure into what happened, its code and meaning, where to look and what to do', () => {
    const error = errorForHresult('diskshadow', hresultOf('VSS_E_PROVIDER_VETO')).toWire();
    const failure = stepFailure('Break the shadow copy set on SQL01', error, journal);
    expect(failure.step).toBe('Break the shadow copy set on SQL01');
    expect(failure.happened).toMatch(/^The shadow copy provider refused the operation: the provider vetoed it/);
    expect(failure.code).toBe('VSS_E_PROVIDER_VETO 0x80042306: The shadow copy provider refused the operation');
    expect(failure.lookAt[0]).toMatch(/^the Application event log on the host that ran the step/);
    expect(failure.lookAt.at(-1)).toBe(`the step's output below, also kept in the run journal ${journal}`);
    expect(failure.next).toMatch(/^Check the Application event log for the provider's error/);
  });

  it("sends a cluster code to the cluster log, with the system's own text as its meaning", () => {
    const error = windowsFailure('ERROR_RESOURCE_FAILED', 'Taking Cluster Disk 1 offline failed').toWire();
    const failure = stepFailure('Take 4 disk resource(s) offline', error, journal);
    expect(failure.code).toBe('ERROR_RESOURCE_FAILED 0x800713AE: The cluster resource failed.');
    expect(failure.lookAt[0]).toMatch(/^the cluster log: Get-ClusterLog writes cluster.log for each node/);
    expect(failure.next).toMatch(/^Fix the cause, then resume the run .* or roll it back$/);
  });

  it('keeps the message of a failure without a code, and still says where to look and what to do', () => {
    const error = new ShadowSwapError('PRECONDITION_FAILED', 'SQL02 cannot be reached through PowerShell remoting.').toWire();
    const failure = stepFailure('Rescan the disks of SQL02', error, journal);
    expect(failure).toMatchObject({ happened: 'SQL02 cannot be reached through PowerShell remoting.', code: null });
    expect(failure.lookAt).toEqual([`the step's output below, also kept in the run journal ${journal}`]);
    expect(stepFailureLines(failure)).toEqual([
      'Step failed: Rescan the disks of SQL02',
      'What happened: SQL02 cannot be reached through PowerShell remoting.',
      `Where to look: the step's output below, also kept in the run journal ${journal}`,
      `What to do: ${failure.next}.`,
    ]);
  });
});
