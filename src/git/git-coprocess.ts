// A long-lived git process that is spoken to over stdin and answers on
// stdout (`cat-file --batch`, `check-attr --stdin`). GitRunner runs one
// command per call with its input given up front; a scan asks tens of
// thousands of small questions, and one process per question would cost more
// than the answers. Same isolated environment as GitRunner, the same
// registration for interrupts, and a shutdown that always reaps the child.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { oneLine } from '../internal/errors.js';
import { stopOnInterrupt } from '../internal/temp-dirs.js';
import { isolatedGitEnv } from './git-runner.js';

export interface CoprocessOptions {
  /** The git binary (tests point this at a fake); default `git` on PATH. */
  git?: string;
  /** Base environment, filtered as GitRunner filters it; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** How long a closing process may take to exit on its own before it is killed. */
const EXIT_GRACE_MS = 5_000;
/** stderr kept for error messages: the last this many bytes. */
const STDERR_KEEP = 16 << 10;

export interface CoprocessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  spawnError?: Error;
}

export class GitCoprocess {
  private readonly child: ChildProcessWithoutNullStreams;
  private stderrTail: Buffer = Buffer.alloc(0);
  private pending: Uint8Array[] = [];
  private exitInfo?: CoprocessExit;
  /** Settles (never rejects) once the process is gone and its pipes are closed. */
  readonly exited: Promise<CoprocessExit>;

  constructor(
    /** What to call the process in messages, e.g. `git cat-file --batch`. */
    readonly label: string,
    args: readonly string[],
    cwd: string,
    options: CoprocessOptions = {},
  ) {
    this.child = spawn(options.git ?? 'git', args, {
      cwd,
      env: isolatedGitEnv(options.env ?? process.env),
      stdio: 'pipe',
    });
    const forget = stopOnInterrupt(() => this.child.kill('SIGKILL'));
    this.child.stderr.on('data', (c: Buffer) => {
      const all = Buffer.concat([this.stderrTail, c]);
      this.stderrTail = all.length > STDERR_KEEP ? all.subarray(all.length - STDERR_KEEP) : all;
    });
    // Writes after git exited fail with EPIPE; the exit itself is reported.
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise<CoprocessExit>((resolve) => {
      this.child.on('error', (e) => {
        // A failed spawn emits no 'close'; a later error is about an I/O pipe.
        if (this.child.pid === undefined) {
          forget();
          this.exitInfo = { code: null, signal: null, spawnError: e };
          resolve(this.exitInfo);
        }
      });
      this.child.on('close', (code, signal) => {
        forget();
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
  }

  get stdout(): NodeJS.ReadableStream {
    return this.child.stdout;
  }

  /** Whether the process is gone (or never started). */
  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /**
   * Queues `data` for stdin. Writes made in the same tick go out as one
   * (a scan sends tens of thousands of short requests; one system call each
   * would cost more than git's answers).
   */
  write(data: string | Uint8Array): void {
    this.pending.push(typeof data === 'string' ? Buffer.from(data) : data);
    if (this.pending.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const parts = this.pending;
    this.pending = [];
    if (parts.length > 0 && !this.hasExited) this.child.stdin.write(Buffer.concat(parts));
  }

  /** What git last wrote to stderr, on one line. */
  stderrText(): string {
    return oneLine(this.stderrTail.toString('utf8'));
  }

  /** A sentence saying how the process ended, with git's own words. */
  describeExit(e: CoprocessExit): string {
    if (e.spawnError !== undefined) return `cannot run ${this.label}: ${e.spawnError.message}`;
    const how = e.signal !== null ? `was killed (${e.signal})` : `exited with status ${e.code}`;
    const said = this.stderrText();
    return `${this.label} ${how}${said === '' ? '' : `: ${said}`}`;
  }

  /** Stops the process at once; resolves when it is reaped. */
  async kill(): Promise<CoprocessExit> {
    if (!this.hasExited) {
      this.child.kill('SIGKILL');
      // Unread output would hold back the 'close' that reaps it.
      this.child.stdout.destroy();
    }
    return this.exited;
  }

  /**
   * Ends stdin so git finishes on its own, and kills it if it has not exited
   * within a few seconds. Resolves when the process is reaped.
   */
  async close(): Promise<CoprocessExit> {
    if (this.hasExited) return this.exited;
    this.flush();
    this.child.stdin.end();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, EXIT_GRACE_MS);
      timer.unref();
    });
    await Promise.race([this.exited, late]);
    clearTimeout(timer);
    return this.kill();
  }
}
