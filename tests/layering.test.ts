// The architecture's layering is enforced by ESLint; these prove the rules still fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The example files exist only in memory, so the TypeScript project cannot type them: the layering rules
// need no types, and the one type-aware rule is switched off here.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering', () => {
  it.each([
    ['shared/example.ts', "import fs from 'node:fs'; export const x = fs;"],
    ['shared/example.ts', "import { app } from 'electron'; export const x = app;"],
    ['shared/example.ts', "import React from 'react'; export const x = React;"],
    ['renderer/src/example.ts', "import { createCore } from '../../electron/core/app'; export const x = createCore;"],
    ['renderer/src/example.ts', "import path from 'node:path'; export const x = path;"],
    ['electron/core/example.ts', "import { app } from 'electron'; export const x = app;"],
    ['electron/core/example.ts', "import { startGateway } from '../gateway/server'; export const x = startGateway;"],
    // The CLI reaches the core through the contract, never its internals.
    ['electron/cli/commands/example.ts', "import { RecoveryEngine } from '../../core/recovery/engine'; export const x = RecoveryEngine;"],
    ['electron/cli/commands/example.ts', "import { initLab } from '../../core/backends/lab/lab-admin'; export const x = initLab;"],
    ['electron/cli/example.ts', "import { localChannel } from '../core/rpc/registry'; export const x = localChannel;"],
    ['electron/cli/example.ts', "import type { Backend } from '../core/backend'; export type X = Backend;"],
    [
      'electron/cli/example.ts',
      "import { openBackendLater } from '../core/backends/open-backend-later'; export const x = openBackendLater;",
    ],
    ['electron/cli/example.ts', "import { toFrame } from '../gateway/frames'; export const x = toFrame;"],
    ['electron/cli/example.ts', "import { app } from 'electron'; export const x = app;"],
    ['electron/core/windows-tools/example.ts', "import fs from 'node:fs'; export const x = fs;"],
    [
      'electron/core/windows-tools/example.ts',
      "import { ToolRunner } from '../backends/windows/running/tool-runner'; export const x = ToolRunner;",
    ],
    [
      'electron/core/backends/lab/example.ts',
      "import { WindowsBackend } from '../windows/windows-backend'; export const x = WindowsBackend;",
    ],
    ['electron/core/backends/lab/example.ts', "import { app } from 'electron'; export const x = app;"],
  ])('%s refuses: %s', async (file, code) => {
    expect(await restrictedImportMessages(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/example.ts', "import { z } from 'zod'; export const x = z;"],
    ['electron/core/example.ts', "import fs from 'node:fs'; export const x = fs;"],
    ['electron/main.ts', "import { app } from 'electron'; export const x = app;"],
    [
      'electron/core/backends/lab/example.ts',
      "import { renderOperation } from '../../windows-tools/render-operation'; export const x = renderOperation;",
    ],
    ['renderer/src/example.ts', "import { matchesFilter } from '../../shared/filter'; export const x = matchesFilter;"],
    ['electron/cli/example.ts', "import { createCore } from '../core/app'; export const x = createCore;"],
    ['electron/cli/example.ts', "import { openBackend } from '../core/backends/open-backend'; export const x = openBackend;"],
    ['electron/cli/example.ts', "import { resolveDataDir } from '../core/storage/data-dir'; export const x = resolveDataDir;"],
    ['electron/cli/commands/example.ts', "import { methods } from '../../../shared/contract'; export const x = methods;"],
    ['electron/cli/commands/example.ts', "import { startGateway } from '../../gateway/server'; export const x = startGateway;"],
    ['electron/cli/example.ts', "import fs from 'node:fs'; export const x = fs;"],
  ])('%s allows: %s', async (file, code) => {
    expect(await restrictedImportMessages(file, code)).toEqual([]);
  });
});

describe('promises', () => {
  it('a promise nobody awaits is a lint error', async () => {
    const [result] = await new ESLint().lintText(
      'export async function later(): Promise<void> {}\nexport function caller(): void {\n  later();\n}\n',
      {
        filePath: 'electron/core/app.ts',
      },
    );
    expect(result?.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-floating-promises');
  });
});
