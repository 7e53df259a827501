import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashLine, Journal, readJournal } from '../../../../electron/core/recovery/journal';

type Event = { type: string; n?: number };

function journalWith(count: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-journal-')), 'run.journal');
  const journal = Journal.create<Event>(file);
  for (let n = 1; n <= count; n += 1) journal.append({ type: 'step', n });
  journal.close();
  return file;
}

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');

describe('run journal', () => {
  it('chains every event to the one before it', () => {
    const file = journalWith(3);
    const read = readJournal<Event>(file);
    expect(read.records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(read.records[0]?.prevHash).toBe(GENESIS_HASH);
    expect(read.records[1]?.prevHash).toBe(hashLine(lines(file)[0] as string));
    expect(read.head).toBe(hashLine(lines(file)[2] as string));
  });

  it('never overwrites an existing journal', () => {
    const file = journalWith(1);
    expect(() => Journal.create(file)).toThrow(/never overwritten/);
  });

  it('detects a changed event and names the line', () => {
    const file = journalWith(3);
    const all = lines(file);
    all[1] = (all[1] as string).replace('"n":2', '"n":7');
    fs.writeFileSync(file, `${all.join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 3 does not follow/);
  });

  it('detects a removed event', () => {
    const file = journalWith(3);
    const all = lines(file);
    fs.writeFileSync(file, `${[all[0], all[2]].join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 2 does not follow/);
  });

  it('detects reordered events', () => {
    const file = journalWith(3);
    const all = lines(file);
    fs.writeFileSync(file, `${[all[0], all[2], all[1]].join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 2/);
  });

  it('ignores a torn last line from a crash, keeps it on disk, and appends cleanly after it', () => {
    const file = journalWith(2);
    fs.appendFileSync(file, '{"seq":3,"at":"2026-');
    const read = readJournal<Event>(file);
    expect(read.records).toHaveLength(2);
    expect(read.tornTail).toBe('{"seq":3,"at":"2026-');

    const { journal } = Journal.reopen<Event>(file);
    journal.append({ type: 'after-crash' });
    journal.close();
    const again = readJournal<Event>(file);
    expect(again.records.map((r) => r.event.type)).toEqual(['step', 'step', 'after-crash']);
    expect(fs.readFileSync(file, 'utf8')).toContain('{"seq":3,"at":"2026-');
  });

  it('refuses a damaged line in the middle', () => {
    const file = journalWith(3);
    const all = lines(file);
    all[1] = 'garbage';
    fs.writeFileSync(file, `${all.join('\n')}\n`);
    expect(() => readJournal(file)).toThrow(/line 2 is not a complete JSON event/);
  });
});
