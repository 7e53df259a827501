// Whether the Electron binary is installed. Electron 45 fetches it on first run; on machines that cannot
// fetch it the Electron project is skipped, with this reason, instead of failing.
import fs from 'node:fs';
import path from 'node:path';

export function electronBinary(): { path: string } | { missing: string } {
  const packageDir = path.resolve('node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile))
    return {
      missing:
        'the Electron binary is not installed (node_modules/electron/path.txt is absent; run "npx install-electron" where the network allows)',
    };
  const executable = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(executable)) return { missing: `the Electron binary ${executable} is missing` };
  return { path: executable };
}
