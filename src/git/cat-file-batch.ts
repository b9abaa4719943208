// One `git cat-file --batch` process answering object reads in order: each
// request is a line naming an object (an id, `<commit>:<path>`,
// `<commit>^{tree}`), each answer a header `<oid> <type> <size>`, the
// content and a newline, or `<name> missing`. Requests are pipelined; the
// content is handed on in chunks as it arrives and never kept here.
import { GitCoprocess, type CoprocessOptions } from './git-coprocess.js';

export interface ObjectHeader {
  oid: string;
  type: string;
  size: number;
}

export interface CatFileBatchOptions extends CoprocessOptions {
  /**
   * The longest git may stay silent while a request is pending before the
   * process is stopped and every pending request fails. Default 120 s.
   */
  idleTimeoutMs?: number;
}

interface Pending {
  name: string;
  sink: ((chunk: Buffer) => void) | undefined;
  resolve: (h: ObjectHeader | undefined) => void;
  reject: (e: Error) => void;
  header?: ObjectHeader;
  /** Bytes of content plus the trailing newline still to come. */
  remaining: number;
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/;

/** git stopped, went silent, or said something this reader does not understand. */
export class CatFileError extends Error {
  override name = 'CatFileError';
}

export class CatFileBatch {
  private readonly proc: GitCoprocess;
  private readonly queue: Pending[] = [];
  private headerParts: Buffer[] = [];
  private failure?: CatFileError;
  private timer?: NodeJS.Timeout;
  private readonly idleMs: number;
  /** Objects answered (found or missing). */
  objectsRead = 0;
  /** Content bytes received. */
  bytesRead = 0;

  /** Starts `git cat-file --batch` in the repository at `cwd`. */
  constructor(cwd: string, options: CatFileBatchOptions = {}) {
    this.idleMs = options.idleTimeoutMs ?? 120_000;
    this.proc = new GitCoprocess('git cat-file --batch', ['cat-file', '--batch'], cwd, options);
    this.proc.stdout.on('data', (c: Buffer) => this.onData(c));
    void this.proc.exited.then((e) => {
      this.fail(new CatFileError(this.proc.describeExit(e)));
    });
  }

  /**
   * Reads one object. Content goes to `sink` in order (chunks are views
   * into git's output: copy what you keep). Resolves with the header, or
   * undefined when git reports the name missing; rejects with a CatFileError
   * (git's stderr included) when the process fails or stays silent.
   */
  read(name: string, sink?: (chunk: Buffer) => void): Promise<ObjectHeader | undefined> {
    if (name.includes('\n') || name === '') {
      return Promise.reject(
        new Error(`cannot ask git cat-file --batch for ${JSON.stringify(name)}`),
      );
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ name, sink, resolve, reject, remaining: 0 });
      if (this.queue.length === 1) this.armTimer();
      this.proc.write(name + '\n');
    });
  }

  /** Reads one whole object into memory (small objects only: trees, go.mod, commits). */
  async readAll(name: string): Promise<{ header: ObjectHeader; data: Buffer } | undefined> {
    const parts: Buffer[] = [];
    const header = await this.read(name, (c) => parts.push(Buffer.from(c)));
    return header === undefined ? undefined : { header, data: Buffer.concat(parts) };
  }

  /** Pending requests fail; the process is asked to exit, and killed if it does not. */
  async close(): Promise<void> {
    this.fail(new CatFileError('git cat-file --batch was closed'));
    await this.proc.close();
  }

  /** (Re)starts the silence deadline while requests are pending. */
  private armTimer(): void {
    if (this.queue.length === 0) return this.disarmTimer();
    if (this.timer !== undefined) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      const name = this.queue[0]?.name ?? '';
      const said = this.proc.stderrText();
      this.fail(
        new CatFileError(
          `git cat-file --batch gave no answer for ${this.idleMs / 1000} s (reading ${name})` +
            (said === '' ? '' : `: ${said}`),
        ),
      );
      void this.proc.kill();
    }, this.idleMs);
    this.timer.unref();
  }

  private disarmTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fail(e: CatFileError): void {
    this.failure ??= e;
    this.disarmTimer();
    for (const p of this.queue.splice(0)) p.reject(this.failure);
    // Whatever git still sends belongs to requests that have failed.
    this.headerParts = [];
  }

  private onData(chunk: Buffer): void {
    if (this.failure !== undefined) return;
    this.armTimer();
    let off = 0;
    while (off < chunk.length) {
      const p = this.queue[0];
      if (p === undefined) {
        this.protocolError('output nobody asked for');
        return;
      }
      if (p.header === undefined) {
        const nl = chunk.indexOf(0x0a, off);
        if (nl < 0) {
          this.headerParts.push(chunk.subarray(off));
          return;
        }
        this.headerParts.push(chunk.subarray(off, nl));
        const line = Buffer.concat(this.headerParts).toString('latin1');
        this.headerParts = [];
        off = nl + 1;
        if (line === `${Buffer.from(p.name).toString('latin1')} missing`) {
          this.finish(p, undefined);
          continue;
        }
        const m = HEADER.exec(line);
        if (m === null) {
          this.protocolError(`an answer it does not understand (${JSON.stringify(line)})`);
          return;
        }
        p.header = { oid: m[1] as string, type: m[2] as string, size: Number(m[3]) };
        p.remaining = p.header.size + 1;
        continue;
      }
      const n = Math.min(p.remaining, chunk.length - off);
      // The last byte of an answer is git's newline, not content.
      const content = Math.min(n, p.remaining - 1);
      if (content > 0) {
        this.bytesRead += content;
        p.sink?.(chunk.subarray(off, off + content));
      }
      p.remaining -= n;
      off += n;
      if (p.remaining === 0) {
        if (chunk[off - 1] !== 0x0a) {
          this.protocolError('an object not followed by a newline');
          return;
        }
        this.finish(p, p.header);
      }
    }
  }

  private finish(p: Pending, header: ObjectHeader | undefined): void {
    this.queue.shift();
    this.objectsRead++;
    if (this.queue.length === 0) this.disarmTimer();
    p.resolve(header);
  }

  private protocolError(what: string): void {
    this.fail(new CatFileError(`git cat-file --batch sent ${what}`));
    void this.proc.kill();
  }
}
