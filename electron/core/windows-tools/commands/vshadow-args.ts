/**
 * vshadow.exe argument arrays for BreakSnapshotSetEx (`-bex=`), the only command-line way to break a set
 * with disk identity revert or LUN masking.
 *
 * From the VShadow source (docs/windows-facts.md#vshadow-argument-order): arguments run left to right; flags
 * (`-rw`, `-forcerevert`, `-norevert`, `-mask`) only set state and continue, while a command (`-bex=`) executes
 * at once and returns. So the flags MUST come before `-bex=`, and `-bex` requires `=SetID` (Learn's
 * `vshadow -bex -mask` form is not accepted by the code).
 */
import { invalid, validateGuid, bracedGuid } from './validate';

export interface BreakExRequest {
  setId: string;
  /**
   * `mask`: mask the shadow LUNs from this host on break (-mask; excludes the other flags).
   * Otherwise optionally make read-write (-rw) and choose identity handling:
   * `force` = -forcerevert (revert all disk identities or fail: VSS_E_BREAK_REVERT_ID_FAILED if an original is visible),
   * `none` = -norevert, `default` = neither flag.
   */
  mode: { kind: 'mask' } | { kind: 'expose'; readWrite: boolean; revertIdentity: 'force' | 'none' | 'default' };
}

/** Arguments (without the executable) for `vshadow [flags] -bex={set}`. */
export function buildBreakExArgs(request: BreakExRequest): string[] {
  const set = validateGuid(request.setId, 'shadow copy set ID');
  const mode = request.mode;
  const flags: string[] = [];
  if (mode.kind === 'mask') {
    flags.push('-mask');
  } else if (mode.kind === 'expose') {
    if (typeof mode.readWrite !== 'boolean') throw invalid('read-write', mode.readWrite, 'it is not true or false', 'true or false');
    if (mode.readWrite) flags.push('-rw');
    if (mode.revertIdentity === 'force') flags.push('-forcerevert');
    else if (mode.revertIdentity === 'none') flags.push('-norevert');
    else if (mode.revertIdentity !== 'default') {
      throw invalid('identity revert', mode.revertIdentity, 'it is not a known choice', 'force, none or default');
    }
  } else {
    throw invalid('break mode', mode, 'it is not a known mode', 'mask or expose');
  }
  // vshadow prints "- No BreakSnapshotSetEx flags, can use -mask, -rw, -forcerevert, or -norevert" when none
  // are set; that is allowed and equals a plain break through the Ex API.
  return [...flags, `-bex=${bracedGuid(set)}`];
}
