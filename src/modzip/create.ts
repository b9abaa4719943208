// Writing a module zip (x/mod's Create) with yazl: same checks and errors
// as Go, a deterministic container (fixed timestamp and mode, no directory
// entries, entries in input order), file data streamed one file at a time.
import { Readable, Transform, type TransformCallback } from 'node:stream';
import yazl from 'yazl';
import { goQuote } from '../internal/go-quote.js';
import { errorMessage } from '../internal/errors.js';
import { checkModuleVersion, classifyFiles, rootGoModFile } from './check-files.js';
import { checkedFilesError, ModZipError, type ModuleVersion, type ZipSourceFile } from './types.js';

// Local-time components, so the DOS timestamp yazl derives is the same in
// every time zone.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(errorMessage(e));
}

/** Read a whole source (used only for the root go.mod). */
export async function readSource(f: ZipSourceFile): Promise<Buffer> {
  const src = await f.open();
  if (src instanceof Uint8Array) return Buffer.from(src);
  const chunks: Buffer[] = [];
  for await (const chunk of toReadable(src)) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

function toReadable(src: NodeJS.ReadableStream | Uint8Array): Readable {
  if (src instanceof Uint8Array) return Readable.from([Buffer.from(src)]);
  if (src instanceof Readable) return src;
  return new Readable().wrap(src);
}

// Go copies at most size+1 bytes and fails if it got more than declared.
class DeclaredSizeLimit extends Transform {
  private count = 0;
  constructor(
    private readonly size: number,
    private readonly path: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer | string, _enc: BufferEncoding, cb: TransformCallback): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.count += buf.length;
    if (this.count > this.size) {
      cb(new Error(`file ${goQuote(this.path)} is larger than declared size`));
      return;
    }
    cb(null, buf);
  }
}

/**
 * Read the root go.mod for the vendor rule as Go does: a failure to open or
 * read it just means "no go version".
 */
export async function rootGoModData(
  files: readonly ZipSourceFile[],
): Promise<Uint8Array | undefined> {
  const f = rootGoModFile(files);
  if (f === undefined) return undefined;
  try {
    return await readSource(f);
  } catch {
    return undefined;
  }
}

/**
 * Build the module zip for `m` from `files` and write it to `out`, which is
 * ended in every case (a failed run may leave partial data; discard it).
 * Rejects with Go's `create zip: …` errors: precondition texts, then the
 * combined file errors, then write-time errors such as
 * `file "<path>" is larger than declared size`.
 */
export async function createZip(
  out: NodeJS.WritableStream,
  m: ModuleVersion,
  files: readonly ZipSourceFile[],
): Promise<void> {
  try {
    await createInner(out, m, files);
  } catch (e) {
    throw new ModZipError('create zip', toError(e));
  }
}

async function createInner(
  out: NodeJS.WritableStream,
  m: ModuleVersion,
  files: readonly ZipSourceFile[],
): Promise<void> {
  let started = false;
  try {
    const pre = checkModuleVersion(m);
    if (pre !== undefined) throw pre;
    const { checked, validFiles } = classifyFiles(files, await rootGoModData(files));
    const err = checkedFilesError(checked);
    if (err !== undefined) throw err;
    started = true;
    await writeZip(out, `${m.path}@${m.version}/`, validFiles);
  } finally {
    if (!started) out.end();
  }
}

function writeZip(
  out: NodeJS.WritableStream,
  prefix: string,
  files: readonly ZipSourceFile[],
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const zip = new yazl.ZipFile();
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      const output = zip.outputStream as unknown as Readable;
      output.unpipe(out);
      output.destroy();
      out.end();
      reject(toError(e));
    };
    zip.on('error', fail);
    out.on('error', fail);
    out.on('finish', () => {
      if (!failed) resolve();
    });
    zip.outputStream.pipe(out);
    try {
      for (const f of files) {
        zip.addReadStreamLazy(
          prefix + f.path,
          { mtime: FIXED_MTIME, mode: FILE_MODE, forceDosTimestamp: true, compress: true },
          (cb) => {
            f.open().then(
              (src) => {
                const readable = toReadable(src);
                const limit = new DeclaredSizeLimit(f.size, f.path);
                readable.on('error', (e) => limit.destroy(toError(e)));
                limit.on('error', fail);
                readable.pipe(limit);
                cb(null, limit);
              },
              (e: unknown) => fail(e),
            );
          },
        );
      }
      zip.end();
    } catch (e) {
      fail(e);
    }
  });
}
