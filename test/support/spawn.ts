// One way for tests to run a program and collect what it printed: every
// child has a deadline (a hung program fails its test instead of stalling
// the run), stdin is always closed, and output is kept as bytes so callers
// that read non-UTF-8 (git paths, zip names) lose nothing.
import { spawn } from 'node:child_process';

export interface SpawnResult {
  /** Exit status; null when the child was killed (deadline or signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Uint8Array;
  /** Kill with SIGKILL after this long; default 120 s. */
  timeoutMs?: number;
}

/** Runs `file args` and resolves with its exit status and output; rejects only when it cannot start. */
export function spawnCollect(
  file: string,
  args: readonly string[],
  opts: SpawnOptions = {},
): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 120_000,
      killSignal: 'SIGKILL',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }),
    );
    child.stdin.on('error', () => {
      // The child may exit before reading all input; its status tells why.
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** {@link spawnCollect} with text output. */
export async function spawnText(
  file: string,
  args: readonly string[],
  opts: SpawnOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await spawnCollect(file, args, opts);
  return { code: r.code, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

/** {@link spawnCollect} that rejects, with stderr in the message, unless the exit status is 0. */
export async function spawnOk(
  file: string,
  args: readonly string[],
  opts: SpawnOptions = {},
): Promise<Buffer> {
  const r = await spawnCollect(file, args, opts);
  if (r.code !== 0) {
    const where = opts.cwd === undefined ? '' : ` (in ${opts.cwd})`;
    const how = r.code === null ? `was killed (${r.signal ?? 'deadline'})` : `exited ${r.code}`;
    throw new Error(`${file} ${args.join(' ')}${where} ${how}: ${r.stderr.toString('utf8')}`);
  }
  return r.stdout;
}
