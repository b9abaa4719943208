// Which git attributes apply to a path, as `git archive` would see them,
// answered by git itself: a `git check-attr --stdin -z` process over a
// scratch work tree that holds exactly the `.gitattributes` files of the
// archived commit (same bytes, same places) and a git directory whose
// info/attributes is the archive's. Used to decide whether a file's archived
// bytes are its blob's bytes; nothing here interprets a pattern.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GitCoprocess, type CoprocessOptions } from './git-coprocess.js';

/**
 * Every attribute that can make the bytes `git archive` writes for a file
 * differ from its blob: the ones git's conversion reads (text, eol, crlf,
 * ident, filter, working-tree-encoding) and the archive's own.
 */
const CONTENT_ATTRIBUTES = [
  'text',
  'eol',
  'crlf',
  'ident',
  'filter',
  'working-tree-encoding',
  'export-subst',
  'export-ignore',
] as const;

export type AttributeValues = Record<(typeof CONTENT_ATTRIBUTES)[number], string>;

// The states under which the archive (core.autocrlf=input, core.eol=lf, no
// filter drivers configured) writes the blob's bytes unchanged: git converts
// line endings on the way out only to CRLF, which needs eol=crlf (or
// core.autocrlf=true / core.eol=crlf, which cmd/go does not set). Anything
// else, even what would be harmless, is left to git archive.
const KEEPS_BYTES: AttributeValues = {
  text: 'unspecified|set|unset|auto',
  eol: 'unspecified|unset|lf',
  crlf: 'unspecified|unset|set|input',
  ident: 'unspecified|unset',
  filter: 'unspecified|unset',
  'working-tree-encoding': 'unspecified|unset',
  // cmd/go's info/attributes unsets both for every path.
  'export-subst': 'unset',
  'export-ignore': 'unset',
};

/** Whether `git archive` writes a file with these attributes as its blob's bytes. */
export function keepsBlobBytes(v: AttributeValues): boolean {
  return CONTENT_ATTRIBUTES.every((a) => KEEPS_BYTES[a].split('|').includes(v[a]));
}

interface Pending {
  resolve: (v: AttributeValues) => void;
  reject: (e: Error) => void;
}

const FIELDS = 3 * CONTENT_ATTRIBUTES.length;

export class AttrCheck {
  private readonly proc: GitCoprocess;
  private readonly queue: Pending[] = [];
  private fields: Buffer[] = [];
  private partial: Buffer[] = [];
  private failure?: Error;

  /**
   * `workTree` holds the `.gitattributes` files (see {@link writeAttributesTree});
   * `gitDir` is a repository with the archive's info/attributes.
   */
  constructor(gitDir: string, workTree: string, options: CoprocessOptions = {}) {
    this.proc = new GitCoprocess(
      'git check-attr',
      [
        `--git-dir=${gitDir}`,
        `--work-tree=${workTree}`,
        // As for git archive: the user's default attributes file is not the mirror's.
        '-c',
        'core.attributesFile=/dev/null',
        'check-attr',
        '--stdin',
        '-z',
        ...CONTENT_ATTRIBUTES,
      ],
      workTree,
      options,
    );
    this.proc.stdout.on('data', (c: Buffer) => this.onData(c));
    void this.proc.exited.then((e) => this.fail(new Error(this.proc.describeExit(e))));
  }

  /** The attribute values of `fullPath` (raw bytes, from the repository root). */
  check(fullPath: Buffer): Promise<AttributeValues> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (fullPath.includes(0)) return Promise.reject(new Error('path with a NUL byte'));
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.proc.write(Buffer.concat([fullPath, Buffer.from([0])]));
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('git check-attr was closed'));
    await this.proc.close();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.queue.splice(0)) p.reject(this.failure);
  }

  private onData(chunk: Buffer): void {
    let off = 0;
    for (;;) {
      const nul = chunk.indexOf(0, off);
      if (nul < 0) {
        if (off < chunk.length) this.partial.push(chunk.subarray(off));
        return;
      }
      this.partial.push(chunk.subarray(off, nul));
      this.fields.push(Buffer.concat(this.partial));
      this.partial = [];
      off = nul + 1;
      if (this.fields.length === FIELDS) this.answer();
    }
  }

  private answer(): void {
    const f = this.fields;
    this.fields = [];
    const p = this.queue.shift();
    if (p === undefined) return this.fail(new Error('git check-attr answered nothing asked'));
    const values = {} as AttributeValues;
    for (const [i, a] of CONTENT_ATTRIBUTES.entries()) {
      if (f[3 * i + 1]?.toString('latin1') !== a) {
        p.reject(new Error('git check-attr answered in an unexpected form'));
        return this.fail(new Error('git check-attr answered in an unexpected form'));
      }
      values[a] = f[3 * i + 2]?.toString('latin1') ?? '';
    }
    p.resolve(values);
  }
}

/**
 * Writes each `.gitattributes` (directory from the repository root, raw
 * bytes, and content) under `workTree`, as a checkout would place them.
 */
export async function writeAttributesTree(
  workTree: string,
  files: readonly { dir: Buffer; content: Buffer }[],
): Promise<void> {
  const root = Buffer.from(workTree);
  for (const f of files) {
    // Trees git's fsck would refuse could name a directory outside the scratch tree.
    for (const part of f.dir.length === 0 ? [] : f.dir.toString('latin1').split('/')) {
      if (part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git') {
        throw new Error(`unusual directory name ${JSON.stringify(part)}`);
      }
    }
    const dir = f.dir.length === 0 ? root : Buffer.concat([root, Buffer.from(path.sep), f.dir]);
    await mkdir(dir, { recursive: true });
    await writeFile(Buffer.concat([dir, Buffer.from(`${path.sep}.gitattributes`)]), f.content);
  }
}
