/** Files the operator names on the command line: the CLI reads them and hands their text to the core. */
import fs from 'node:fs';
import { ShadowSwapError } from '../../shared/errors';

/** A size past which a file is refused, and what to tell the operator then. */
export interface SizeLimit {
  maxBytes: number;
  refusal: (bytes: number) => string;
}

/** The file's text; with a limit, its size is checked on the open file before a byte is read (a huge one would fill memory). */
export function readTextFile(file: string, limit?: SizeLimit): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new ShadowSwapError(
      'NOT_FOUND',
      `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path and try again.`,
      { file },
    );
  }
  try {
    const bytes = fs.fstatSync(fd).size;
    if (limit !== undefined && bytes > limit.maxBytes) throw new ShadowSwapError('INVALID_REQUEST', limit.refusal(bytes), { file, bytes });
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}
