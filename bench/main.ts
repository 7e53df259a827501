/** Entry of the bundled benchmark: runs the suite, writes bench-results.json, prints the table. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { figuresTable } from './measure';
import { runSuite } from './suite';

async function main(): Promise<void> {
  const [root = process.cwd(), mode = '--full', selection] = process.argv.slice(2);
  const quick = mode === '--quick';
  const only = selection?.startsWith('--only=') ? selection.slice('--only='.length).split(',') : undefined;
  const figures = await runSuite({ quick, root, only }, (line) => process.stderr.write(`${line}\n`));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const results = { when: new Date().toISOString(), machine, quick, figures };
  // A partial run must not replace the last whole table.
  if (only === undefined)
    fs.writeFileSync(path.join(root, quick ? 'bench-results.quick.json' : 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `${figuresTable(figures)}\n\nMachine: ${machine}${quick ? ' (quick run: small estate, few runs — not for comparison)' : ''}${only ? ` (only: ${only.join(', ')}; results file not written)` : ''}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
