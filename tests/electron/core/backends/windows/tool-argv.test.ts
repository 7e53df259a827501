import { describe, expect, it } from 'vitest';
import { diskraidInvocation, diskshadowInvocation } from '../../../../../electron/core/backends/windows/tool-argv';

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
});
