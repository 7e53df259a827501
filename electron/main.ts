/**
 * The Electron door: one sandboxed window showing the renderer from app://console, and the contract over
 * IPC with every call's sender checked. All behaviour lives in electron/core; this file only wires it.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toWireError } from '../shared/errors';
import { cliArgumentsOf } from './cli/command-line-mode';
import { processIo } from './cli/process-io';
import { runCli } from './cli/run-cli';
import { createCore, type Core } from './core/app';
import { resolveDataDir } from './core/storage/data-dir';
import { openBackend } from './core/backends/open-backend';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  appRequestToFile,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
} from './security';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';

declare const __SHADOWSWAP_VERSION__: string;

const rendererDir = path.join(__dirname, '..', 'renderer');
const ourWindows = new Set<number>();

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

function dataDirFromArgs(): string | undefined {
  const flag = process.argv.find((arg) => arg.startsWith('--data-dir='));
  return flag?.slice('--data-dir='.length);
}

function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appRequestToFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void confirmAndOpenExternal(url);
      return { action: 'deny' };
    });
  });
}

async function confirmAndOpenExternal(url: string): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  });
  if (response === 0) await shell.openExternal(url);
}

function serveContract(core: Core): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, params: unknown) => {
    const fromOurWindow = ourWindows.has(event.sender.id);
    const frame = event.senderFrame;
    const sender = frame === null ? null : { url: frame.url, isMainFrame: frame === event.sender.mainFrame };
    if (!isTrustedSender(sender, fromOurWindow)) {
      return {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'This request did not come from the ShadowSwap console and was refused.' },
      };
    }
    try {
      return await core.registry.invoke(method, params);
    } catch (error) {
      return { ok: false, error: toWireError(error) };
    }
  });
  core.registry.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (ourWindows.has(window.webContents.id)) window.webContents.send(EVENT_CHANNEL, name, payload);
    }
  });
}

/**
 * Reports become PDFs with Electron's own Chromium: the self-contained HTML is loaded into a hidden,
 * script-less window from a private temp file and printed with its CSS page rules (page numbers, run id).
 */
async function printPdf(html: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shadowswap-print-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html, { mode: 0o600 });
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await window.loadFile(file);
    return await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
  } finally {
    window.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'ShadowSwap',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const id = window.webContents.id;
  ourWindows.add(id);
  window.on('closed', () => ourWindows.delete(id));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
}

async function openConsole(): Promise<void> {
  await app.whenReady();
  try {
    const dataDir = resolveDataDir(dataDirFromArgs());
    const core = createCore({ backend: await openBackend({ dataDir }), dataDir, version: __SHADOWSWAP_VERSION__, printPdf });
    serveAppProtocol();
    lockDownSessions();
    serveContract(core);
    createWindow();
    core.warmUp().catch(() => undefined);
    app.on('window-all-closed', () => {
      void core.close().then(() => app.quit());
    });
  } catch (error) {
    dialog.showErrorBox('ShadowSwap could not start', toWireError(error).message);
    app.quit();
  }
}

/** Started with a command: no window; the command prints to the console it was started from, and its exit code is the app's. */
function runCommand(args: string[]): void {
  runCli(args, processIo, __SHADOWSWAP_VERSION__).then(exitWhenFlushed, (error: unknown) => {
    processIo.stderr(`shadowswap: unexpected failure: ${toWireError(error).message}\n`);
    exitWhenFlushed(1);
  });
}

/** app.exit ends the process at once, and console writes are asynchronous on Windows: wait for both streams first. */
function exitWhenFlushed(code: number): void {
  let open = 2;
  const flushed = () => {
    open -= 1;
    if (open === 0) app.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

const cliArguments = cliArgumentsOf(process.argv, app.isPackaged);
if (cliArguments === null) void openConsole();
else runCommand(cliArguments);
