// "Publishing" a tagged version the way the first `go get` through the
// mirror does: the mirror keeps `.info`, `.mod` and the zip built from the
// tag as it is now, and the checksum database records the go.sum lines.
// modseal's own zip writer makes the zip; this is a demo, not a test oracle.
import { Writable } from 'node:stream';
import { openRepo } from '../git/index.js';
import {
  buildModule,
  gitCodeHost,
  goSumLines,
  inferModuleFromTag,
  writeBuiltModuleZip,
} from '../modfetch/index.js';
import type { MemoryMirrorStore } from '../goproxy/server.js';
import type { ChecksumDatabase } from '../sumdb/server.js';

/** What a first fetch of the tag produced. */
export interface PublishedModule {
  modulePath: string;
  version: string;
  commit: string;
  /** The go.sum lines, zip line first. */
  goSum: string[];
}

/** Publishes `tag` of the repository in `repoDir` to the mirror store and the database. */
export async function publishTag(
  repoDir: string,
  tag: string,
  originUrl: string,
  mirror: MemoryMirrorStore,
  sumdb: ChecksumDatabase,
): Promise<PublishedModule> {
  const repo = await openRepo(repoDir);
  const { tags } = await repo.refs();
  const commit = tags.get(tag);
  if (commit === undefined) throw new Error(`tag ${tag} does not exist in ${repoDir}`);
  const host = gitCodeHost(repo);
  const inferred = await inferModuleFromTag(host, commit, tag);
  const built = await buildModule(host, {
    modulePath: inferred.modulePath,
    codeRoot: inferred.codeRoot,
    query: tag,
  });
  if (built.error !== undefined || built.goMod === undefined || built.commit === undefined) {
    throw new Error(`cannot build ${inferred.modulePath}@${tag}: ${built.error ?? 'no go.mod'}`);
  }
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeBuiltModuleZip(repo, host, inferred.codeRoot, built, sink);

  // The .info proxy.golang.org serves today: version, commit time, and
  // where the bytes came from.
  const info = {
    Version: built.version,
    Time: built.time,
    Origin: { VCS: 'git', URL: originUrl, Ref: `refs/tags/${tag}`, Hash: built.commit },
  };
  mirror.publish(built.modulePath, built.version, {
    info: JSON.stringify(info),
    mod: built.goMod,
    zip: Buffer.concat(chunks),
  });
  const goSum = goSumLines(built);
  await sumdb.add(built.modulePath, built.version, goSum.map((l) => `${l}\n`).join(''));
  return { modulePath: built.modulePath, version: built.version, commit: built.commit, goSum };
}
