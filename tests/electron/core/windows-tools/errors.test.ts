/**
 * HRESULT values asserted here are the ones public pages give (docs/windows-facts.md#vss-status-codes,
 * docs/windows-facts.md#calls-that-must-run-on-the-owner-node).
 */
import { describe, expect, it } from 'vitest';
import { ShadowSwapError } from '../../../../shared/errors';
import { detectToolFailure, errorForHresult } from '../../../../electron/core/windows-tools/errors';
import { fixture } from './fixtures';

function failure(run: Parameters<typeof detectToolFailure>[0]): ShadowSwapError {
  const e = detectToolFailure(run);
  expect(e).toBeInstanceOf(ShadowSwapError);
  expect(e!.code).toBe('BACKEND_FAILED');
  return e!;
}

describe('errorForHresult', () => {
  it.each([
    [0x800423f6, 'VSS_E_BREAK_REVERT_ID_FAILED', /Mask the original LUNs/],
    [0x80042308, 'VSS_E_OBJECT_NOT_FOUND', /import the set first/],
    [0x80042306, 'VSS_E_PROVIDER_VETO', /software provider/],
    [0x80042301, 'VSS_E_BAD_STATE', /out of order/],
    [0x800423f7, 'VSS_E_LEGACY_PROVIDER', /resync/],
    [0x8004232a, 'VSS_E_UNSELECTED_VOLUME', /overwritten/],
    [0x800423fe, 'VSS_E_CANNOT_REVERT_DISKID', /signature/],
  ])('%s -> %s', (hresult, symbol, next) => {
    const e = errorForHresult('vshadow', hresult);
    expect(e.code).toBe('BACKEND_FAILED');
    expect(e.details).toMatchObject({ symbol, tool: 'vshadow', hresult: `0x${hresult.toString(16).toUpperCase()}` });
    expect(e.message).toMatch(next);
  });
  it('HRESULT_FROM_WIN32 of the cluster owner-node error (5015) is recognized', () => {
    const e = errorForHresult('powershell', (0x80070000 | 5015) >>> 0);
    expect(e.details?.['symbol']).toBe('ERROR_HOST_NODE_NOT_RESOURCE_OWNER');
    expect(e.message).toMatch(/owner node/);
  });
  it('unknown codes still fail, with the code shown', () => {
    const e = errorForHresult('diskshadow', 0x80004005);
    expect(e.details).toMatchObject({ symbol: 'UNKNOWN_HRESULT', hresult: '0x80004005' });
  });
});

describe('detectToolFailure', () => {
  it('real capture: diskshadow exec access denied (§1.1)', () => {
    const e = failure({ tool: 'diskshadow', exitCode: 1, output: fixture('diskshadow-exec-access-denied.txt') });
    expect(e.details).toMatchObject({ symbol: 'ACCESS_DENIED', tool: 'diskshadow', hresult: null });
    expect(e.message).toMatch(/Administrators/);
  });
  it('real capture: vssadmin not elevated, wrapped mid-word (§3.2)', () => {
    const e = failure({ tool: 'vssadmin', exitCode: 2, output: fixture('vssadmin-not-elevated-wrapped.txt') });
    expect(e.details?.['symbol']).toBe('NOT_ELEVATED');
  });
  it('synthetic: vshadow -bex revert failure maps 0x800423f6', () => {
    const e = failure({ tool: 'vshadow', exitCode: 2, output: fixture('vshadow-bex-revert-failed.synthetic.txt') });
    expect(e.details).toMatchObject({
      symbol: 'VSS_E_BREAK_REVERT_ID_FAILED',
      hresult: '0x800423F6',
      evidence: '- Returned HRESULT = 0x800423f6',
    });
  });
  it('diskshadow has no exit-code contract: "The command script failed." fails even with exit 0', () => {
    const e = failure({
      tool: 'diskshadow',
      exitCode: 0,
      output: '-> create\r\nCOM call "lvssObject4->GetRootAndLogicalPrefixPaths" failed.\r\nThe command script failed.\r\n',
    });
    expect(e.details?.['symbol']).toBe('DISKSHADOW_SCRIPT_FAILED');
  });
  it('partial import is reported even though VSS_S codes are success codes', () => {
    const e = failure({
      tool: 'vshadow',
      exitCode: 0,
      output: 'Shadow copy set succesfully imported.\r\n- Returned HRESULT text: VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED\r\n',
    });
    expect(e.details?.['symbol']).toBe('VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED');
    expect(e.message).toMatch(/Do not break/);
  });
  it('cluster: not owner node by symbol or code, maintenance mode by code', () => {
    expect(
      failure({ tool: 'powershell', exitCode: 1, output: 'Suspend-ClusterResource : ERROR_HOST_NODE_NOT_RESOURCE_OWNER' }).details?.[
        'symbol'
      ],
    ).toBe('ERROR_HOST_NODE_NOT_RESOURCE_OWNER');
    expect(failure({ tool: 'powershell', exitCode: 1, output: 'The operation failed. Error code: 5015.' }).details?.['hresult']).toBe(
      '0x80071397',
    );
    expect(failure({ tool: 'powershell', exitCode: 1, output: 'failed (5970)' }).details?.['symbol']).toBe(
      'ERROR_CLUSTER_RESOURCE_IS_IN_MAINTENANCE_MODE',
    );
  });
  it('messages with quirks: double-space drive letter, vshadow unsupported OS, read-write incomplete', () => {
    expect(failure({ tool: 'diskshadow', exitCode: 0, output: 'The  drive letter is already in use.' }).details?.['symbol']).toBe(
      'DRIVE_LETTER_IN_USE',
    );
    expect(
      failure({ tool: 'vshadow', exitCode: 2, output: 'This version of vshadow is not supported on this version of Windows.' }).details?.[
        'symbol'
      ],
    ).toBe('VSHADOW_UNSUPPORTED_OS');
    expect(
      failure({ tool: 'vshadow', exitCode: 0, output: 'WARNING: some volumes were not succesfully converted to read-write!' }).details?.[
        'symbol'
      ],
    ).toBe('READ_WRITE_INCOMPLETE');
  });
  it('diskraid exit codes carry the documented meaning', () => {
    const e = failure({ tool: 'diskraid', exitCode: 5, output: '' });
    expect(e.details?.['symbol']).toBe('DISKRAID_EXIT_5');
    expect(e.message).toMatch(/command syntax error/);
  });
  it('success stays success; a killed process is a failure', () => {
    expect(detectToolFailure({ tool: 'diskshadow', exitCode: 0, output: fixture('diskshadow-create-script-tabs.txt') })).toBeNull();
    expect(detectToolFailure({ tool: 'vshadow', exitCode: 0, output: fixture('vshadow-bex-done.synthetic.txt') })).toBeNull();
    expect(detectToolFailure({ tool: 'diskraid', exitCode: 0, output: fixture('diskraid-unmask.synthetic.txt') })).toBeNull();
    expect(failure({ tool: 'powershell', exitCode: null, output: '' }).details?.['symbol']).toBe('NO_EXIT_CODE');
  });
});
