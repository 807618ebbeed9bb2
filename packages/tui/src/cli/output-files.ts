import { writeFile } from 'node:fs/promises';
import { AbortError } from './cli-errors.js';

/** Writes a file named on the command line; a path that cannot be written is a usage error naming the flag. */
export async function writeOutputFile(path: string, data: string, flag: string): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new AbortError(`cannot write ${flag} ${path}: ${reason}`, `give ${flag} a file path in an existing, writable folder`);
  }
}
