/**
 * The PDF: the report's HTML printed by a headless Chromium (--print-to-pdf), so the PDF and the HTML
 * say the same thing. Chromium 131 and later print CSS @page margin boxes, which put the run id and
 * "Page N of M" on every page. The browser runs with an argument array, a throw-away profile in a private
 * temp directory, no network reach, and a time limit; the directory is removed afterwards.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ShadowSwapError } from '../../../shared/errors';

const linuxCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const macCandidates = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function windowsCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((root): root is string => root !== undefined);
  // Edge is Chromium and ships with current Windows Server; Chrome where an administrator installed it.
  return roots.flatMap((root) => [
    path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ]);
}

/** $SHADOWSWAP_CHROMIUM, else the system's Chromium, Chrome or Edge; undefined when there is none. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): string | undefined {
  if (env.SHADOWSWAP_CHROMIUM) return env.SHADOWSWAP_CHROMIUM;
  const candidates = platform === 'win32' ? windowsCandidates(env) : platform === 'darwin' ? macCandidates : linuxCandidates;
  return candidates.find((candidate) => exists(candidate));
}

/** The browser that prints the PDF, or an error that says what to do without one. */
export function requireChromium(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): string {
  const chromium = findChromium(env, platform, exists);
  if (chromium !== undefined) return chromium;
  throw new ShadowSwapError(
    'PRECONDITION_FAILED',
    'Making a PDF needs Chromium, Google Chrome or Microsoft Edge, and none was found. Install one (or point SHADOWSWAP_CHROMIUM at it), or export the report as HTML (--format html) and print it to PDF from any browser.',
  );
}

/** Prints an HTML page to PDF bytes; the desktop app passes Electron's own printToPDF. */
export type PdfPrinter = (html: string) => Promise<Buffer>;

export interface PdfOptions {
  env?: NodeJS.ProcessEnv;
  chromium?: string;
  timeoutMs?: number;
  printer?: PdfPrinter;
}

/** Flags that keep a headless Chromium from reaching for the network or the user's profile. */
const quietArgs = [
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--mute-audio',
];

export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  if (options.printer) return options.printer(html);
  const chromium = options.chromium ?? requireChromium(options.env ?? process.env);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-pdf-'));
  try {
    const page = path.join(dir, 'report.html');
    const pdf = path.join(dir, 'report.pdf');
    fs.writeFileSync(page, html, { mode: 0o600 });
    const args = [
      ...quietArgs,
      // Chromium refuses to start its sandbox as root (containers, CI); a local file of our own making is all it opens.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await runBrowser(chromium, args, options.timeoutMs ?? 60_000);
    const bytes = fs.existsSync(pdf) ? fs.readFileSync(pdf) : Buffer.alloc(0);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new ShadowSwapError(
        'BACKEND_FAILED',
        `${chromium} finished without writing a PDF. Export the report as HTML (--format html) and print it from a browser instead.`,
      );
    }
    return bytes;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runBrowser(executable: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new ShadowSwapError(
          'BACKEND_FAILED',
          `${executable} did not finish the PDF within ${Math.round(timeoutMs / 1000)} s and was stopped. Export the report as HTML (--format html) and print it from a browser instead.`,
        ),
      );
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new ShadowSwapError(
          'PRECONDITION_FAILED',
          `${executable} could not be started (${error.message}). Install Chromium or point SHADOWSWAP_CHROMIUM at it, or export the report as HTML and print it.`,
        ),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new ShadowSwapError(
            'BACKEND_FAILED',
            `${executable} failed to print the PDF (exit code ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`,
          ),
        );
    });
  });
}
