/** Files the operator names on the command line: the CLI reads them and hands their text to the core. */
import fs from 'node:fs';
import { ShadowSwapError } from '../../shared/errors';

export function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ShadowSwapError(
      'NOT_FOUND',
      `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path and try again.`,
      { file },
    );
  }
}
