// When does `git archive` (as cmd/go runs it: core.autocrlf=input,
// core.eol=lf, info/attributes `* -export-subst -export-ignore`) write a
// file's blob bytes unchanged? git itself answers here, through the
// reference listing (GitRepo.listArchive): for plain blobs with any line
// endings, and for each attribute line, the blob-level listing must equal
// the archive's, taking the objects path exactly for the lines that leave
// bytes alone and falling back for the lines that convert.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobReuseRepo } from '../../src/git/blob-reuse-repo.js';
import { openRepo, type GitRepo } from '../../src/git/index.js';
import { git } from '../support/git-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { importRepo, type ImportCommit, type ImportFile } from '../modfetch/tree-hash-fixture.js';

// Contents that any line-ending or keyword conversion would change.
const contents: Record<string, string | Buffer> = {
  'lf.txt': 'one\ntwo\n',
  'crlf.txt': 'one\r\ntwo\r\n',
  'mixed.txt': 'a\nb\r\nc\n',
  'lone-cr.txt': 'a\rb\rc',
  'trailing-cr.txt': 'end\r',
  'nul.bin': Buffer.from([0x61, 0x0d, 0x0a, 0x00, 0x62, 0x0a]),
  'a.go': 'package a\n\nfunc A() {}\n',
  'a.bat': 'echo one\necho two\n',
  'utf16.txt': Buffer.from('\ufeffline\r\n', 'utf16le'),
  'keywords.txt': '$Id$\n$Format:%H$\n',
  'deep/d.txt': 'deep\n',
  'empty.txt': '',
};

/** Attribute lines, and whether git archive keeps every blob's bytes under them. */
const lines: [string, 'objects' | 'attributes'][] = [
  ['* text', 'objects'],
  ['* -text', 'objects'],
  ['* text=auto', 'objects'],
  ['* text=auto eol=lf', 'objects'],
  ['* text eol=lf', 'objects'],
  ['* eol=lf', 'objects'],
  ['* -eol', 'objects'],
  ['* crlf', 'objects'],
  ['* -crlf', 'objects'],
  ['* crlf=input', 'objects'],
  ['* binary', 'objects'],
  ['* export-subst', 'objects'],
  ['* export-ignore', 'objects'],
  ['*.{bat,[bB][aA][tT]} text eol=crlf', 'objects'],
  ['deep/ eol=crlf', 'objects'],
  ['* text=auto eol=crlf', 'attributes'],
  ['* eol=crlf', 'attributes'],
  ['*.bat text eol=crlf', 'attributes'],
  ['**/deep/** eol=crlf', 'attributes'],
  ['* ident', 'attributes'],
  ['* working-tree-encoding=UTF-16LE', 'attributes'],
  ['* filter=lfs', 'attributes'],
  ['[attr]windows text eol=crlf\n*.txt windows', 'attributes'],
];

let dir: string;
let reference: GitRepo;
let repo: BlobReuseRepo;
let commits: string[];

const files = (): ImportFile[] =>
  Object.entries(contents).map(([p, content]) => ({ path: p, content }));

beforeAll(async () => {
  dir = path.join(await tempDir('modseal-blobattr-'), 'repo');
  const history: ImportCommit[] = [
    { files: files() },
    ...lines.map(([l]) => ({ files: [...files(), { path: '.gitattributes', content: l + '\n' }] })),
  ];
  commits = await importRepo(dir, history);
  reference = await openRepo(dir);
  repo = await BlobReuseRepo.open(dir);
});
afterAll(async () => repo?.close());

async function blobSha(commit: string, p: string): Promise<string> {
  const bytes = await git(dir, ['cat-file', 'blob', `${commit}:${p}`]);
  return createHash('sha256').update(bytes).digest('hex');
}

describe('git archive as cmd/go runs it', () => {
  it('writes the blob bytes of files without attributes, whatever their line endings', async () => {
    const c = commits[0] as string;
    const listing = await reference.listArchive(c, '');
    expect(listing.files.map((f) => f.path).sort()).toEqual(Object.keys(contents).sort());
    for (const f of listing.files) {
      expect({ path: f.path, sha256: f.sha256.toString('hex') }).toEqual({
        path: f.path,
        sha256: await blobSha(c, f.path),
      });
    }
    expect(await repo.listArchive(c, '')).toEqual(listing);
  });

  for (const [i, [line, route]] of lines.entries()) {
    it(`${JSON.stringify(line)}: ${route === 'objects' ? 'blob bytes, listed from objects' : 'converted, left to git archive'}`, async () => {
      const c = commits[i + 1] as string;
      const before = repo.stats();
      const listing = await reference.listArchive(c, '');
      expect(await repo.listArchive(c, '')).toEqual(listing);
      const after = repo.stats();
      if (route === 'objects') {
        expect(after.fromObjects).toBe(before.fromObjects + 1);
      } else {
        expect(after.fallbackReasons.attributes ?? 0).toBe(
          (before.fallbackReasons.attributes ?? 0) + 1,
        );
      }
      // Which files git wrote as their blob's bytes.
      const changed: string[] = [];
      for (const f of listing.files) {
        if (f.sha256.toString('hex') !== (await blobSha(c, f.path))) changed.push(f.path);
      }
      if (route === 'objects') expect(changed).toEqual([]);
      // filter=lfs without a configured driver converts nothing: a fallback
      // that costs time, never a wrong answer.
      else if (!line.includes('filter=')) expect(changed).not.toEqual([]);
    });
  }
});
