import { describe, expect, it } from 'vitest';
import { cliArgumentsOf } from '../../../electron/cli/command-line-mode';

const installed = (...args: string[]) => cliArgumentsOf(['C:\\Program Files\\ShadowSwap\\ShadowSwap.exe', ...args], true);

describe('the desktop executable as the CLI', () => {
  it('runs a command it is started with, options and all', () => {
    expect(installed('plan', '--set', '1d474bc6')).toEqual(['plan', '--set', '1d474bc6']);
    expect(installed('inventory', 'luns', '--json')).toEqual(['inventory', 'luns', '--json']);
    expect(installed('--data-dir', 'D:\\ShadowSwap', 'runs')).toEqual(['--data-dir', 'D:\\ShadowSwap', 'runs']);
    expect(installed('--backend=lab', 'recover', '--set', 'x', '--yes')).toEqual(['--backend=lab', 'recover', '--set', 'x', '--yes']);
    expect(installed('--help')).toEqual(['--help']);
    expect(installed('--version')).toEqual(['--version']);
  });

  it('opens the console when started without a command', () => {
    expect(installed()).toBeNull();
    expect(installed('--data-dir=D:\\ShadowSwap')).toBeNull();
    // A value after --data-dir is not a command, even when it looks like one.
    expect(installed('--data-dir', 'runs')).toBeNull();
    // Switches Windows or Chromium may add, and a file someone dropped on the icon.
    expect(installed('--no-sandbox', '--enable-logging')).toBeNull();
    expect(installed('C:\\incident\\notes.txt')).toBeNull();
  });

  it('skips the app folder when run unpackaged (electron .)', () => {
    expect(cliArgumentsOf(['/usr/bin/electron', '.', 'runs', '--json'], false)).toEqual(['runs', '--json']);
    expect(cliArgumentsOf(['/usr/bin/electron', '.'], false)).toBeNull();
  });
});
