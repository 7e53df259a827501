/**
 * Runs async tasks one at a time, in the order they were queued: a task starts when the one before it has
 * settled, whether it succeeded or failed. It orders work within this process only; across processes,
 * file locks do (see file-lock.ts).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
