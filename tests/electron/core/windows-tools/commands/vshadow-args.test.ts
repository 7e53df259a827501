/**
 * Expected arrays follow the VShadow source (docs/windows-facts.md#vshadow-argument-order): flags first, then
 * -bex={set}.
 */
import { describe, expect, it } from 'vitest';
import { buildBreakExArgs } from '../../../../../electron/core/windows-tools/commands/vshadow-args';
import { vshadowInvocation } from '../../../../../electron/core/windows-tools/commands/tool-argv';

const SET = '{F0FEBA2D-46F4-4400-AA94-FF62B46DA746}';

describe('buildBreakExArgs', () => {
  it('-rw -forcerevert -bex={set}, in that order', () => {
    const args = buildBreakExArgs({ setId: SET, mode: { kind: 'expose', readWrite: true, revertIdentity: 'force' } });
    expect(args).toEqual(['-rw', '-forcerevert', '-bex={f0feba2d-46f4-4400-aa94-ff62b46da746}']);
    expect(args[args.length - 1]).toMatch(/^-bex=/);
    expect(vshadowInvocation(args)).toEqual({ command: 'vshadow.exe', args });
  });
  it('-norevert and the no-flag form', () => {
    expect(buildBreakExArgs({ setId: SET, mode: { kind: 'expose', readWrite: false, revertIdentity: 'none' } })).toEqual([
      '-norevert',
      '-bex={f0feba2d-46f4-4400-aa94-ff62b46da746}',
    ]);
    expect(buildBreakExArgs({ setId: SET, mode: { kind: 'expose', readWrite: false, revertIdentity: 'default' } })).toEqual([
      '-bex={f0feba2d-46f4-4400-aa94-ff62b46da746}',
    ]);
  });
  it('-mask excludes the other flags', () => {
    expect(buildBreakExArgs({ setId: SET, mode: { kind: 'mask' } })).toEqual(['-mask', '-bex={f0feba2d-46f4-4400-aa94-ff62b46da746}']);
  });
  it('refuses a bad set id or an unknown revert choice', () => {
    expect(() => buildBreakExArgs({ setId: `${SET} -da`, mode: { kind: 'mask' } })).toThrow(/shadow copy set ID/);
    expect(() =>
      buildBreakExArgs({ setId: SET, mode: { kind: 'expose', readWrite: true, revertIdentity: 'all' as unknown as 'force' } }),
    ).toThrow(/identity revert/);
  });
});
