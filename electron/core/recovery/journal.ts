/**
 * A run's journal: one append-only JSON-lines file per run. Each event is written and fsynced before the
 * engine takes the next action, so after a crash the journal says exactly how far the run got. Events
 * are hash-chained (each carries the SHA-256 of the previous line), so an edited, removed or reordered
 * event is detected. The run's state is never stored elsewhere: it is folded from these events.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ShadowSwapError } from '../../../shared/errors';
import { SerialQueue } from '../storage/serial-queue';
import { syncDirectory } from '../storage/sync-directory';

export const GENESIS_HASH = '0'.repeat(64);

export interface JournalRecord<E> {
  seq: number;
  at: string;
  prevHash: string;
  event: E;
}

export interface JournalRead<E> {
  records: Array<JournalRecord<E>>;
  /** SHA-256 of the last complete line: the chain head a report quotes. */
  head: string;
  /** A last line cut short by a crash mid-write; it was never acted on, so it is ignored until a reopen cuts it off. */
  tornTail: string | null;
  /**
   * Bytes of the file that hold complete lines, each counted with its newline: where a reopen cuts a torn
   * tail off (or, one more than the file holds, where it ends a last event written without its newline).
   */
  completeBytes: number;
}

export function hashLine(line: string): string {
  return createHash('sha256').update(line).digest('hex');
}

export class Journal<E> {
  readonly file: string;
  private handle: Promise<FileHandle> | null = null;
  private seq: number;
  private head: string;
  /** Each write starts once the one before it is on disk, so lines land in the order they were chained. */
  private readonly writes = new SerialQueue();
  /** Lines appended while a write is on its way, waiting to be written together by the next one. */
  private waiting: { text: string; written: Promise<void> } | null = null;
  /** A write that failed: the chain on disk stops there, so every later append must fail too. */
  private failure: unknown = null;
  /** A new journal's name is flushed with its first line: a run whose file vanished in a power cut never existed. */
  private nameDurable: boolean;

  private constructor(file: string, seq: number, head: string, nameDurable: boolean) {
    this.nameDurable = nameDurable;
    this.file = file;
    this.seq = seq;
    this.head = head;
  }

  /** Starts a new journal; refuses to touch an existing file. */
  static create<E>(file: string): Journal<E> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file))
      throw new ShadowSwapError('PRECONDITION_FAILED', `The journal ${file} already exists; a run's journal is never overwritten.`);
    return new Journal<E>(file, 0, GENESIS_HASH, false);
  }

  /**
   * Reopens a journal to append to it (resume, rollback), after checking its chain. A torn last line (a
   * crash mid-write, never acted on) is cut off before anything else is written, and the cut is journaled
   * with the text it removed: sealing it in place instead would leave a line that no reader can place once
   * the next action is refused and nothing follows it.
   */
  static async reopen<E>(file: string, tornTailRemoved: (tornTail: string) => E): Promise<{ journal: Journal<E>; read: JournalRead<E> }> {
    const read = readJournal<E>(file);
    const last = read.records.at(-1);
    const journal = new Journal<E>(file, last ? last.seq : 0, read.head, true);
    if (read.tornTail !== null) {
      await truncateDurably(file, read.completeBytes);
      const record = await journal.append(tornTailRemoved(read.tornTail));
      read.records.push(record);
      read.head = journal.head;
      read.tornTail = null;
    } else if (fs.statSync(file).size < read.completeBytes) {
      // The last event was written whole but its newline was not: end its line so the next one starts clean.
      fs.appendFileSync(file, '\n');
    }
    return { journal, read };
  }

  /**
   * Appends one event; resolves once it is written and flushed to disk. The event is chained at once, so
   * appends made before earlier ones resolve keep the order they were made in.
   */
  append(event: E): Promise<JournalRecord<E>> {
    const record: JournalRecord<E> = { seq: this.seq + 1, at: new Date().toISOString(), prevHash: this.head, event };
    const line = JSON.stringify(record);
    this.seq = record.seq;
    this.head = hashLine(line);
    return this.enqueue(`${line}\n`).then(() => record);
  }

  /**
   * Lines appended while a write is on its way go to disk together in the next write, with one flush (a group
   * commit): the operations of a batch journal their intents at once, and each is still on disk before its
   * append resolves, in chain order.
   */
  private enqueue(text: string): Promise<void> {
    if (this.waiting === null) {
      const waiting = { text: '', written: Promise.resolve() };
      waiting.written = this.writes.run(() => {
        this.waiting = null;
        return this.write(waiting.text);
      });
      this.waiting = waiting;
    }
    this.waiting.text += text;
    return this.waiting.written;
  }

  /** Waits for the queued writes, then closes the file. */
  async close(): Promise<void> {
    await this.writes.run(() => undefined);
    const opening = this.handle;
    this.handle = null;
    // A file that never opened has nothing to close; its error already reached the append that needed it.
    await (await opening?.catch(() => null))?.close();
  }

  private async write(text: string): Promise<void> {
    if (this.failure !== null) throw this.failure;
    try {
      this.handle ??= fs.promises.open(this.file, 'a', 0o600);
      const handle = await this.handle;
      await handle.write(text);
      // datasync is enough: it flushes the data and the new length, all a reader needs to find the line.
      await handle.datasync();
      if (!this.nameDurable) {
        await syncDirectory(path.dirname(this.file));
        this.nameDurable = true;
      }
    } catch (error) {
      this.failure = error;
      throw error;
    }
  }
}

/**
 * Reads and verifies a journal. A broken chain or an unreadable line in the middle is an error that names
 * the line; only the very last line may be torn (a crash mid-write).
 */
export function readJournal<E>(file: string): JournalRead<E> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ShadowSwapError('NOT_FOUND', `The journal ${file} could not be read (${(error as Error).message}).`, { file });
  }
  const lines = text.split('\n');
  // Found once: asking "is everything after this line empty?" at every line made a read quadratic.
  let lastIndex = lines.length - 1;
  while (lastIndex >= 0 && lines[lastIndex] === '') lastIndex -= 1;
  const records: Array<JournalRecord<E>> = [];
  let head = GENESIS_HASH;
  let tornTail: string | null = null;
  let offset = 0;
  let completeBytes = 0;
  for (let i = 0; i <= lastIndex; i += 1) {
    const line = lines[i] as string;
    const lineStart = offset;
    offset += Buffer.byteLength(line) + 1;
    if (line === '') continue;
    let record: JournalRecord<E>;
    try {
      record = JSON.parse(line) as JournalRecord<E>;
    } catch {
      // The last line cut short by a crash; also one an older version sealed with a newline of its own.
      if (i === lastIndex) {
        tornTail = line;
        completeBytes = lineStart;
        break;
      }
      // A torn line sealed by an older version is skipped only if the chain continues past it unbroken.
      if (tornLineSealed(lines, i, head)) continue;
      throw damaged(file, i + 1, 'is not a complete JSON event');
    }
    if (record.prevHash !== head) throw damaged(file, i + 1, 'does not follow the event before it (edited, removed or reordered events)');
    if (record.seq !== (records.at(-1)?.seq ?? 0) + 1)
      throw damaged(file, i + 1, `has sequence number ${record.seq} where ${(records.at(-1)?.seq ?? 0) + 1} was expected`);
    records.push(record);
    head = hashLine(line);
    completeBytes = offset;
  }
  return { records, head, tornTail, completeBytes };
}

function tornLineSealed(lines: readonly string[], index: number, head: string): boolean {
  let next = index + 1;
  while (next < lines.length && lines[next] === '') next += 1;
  if (next >= lines.length) return false;
  try {
    return (JSON.parse(lines[next] as string) as { prevHash?: unknown }).prevHash === head;
  } catch {
    return false;
  }
}

/** Cuts a file to `length` bytes and flushes the new length before anything is appended after it. */
async function truncateDurably(file: string, length: number): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function damaged(file: string, lineNumber: number, why: string): ShadowSwapError {
  return new ShadowSwapError(
    'STATE_UNREADABLE',
    `The run journal ${file} is damaged: line ${lineNumber} ${why}. It was left untouched; the run cannot be resumed from it automatically. Keep the file for the incident record.`,
    { file, line: lineNumber },
  );
}
