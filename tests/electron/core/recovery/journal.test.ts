import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashLine, Journal, readJournal } from '../../../../electron/core/recovery/journal';

type Event = { type: string; n?: number };

async function journalWith(count: number): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-journal-')), 'run.journal');
  const journal = Journal.create<Event>(file);
  for (let n = 1; n <= count; n += 1) await journal.append({ type: 'step', n });
  await journal.close();
  return file;
}

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');

describe('run journal', () => {
  it('chains every event to the one before it', async () => {
    const file = await journalWith(3);
    const read = readJournal<Event>(file);
    expect(read.records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(read.records[0]?.prevHash).toBe(GENESIS_HASH);
    expect(read.records[1]?.prevHash).toBe(hashLine(lines(file)[0] as string));
    expect(read.head).toBe(hashLine(lines(file)[2] as string));
  });

  it('writes appends made without waiting in the order they were made', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-journal-')), 'run.journal');
    const journal = Journal.create<Event>(file);
    const records = await Promise.all([1, 2, 3].map((n) => journal.append({ type: 'step', n })));
    await journal.close();
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(readJournal<Event>(file).records.map((r) => r.event.n)).toEqual([1, 2, 3]);
  });

  it('refuses every append after one that could not be written, so the chain on disk never has a gap', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-journal-')), 'run.journal');
    const journal = Journal.create<Event>(file);
    fs.mkdirSync(file); // the journal's path is taken by a folder: the file cannot be opened
    const first = journal.append({ type: 'step', n: 1 });
    const second = journal.append({ type: 'step', n: 2 });
    await expect(first).rejects.toThrow(/EISDIR/);
    await expect(second).rejects.toThrow(/EISDIR/);
    await journal.close();
  });

  it('never overwrites an existing journal', async () => {
    const file = await journalWith(1);
    expect(() => Journal.create(file)).toThrow(/never overwritten/);
  });

  it('detects a changed event and names the line', async () => {
    const file = await journalWith(3);
    const all = lines(file);
    all[1] = (all[1] as string).replace('"n":2', '"n":7');
    fs.writeFileSync(file, `${all.join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 3 does not follow/);
  });

  it('detects a removed event', async () => {
    const file = await journalWith(3);
    const all = lines(file);
    fs.writeFileSync(file, `${[all[0], all[2]].join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 2 does not follow/);
  });

  it('detects reordered events', async () => {
    const file = await journalWith(3);
    const all = lines(file);
    fs.writeFileSync(file, `${[all[0], all[2], all[1]].join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 2/);
  });

  it('ignores a torn last line from a crash, keeps it on disk, and appends cleanly after it', async () => {
    const file = await journalWith(2);
    fs.appendFileSync(file, '{"seq":3,"at":"2026-');
    const read = readJournal<Event>(file);
    expect(read.records).toHaveLength(2);
    expect(read.tornTail).toBe('{"seq":3,"at":"2026-');

    const { journal } = Journal.reopen<Event>(file);
    await journal.append({ type: 'after-crash' });
    await journal.close();
    const again = readJournal<Event>(file);
    expect(again.records.map((r) => r.event.type)).toEqual(['step', 'step', 'after-crash']);
    expect(fs.readFileSync(file, 'utf8')).toContain('{"seq":3,"at":"2026-');
  });

  it('refuses a damaged line in the middle', async () => {
    const file = await journalWith(3);
    const all = lines(file);
    all[1] = 'garbage';
    fs.writeFileSync(file, `${all.join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 2 is not a complete JSON event/);
  });
});
