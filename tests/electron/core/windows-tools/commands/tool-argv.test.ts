import { describe, expect, it } from 'vitest';
import { diskraidInvocation, diskshadowInvocation } from '../../../../../electron/core/windows-tools/commands/tool-argv';

describe('tool invocations are argument arrays', () => {
  it('diskshadow.exe /s FILE /l LOG (usage text, reference §1.1)', () => {
    expect(diskshadowInvocation('C:\\ShadowSwap\\run-1\\create.dsh', 'C:\\ShadowSwap\\run-1\\create.log')).toEqual({
      command: 'diskshadow.exe',
      args: ['/s', 'C:\\ShadowSwap\\run-1\\create.dsh', '/l', 'C:\\ShadowSwap\\run-1\\create.log'],
    });
  });
  it('diskraid.exe /s FILE', () => {
    expect(diskraidInvocation('C:\\ShadowSwap\\mask.txt')).toEqual({ command: 'diskraid.exe', args: ['/s', 'C:\\ShadowSwap\\mask.txt'] });
  });
  it('refuses paths that a shell or diskshadow would split', () => {
    expect(() => diskshadowInvocation('C:\\Shadow Swap\\a.dsh', 'C:\\a.log')).toThrow(/space/);
    expect(() => diskshadowInvocation('C:\\a.dsh', 'C:\\a.log & calc')).toThrow();
    expect(() => diskraidInvocation('mask.txt')).toThrow(/absolute/);
  });
  it('accepts the runner POSIX scratch paths (stand-in tools on Linux) only with safe names', () => {
    expect(diskraidInvocation('/tmp/shadowswap-Ab12/script.txt').args).toEqual(['/s', '/tmp/shadowswap-Ab12/script.txt']);
    expect(() => diskraidInvocation('/tmp/../etc/script.txt')).toThrow(/refused/);
    expect(() => diskraidInvocation('/tmp/a b/script.txt')).toThrow(/refused/);
    expect(() => diskshadowInvocation('/tmp/x/script.dsh', '/tmp/x/log.exe')).toThrow(/does not end with/);
  });
});
