// TreeFacts descriptions as git repositories for the go command: one commit
// per earlier tag (holding the tree given for it), then the tree being
// linted, tagged with the --next tags (the tags the release would create);
// served together by the loopback git server.
import path from 'node:path';
import { createFixtureRepo, type FixtureCommit } from '../support/git-fixture.js';
import { startGitServer, type GitServer } from '../support/loopback-git-server.js';
import { tempDir } from '../support/temp-dir.js';
import type { TreeFacts } from './harness.js';

function files(tree: Record<string, string | Uint8Array>) {
  return Object.entries(tree).map(([path, content]) => ({ path, content }));
}

async function repoOf(dir: string, facts: TreeFacts): Promise<void> {
  const commits: FixtureCommit[] = Object.entries(facts.tags ?? {}).map(([tag, tree]) => ({
    files: files(tree),
    tags: [tag],
  }));
  commits.push({ files: files(facts.files), tags: facts.next ?? [] });
  await createFixtureRepo(dir, commits);
}

/** Builds one repository per entry and serves each at its root path; the caller closes the server. */
export async function serveFacts(
  repos: readonly { root: string; facts: TreeFacts }[],
): Promise<GitServer> {
  const tmp = await tempDir('modseal-lint-repos-');
  const served: Record<string, string> = {};
  for (const [i, r] of repos.entries()) {
    const dir = path.join(tmp, String(i));
    await repoOf(dir, r.facts);
    served[r.root] = dir;
  }
  return startGitServer(served);
}
