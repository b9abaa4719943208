// Files a command writes (--zip-out, --sumdb-cache, and any later output
// flag) are checked before any work starts, so a typo in a path costs a
// one-line input error, not a finished computation and a stack trace. A file
// is written under a temporary name next to its target and renamed into
// place when complete: an interrupted or failed run never leaves half a file
// where the user expects a whole one.
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, InputError } from '../internal/errors.js';
import { removeOnInterrupt } from '../internal/temp-dirs.js';

/** What the OS said, in words a user can act on. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  return errorMessage(e);
}

/**
 * Checks that `value` (a file path given to `flag`, relative to `cwd`) names
 * something a file can be written to: not a folder, inside a folder that
 * exists (or, with `createsFolders`, whose nearest existing ancestor is a
 * folder). Returns the absolute path; throws InputError naming the flag and
 * the fix. Creates nothing.
 */
export async function checkOutputPath(
  flag: string,
  value: string,
  cwd: string,
  options: { createsFolders?: boolean } = {},
): Promise<string> {
  if (value === '') throw new InputError(`${flag} needs a file name`);
  const file = path.resolve(cwd, value);
  const st = await stat(file).catch(() => undefined);
  if (st?.isDirectory() === true) {
    throw new InputError(
      `${flag} ${file} is a folder: name a file (for example ${path.join(file, 'out')})`,
    );
  }
  let dir = path.dirname(file);
  for (;;) {
    const d = await stat(dir).catch((e: NodeJS.ErrnoException) => e);
    if (d instanceof Error) {
      if (d.code === 'ENOENT' && options.createsFolders === true && path.dirname(dir) !== dir) {
        dir = path.dirname(dir);
        continue;
      }
      if (d.code === 'ENOENT') {
        throw new InputError(
          `${flag} ${file}: the folder ${dir} does not exist: create it first (mkdir -p ${dir}) or choose another path`,
        );
      }
      if (d.code === 'ENOTDIR') {
        throw new InputError(
          `${flag} ${file}: a file is in the way of the folder ${dir}: choose another path`,
        );
      }
      throw new InputError(
        `${flag} ${file}: cannot use the folder ${dir} (${reason(d)}): choose another path`,
      );
    }
    if (!d.isDirectory()) {
      throw new InputError(`${flag} ${file}: ${dir} is not a folder: choose another path`);
    }
    return file;
  }
}

/** An output file being written under a temporary name next to its target. */
export interface OutputFile {
  /** The target, absolute. */
  readonly path: string;
  /** Where to write the content. */
  readonly stream: WriteStream;
  /** Closes the stream and moves the content to the target. */
  commit(): Promise<void>;
  /** Closes the stream and removes what was written; the target is untouched. */
  discard(): Promise<void>;
}

/**
 * Opens `value` (for `flag`) for writing, up front: the temporary file is
 * created now, so a folder that is missing, read-only or full is an input
 * error before any work starts. Removed on interrupt.
 */
export async function openOutputFile(
  flag: string,
  value: string,
  cwd: string,
): Promise<OutputFile> {
  const file = await checkOutputPath(flag, value, cwd);
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const fh = await open(tmp, 'wx');
    await fh.close();
  } catch (e) {
    throw new InputError(
      `${flag} ${file}: cannot write in ${path.dirname(file)} (${reason(e)}): choose a writable folder`,
    );
  }
  const forget = removeOnInterrupt(tmp);
  const stream = createWriteStream(tmp);
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  const close = async () => {
    if (!stream.writableFinished && !stream.destroyed) stream.end();
    await closed;
  };
  return {
    path: file,
    stream,
    async commit() {
      try {
        await close();
        await rename(tmp, file);
      } catch (e) {
        await rm(tmp, { force: true });
        throw new InputError(`${flag} ${file}: cannot write it (${reason(e)})`);
      } finally {
        forget();
      }
    },
    async discard() {
      stream.destroy();
      await closed.catch(() => undefined);
      await rm(tmp, { force: true });
      forget();
    },
  };
}
