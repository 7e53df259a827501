import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashLine, Journal, readJournal } from '../../../../electron/core/recovery/journal';
import { chainedJournalText } from '../../../fixtures/journal/chained-journal';

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

  it('ignores a torn last line from a crash, cuts it off on reopen (journaling what it held), and appends cleanly after it', async () => {
    const file = await journalWith(2);
    fs.appendFileSync(file, '{"seq":3,"at":"2026-');
    const read = readJournal<Event>(file);
    expect(read.records).toHaveLength(2);
    expect(read.tornTail).toBe('{"seq":3,"at":"2026-');

    const { journal } = await Journal.reopen<Event>(file, (text) => ({ type: 'torn-line-removed', text }));
    await journal.append({ type: 'after-crash' });
    await journal.close();
    const again = readJournal<Event & { text?: string }>(file);
    expect(again.records.map((r) => r.event.type)).toEqual(['step', 'step', 'torn-line-removed', 'after-crash']);
    expect(again.records[2]?.event.text).toBe('{"seq":3,"at":"2026-');
    expect(again.tornTail).toBeNull();
  });

  it('stays readable when a reopen after a torn line appends nothing else (the next action was refused)', async () => {
    const file = await journalWith(2);
    fs.appendFileSync(file, '{"seq":3,"at":"2026-');
    const { journal } = await Journal.reopen<Event>(file, (text) => ({ type: 'torn-line-removed', text }));
    await journal.close();
    expect(readJournal<Event>(file).records.map((r) => r.event.type)).toEqual(['step', 'step', 'torn-line-removed']);
    // And once more: a second reopen finds a clean chain and appends after it.
    const second = await Journal.reopen<Event>(file, (text) => ({ type: 'torn-line-removed', text }));
    await second.journal.append({ type: 'later' });
    await second.journal.close();
    expect(readJournal<Event>(file).records.map((r) => r.event.type)).toEqual(['step', 'step', 'torn-line-removed', 'later']);
  });

  it('reads a torn line an older version sealed with a newline, with nothing after it, as the torn tail', async () => {
    const file = await journalWith(2);
    fs.appendFileSync(file, '{"seq":3,"at":"2026-\n');
    const read = readJournal<Event>(file);
    expect(read.records).toHaveLength(2);
    expect(read.tornTail).toBe('{"seq":3,"at":"2026-');
  });

  it('ends the line of a last event written whole without its newline before appending after it', async () => {
    const file = await journalWith(2);
    fs.truncateSync(file, fs.statSync(file).size - 1);
    const { journal } = await Journal.reopen<Event>(file, (text) => ({ type: 'torn-line-removed', text }));
    await journal.append({ type: 'next' });
    await journal.close();
    expect(readJournal<Event>(file).records.map((r) => r.event.type)).toEqual(['step', 'step', 'next']);
  });

  it('reads a long journal in linear time (40,000 events: a quadratic read took 47 s)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-journal-')), 'run.journal');
    fs.writeFileSync(file, chainedJournalText(40_000));
    const started = performance.now();
    expect(readJournal<Event>(file).records).toHaveLength(40_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a damaged line in the middle', async () => {
    const file = await journalWith(3);
    const all = lines(file);
    all[1] = 'garbage';
    fs.writeFileSync(file, `${all.join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 2 is not a complete JSON event/);
  });
});
