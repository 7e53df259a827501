/**
 * One contender in the lock race (tests/electron/core/storage/file-lock.test.ts), a process of its own.
 * On {lockFile, at} it waits for the shared start instant, tries the lock once and reports whether it won;
 * a winner keeps the lock (its pid stays alive) until told to let go.
 */
import { tryLock, unlock } from '../../../../electron/core/storage/file-lock';

type Message = { try: string; at: number } | { release: string } | { exit: true };

process.on('message', (message: Message) => {
  if ('try' in message) {
    while (Date.now() < message.at) {
      // Spin rather than sleep: every contender must reach tryLock within the same millisecond.
    }
    let won = false;
    let error: string | null = null;
    try {
      won = tryLock(message.try);
    } catch (caught) {
      error = (caught as Error).message;
    }
    process.send?.({ won, error });
  } else if ('release' in message) {
    unlock(message.release);
    process.send?.({ released: true });
  } else {
    process.exit(0);
  }
});
process.send?.({ ready: true });
