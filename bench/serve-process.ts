/** `shadowswap serve` in a child process, as an operator starts it: resolves with the URL it prints. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ServeProcess {
  url: string;
  stop(): void;
}

export function startServe(root: string, dataDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'shadowswap.cjs'), 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<ServeProcess>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}
