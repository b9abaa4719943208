// Writing the module zip (`--zip-out`): a second streaming pass over the same
// `git archive`, feeding each kept file to createZip as the archive reaches
// it, so no file content is held in memory or spooled to disk.
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { GitRepo } from '../git/git-repo.js';
import { createZip, type ZipSourceFile } from '../modzip/index.js';
import type { BuiltModule } from './build-module.js';
import type { CodeHost } from './code-host.js';
import { CodeRepo, type ZipListing } from './code-repo.js';

/**
 * Writes the zip of module `modulePath@version` from `listing` (made by
 * CodeRepo.zipFiles for `commit`) to `out`. Rejects with Go's create-zip
 * errors.
 */
export async function writeModuleZip(
  repo: GitRepo,
  commit: string,
  listing: ZipListing,
  m: { path: string; version: string },
  valid: ReadonlySet<string>,
  out: NodeJS.WritableStream,
): Promise<void> {
  // Archive members are matched to sources by position in the archive.
  const waiting = new Map<
    number,
    { stream?: PassThrough; opened: Promise<PassThrough | undefined> }
  >();
  const openers = new Map<number, (s: PassThrough | undefined) => void>();
  let aborted = false;
  const archiveCount = listing.files.filter((f) => f.raw === undefined).length;

  const sources: ZipSourceFile[] = listing.files.map((f, i) => {
    const fixed =
      f.raw ?? (f.path === 'go.mod' && f.kind === 'regular' ? listing.goMod : undefined);
    return {
      path: f.path,
      kind: f.kind,
      size: f.size,
      open: () => {
        if (fixed !== undefined) return Promise.resolve(fixed);
        const pt = new PassThrough();
        openers.get(i)?.(pt);
        return Promise.resolve(pt);
      },
    };
  });
  for (let i = 0; i < archiveCount; i++) {
    const f = listing.files[i];
    // Only files createZip will open may be waited for, or both sides stall.
    if (f === undefined || f.kind !== 'regular' || !valid.has(f.path)) continue;
    if (f.path === 'go.mod' && listing.goMod !== undefined) continue;
    waiting.set(i, {
      opened: new Promise((resolve) => openers.set(i, resolve)),
    });
  }

  const feed = async () => {
    let index = 0;
    await repo.archive(commit, listing.dir, async (member) => {
      const i = index++;
      const w = waiting.get(i);
      if (w === undefined || aborted) return;
      // Files the zip leaves out are never opened; createZip settles first.
      const pt = await w.opened;
      if (pt === undefined) return;
      for await (const chunk of member.body()) {
        if (aborted) return;
        if (!pt.write(chunk)) await Promise.race([once(pt, 'drain'), zipDone]);
      }
      pt.end();
    });
  };

  let settle = () => undefined as void;
  const zipDone = new Promise<void>((resolve) => (settle = resolve));
  const zip = createZip(out, m, sources).finally(() => {
    aborted = true;
    settle();
    for (const open of openers.values()) open(undefined);
  });
  await Promise.all([zip, feed()]);
}

/**
 * Writes the zip of a module `buildModule` built without error, listing the
 * archive again (a listing is not kept in memory between the two passes).
 */
export async function writeBuiltModuleZip(
  repo: GitRepo,
  host: CodeHost,
  codeRoot: string,
  built: BuiltModule,
  out: NodeJS.WritableStream,
): Promise<void> {
  if (built.error !== undefined || built.commit === undefined) {
    throw new Error(
      `no zip for ${built.modulePath}@${built.version}: ${built.error ?? 'no commit'}`,
    );
  }
  const code = new CodeRepo(host, codeRoot, built.modulePath);
  const listing = await code.zipFiles(built.version);
  const valid = new Set((built.files?.kept ?? []).map((f) => f.path));
  await writeModuleZip(
    repo,
    built.commit,
    listing,
    { path: built.modulePath, version: built.version },
    valid,
    out,
  );
}
