// A TreeFacts description as a git repository for the go command: one commit
// per earlier tag (holding the tree given for it), then the tree being
// linted, tagged with the --next tags (the tags the release would create).
import { createFixtureRepo, type FixtureCommit } from '../support/git-fixture.js';
import type { TreeFacts } from './harness.js';

function files(tree: Record<string, string | Uint8Array>) {
  return Object.entries(tree).map(([path, content]) => ({ path, content }));
}

export async function repoOf(dir: string, facts: TreeFacts): Promise<string[]> {
  const commits: FixtureCommit[] = Object.entries(facts.tags ?? {}).map(([tag, tree]) => ({
    files: files(tree),
    tags: [tag],
  }));
  commits.push({ files: files(facts.files), tags: facts.next ?? [] });
  return (await createFixtureRepo(dir, commits)).commits;
}
