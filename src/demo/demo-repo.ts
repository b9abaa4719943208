// The demo's throwaway repository. Commits get a fixed identity and date so
// the demo prints the same commit hashes on every machine; git runs with the
// same isolation as everywhere else in modseal (no user or system config).
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isolatedGitEnv } from '../git/git-runner.js';

/** Author and committer of every demo commit. */
const IDENTITY = { name: 'Demo Maintainer', email: 'maintainer@example.com' };

/** Runs git in `dir`; rejects with git's stderr when it fails. */
function runGit(
  dir: string,
  args: readonly string[],
  extraEnv: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: dir,
      // isolatedGitEnv drops every GIT_* variable of the caller; the identity
      // and date are added back on top, as ours.
      env: { ...isolatedGitEnv(process.env), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) =>
      reject(new Error(`cannot run git (is it installed and on PATH?): ${e.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8').trim());
      else {
        const msg = Buffer.concat(err).toString('utf8').trim();
        reject(new Error(`git ${args.join(' ')} exited with status ${String(code)}: ${msg}`));
      }
    });
  });
}

/** A git repository the demo writes to. */
export class DemoRepo {
  private constructor(readonly dir: string) {}

  /** Creates an empty repository with branch `main` in `dir` (which must not hold one). */
  static async init(dir: string): Promise<DemoRepo> {
    await mkdir(dir, { recursive: true });
    await runGit(dir, ['init', '--quiet', '--initial-branch=main']);
    return new DemoRepo(dir);
  }

  /** Writes files (path → content) into the work tree. */
  async write(files: Readonly<Record<string, string>>): Promise<void> {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(this.dir, ...name.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  }

  /** Commits every change at `isoDate`; returns the commit hash. */
  async commit(message: string, isoDate: string): Promise<string> {
    const env = {
      GIT_AUTHOR_NAME: IDENTITY.name,
      GIT_AUTHOR_EMAIL: IDENTITY.email,
      GIT_AUTHOR_DATE: isoDate,
      GIT_COMMITTER_NAME: IDENTITY.name,
      GIT_COMMITTER_EMAIL: IDENTITY.email,
      GIT_COMMITTER_DATE: isoDate,
    };
    await runGit(this.dir, ['add', '--all']);
    await runGit(this.dir, ['commit', '--quiet', '--no-verify', '-m', message], env);
    return runGit(this.dir, ['rev-parse', 'HEAD']);
  }

  /** Points lightweight tag `name` at HEAD, replacing it if it exists (what a moved tag is). */
  async tag(name: string): Promise<void> {
    await runGit(this.dir, ['tag', '--force', name, 'HEAD']);
  }
}
