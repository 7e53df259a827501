import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from './cli-harness';
import { Lun } from '../../../shared/domain';

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliInProcess(args, { env });

const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ss-cli-'));

describe('shadowswap CLI', () => {
  it('prints the Lab LUNs as a JSON array that matches the contract', async () => {
    const { code, stdout, stderr } = await cli(['inventory', 'luns', '--json', '--data-dir', freshDir()]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const luns = Lun.array().parse(JSON.parse(stdout));
    expect(luns.length).toBeGreaterThanOrEqual(4);
  });

  it('takes the data directory from SHADOWSWAP_DATA_DIR, and --data-dir wins over it', async () => {
    const fromEnv = freshDir();
    const fromFlag = freshDir();
    await cli(['inventory', 'hosts', '--json'], { SHADOWSWAP_DATA_DIR: fromEnv });
    expect(fs.existsSync(path.join(fromEnv, 'lab', 'state.json'))).toBe(true);
    await cli(['inventory', 'hosts', '--json', `--data-dir=${fromFlag}`], { SHADOWSWAP_DATA_DIR: fromEnv });
    expect(fs.existsSync(path.join(fromFlag, 'lab', 'state.json'))).toBe(true);
  });

  it('names the flag a stray argument probably belongs to, and runs nothing', async () => {
    const dir = freshDir();
    const { code, stderr } = await cli(['lab', 'init', 'two-node-sql', '--data-dir', dir]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'shadowswap: unexpected argument "two-node-sql" for "lab init". Did you mean: --scenario two-node-sql? See: shadowswap lab init --help\n',
    );
    expect(fs.existsSync(path.join(dir, 'lab'))).toBe(false);
    // With more than one value missing there is no single guess to offer.
    expect((await cli(['lab', 'fault', 'add', 'crash', '--data-dir', dir])).stderr).not.toContain('Did you mean');
  });

  it('accepts options before the command name', async () => {
    const dir = freshDir();
    const { code, stdout, stderr } = await cli(['--data-dir', dir, 'inventory', 'luns', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toBeInstanceOf(Array);
    expect(fs.existsSync(path.join(dir, 'lab', 'state.json'))).toBe(true);
  });

  it('filters rows with --filter', async () => {
    const dir = freshDir();
    const all = JSON.parse((await cli(['inventory', 'luns', '--json', '--data-dir', dir])).stdout) as Lun[];
    const first = all[0] as Lun;
    const some = JSON.parse((await cli(['inventory', 'luns', '--json', '--filter', first.name, '--data-dir', dir])).stdout) as Lun[];
    expect(some.map((l) => l.id)).toContain(first.id);
    expect(some.length).toBeLessThan(all.length);
  });

  it('prints a human-readable table by default', async () => {
    const { code, stdout } = await cli(['inventory', 'luns', '--data-dir', freshDir()]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^NAME\s+ARRAY\s+SIZE/);
    expect(stdout).toMatch(/\d+ LUNs\n$/);
  });

  it('has --help at every level', async () => {
    for (const args of [
      ['--help'],
      ['inventory', '--help'],
      ['inventory', 'luns', '--help'],
      ['serve', '--help'],
      ['lab', 'init', '--help'],
    ]) {
      const { code, stdout } = await cli(args);
      expect(code, args.join(' ')).toBe(0);
      expect(stdout, args.join(' ')).toMatch(/^Usage: shadowswap/);
    }
  });

  it('reports errors on stderr in one line with a non-zero exit code', async () => {
    const unknownOption = await cli(['inventory', 'luns', '--bogus']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stdout).toBe('');
    expect(unknownOption.stderr).toMatch(/^shadowswap: Unknown option --bogus\. This command accepts: .*--json/);

    const unknownCommand = await cli(['inventry', 'luns']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command "inventry luns"');

    const badBackend = await cli(['inventory', 'luns', '--backend', 'tape', '--data-dir', freshDir()]);
    expect(badBackend.code).toBe(2);
    expect(badBackend.stderr).toContain('"tape" is not a backend');

    const badPort = await cli(['serve', '--port', 'eighty']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a whole number');
  });

  it('warns plainly that off loopback the token travels in clear text', async () => {
    const served = await cli(['serve', '--host', '0.0.0.0', '--port', '0', '--data-dir', freshDir()]);
    expect(served.code).toBe(0);
    expect(served.stderr).toContain('over plain HTTP: the token travels in clear text');
    const local = await cli(['serve', '--port', '0', '--data-dir', freshDir()]);
    expect(local.stderr).toBe('');
  });

  it('refuses a damaged state file without touching it', async () => {
    const dir = freshDir();
    fs.mkdirSync(path.join(dir, 'lab'));
    fs.writeFileSync(path.join(dir, 'lab', 'state.json'), '{"format":"shadowswap-lab","vers');
    const { code, stderr } = await cli(['inventory', 'luns', '--data-dir', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('is not valid JSON');
    expect(stderr).toContain('left untouched');
    expect(fs.readFileSync(path.join(dir, 'lab', 'state.json'), 'utf8')).toBe('{"format":"shadowswap-lab","vers');
  });

  it('prints its version', async () => {
    expect((await cli(['--version'])).stdout).toBe('ShadowSwap 9.9.9\n');
  });
});
