import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../../shared/limits';
import { runCliInProcess } from './cli-harness';

const FIXTURES = path.resolve(__dirname, '../../fixtures/windows');

const cli = (args: string[]) => runCliInProcess(args);

describe('shadowswap parse', () => {
  it('prints a diskshadow capture as the ShadowListing JSON', async () => {
    const { code, stdout, stderr } = await cli([
      'parse',
      'diskshadow',
      path.join(FIXTURES, 'diskshadow-create-transportable.synthetic.txt'),
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const listing = JSON.parse(stdout) as {
      shadowCopies: { id: string; setId: string; createdAt: string | null }[];
      aliases: Record<string, string>;
      unparsed: string[];
    };
    expect(Object.keys(listing)).toEqual(['shadowCopies', 'aliases', 'unparsed']);
    expect(listing.shadowCopies.map((c) => c.id)).toEqual(['5f1d8c2a-1b2c-4d3e-8f40-123456789abc', '6a2e9d3b-2c3d-4e4f-9051-23456789abcd']);
    expect(listing.aliases['VSS_SHADOW_SET']).toBe('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
  });

  it('reads ambiguous dates with --locale, and prints a table without --json', async () => {
    const file = path.join(FIXTURES, 'vssadmin-list-shadows-wrapped.txt');
    const us = JSON.parse((await cli(['parse', 'vssadmin', file, '--json', '--locale', 'en-US'])).stdout) as {
      shadowCopies: { createdAt: string }[];
    };
    expect(us.shadowCopies[0]?.createdAt).toBe('2016-11-05T01:19:40');
    const { code, stdout } = await cli(['parse', 'vssadmin', file]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^SHADOW COPY\s+SET\s+VOLUME/);
    expect(stdout).toContain('153b6835-be81-45ed-bd01-2edbf4f61a85');
    expect(stdout).toMatch(/^1 shadow copy$/m);
  });

  it('a missing file or a parse error is one line on stderr naming the line, exit 1', async () => {
    const missing = await cli(['parse', 'diskshadow', '/nonexistent/capture.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^shadowswap: \/nonexistent\/capture\.txt could not be read \(ENOENT\)\. Check the path and try again\.\n$/,
    );

    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-parse-')), 'cut.txt');
    fs.writeFileSync(bad, '\t* Shadow copy ID = {5f1d8c2a-1b2c-4d3e-8f40-123456789abc}\r\nNumber of shadow copies listed: 2\r\n');
    const cut = await cli(['parse', 'diskshadow', bad]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/reports 2 shadow copies but 1 were listed.*\(line 2: "Number of shadow copies listed: 2"\)/);
    expect(cut.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a file over the one request limit (32 MB) before reading it, in one line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-parse-big-'));
    const file = path.join(dir, 'huge.log');
    try {
      // Sparse: the size is what is checked, so no 32 MB are written to disk.
      fs.writeFileSync(file, '');
      fs.truncateSync(file, MAX_REQUEST_BYTES + 1);
      const refused = await cli(['parse', 'diskshadow', file]);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/huge\.log is 32\.0 MB; shadowswap parse reads saved tool output up to 32\.0 MB\./);
      expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for the file', async () => {
    const { code, stderr } = await cli(['parse', 'vssadmin']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Which file\? Usage: shadowswap parse vssadmin FILE/);
  });

  it('a French listing is read, its D/M/Y date from the language of its labels', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-parse-'));
    const file = path.join(dir, 'fr.txt');
    // The real capture, with the poster's non-hex "s" in the set ID read as 5 (see parse-vssadmin.test.ts).
    fs.writeFileSync(
      file,
      fs.readFileSync(path.join(FIXTURES, 'vssadmin-list-shadows-fr.real.txt'), 'utf8').replace('{s2acebd3-', '{52acebd3-'),
    );
    const { code, stdout } = await cli(['parse', 'vssadmin', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('81c4df18-1af6-1b8c-b29d-04e981ed970c');
    expect(stdout).toContain('2023-05-19T18:58:50');
    expect(stdout).toMatch(/^1 shadow copy$/m);
  });

  it('never a silent zero: a listing in a language it does not read exits 1 and shows the lines', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-parse-')), 'it.txt');
    // Italian: a language ShadowSwap has no labels for.
    fs.writeFileSync(
      file,
      [
        'vssadmin 1.1 - Strumento da riga di comando per l\u2019amministrazione del servizio Copia Shadow del volume',
        '(C) Copyright 2001-2013 Microsoft Corp.',
        '',
        'Contenuto dell\u2019ID del set di copie shadow: {7b37f005-c738-450c-83cd-ad2f237f2b28}',
        '   Conteneva 1 copie shadow al momento della creazione: 05/11/2016 01:19:40',
        '      ID copia shadow: {153b6835-be81-45ed-bd01-2edbf4f61a85}',
        '',
      ].join('\r\n'),
    );
    const { code, stdout, stderr } = await cli(['parse', 'vssadmin', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `${file} looks like vssadmin output in a language or format ShadowSwap does not read yet: 3 lines not recognised`,
    );
    expect(stderr).toContain('  ID copia shadow: {153b6835-be81-45ed-bd01-2edbf4f61a85}');
    expect(stderr).toContain('Win32_ShadowCopy');
  });

  it('never a silent zero: one tool\u2019s file opened as the other\u2019s exits 1 and names the right tool', async () => {
    const asVssadmin = await cli(['parse', 'vssadmin', path.join(FIXTURES, 'diskshadow-create-transportable.synthetic.txt')]);
    expect(asVssadmin.code).toBe(1);
    expect(asVssadmin.stderr).toMatch(
      /diskshadow-create-transportable\.synthetic\.txt looks like diskshadow output, not vssadmin: \d+ lines not recognised as vssadmin/,
    );
    expect(asVssadmin.stderr).toContain('shadowswap parse diskshadow FILE');

    const asDiskshadow = await cli(['parse', 'diskshadow', path.join(FIXTURES, 'vssadmin-list-shadows-wrapped.txt')]);
    expect(asDiskshadow.code).toBe(1);
    expect(asDiskshadow.stderr).toMatch(/vssadmin-list-shadows-wrapped\.txt looks like vssadmin output, not diskshadow/);
  });

  it('a listing that really is empty is still 0 shadow copies, exit 0', async () => {
    const { code, stdout } = await cli(['parse', 'vssadmin', path.join(FIXTURES, 'vssadmin-list-shadows-empty.txt')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^0 shadow copies$/m);
  });
});
