/**
 * The Windows backend's own state files (the snapshot catalog, the SAN map): JSON replaced atomically
 * (storage/atomic-file.ts) and read back through a schema, so a damaged or foreign file is reported, not trusted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ShadowSwapError } from '../../../shared/errors';
import { replaceFileAtomically } from './atomic-file';

/** Replaces `file` with `value` as JSON (storage/atomic-file.ts), making its folder first. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await replaceFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The file's content checked against `schema`; null when the file does not exist. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, what: string): z.output<S> | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unreadable(file, what, (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw unreadable(file, what, `it is not JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw unreadable(file, what, `${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'unexpected shape'}`);
  }
  return parsed.data;
}

function unreadable(file: string, what: string, why: string): ShadowSwapError {
  return new ShadowSwapError(
    'STATE_UNREADABLE',
    `The ${what} ${file} could not be used: ${why}. It was left untouched; fix or move it aside, then retry.`,
    { file },
  );
}
