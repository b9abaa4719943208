// `modseal hash`: the two go.sum lines Go would record for a tagged commit.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { openRepo, type GitRepo } from '../git/index.js';
import { InputError } from '../internal/errors.js';
import {
  buildModule,
  gitCodeHost,
  goSumLines,
  inferModuleFromTag,
  splitTag,
  writeBuiltModuleZip,
  type BuiltModule,
} from '../modfetch/index.js';
import { parseFlags } from './flags.js';
import { EXIT_FAIL, EXIT_INPUT, EXIT_PASS, type Command } from './io.js';

const USAGE = `usage: modseal hash [--repo DIR] --ref REF [--module PATH] [--version VER] [--zip-out FILE] [--json]

Prints the go.sum lines the Go module mirror would record for REF:
  <module> <version> h1:...
  <module> <version>/go.mod h1:...
`;

/** How REF names a commit: a tag (its name) or something else. */
async function resolveRef(
  repo: GitRepo,
  ref: string,
): Promise<{ commit: string; tag: string | undefined }> {
  const { tags, heads } = await repo.refs();
  const bare = ref.replace(/^refs\/tags\//, '');
  const tagCommit = tags.get(bare);
  if (tagCommit !== undefined) return { commit: tagCommit, tag: bare };
  const head = heads.get(ref.replace(/^refs\/heads\//, ''));
  if (head !== undefined) return { commit: head, tag: undefined };
  const any = await repo.resolveAny(ref);
  if (any !== undefined) return { commit: any, tag: undefined };
  const hint = repo.shallow
    ? ': this is a shallow clone without it; run `git fetch --tags` (or use fetch-depth: 0 with actions/checkout)'
    : '';
  throw new InputError(`unknown ref ${JSON.stringify(ref)} in ${repo.dir}${hint}`);
}

export const hashCommand: Command = async (argv, io) => {
  const values = parseFlags(
    'hash',
    USAGE,
    {
      repo: { type: 'string' },
      ref: { type: 'string' },
      module: { type: 'string' },
      version: { type: 'string' },
      'zip-out': { type: 'string' },
      json: { type: 'boolean' },
    },
    argv,
    io,
  );
  if (typeof values === 'number') return values;
  if (values.ref === undefined || values.ref === '') {
    io.stderr(`modseal hash: --ref is required\n\n${USAGE}`);
    return EXIT_INPUT;
  }
  const repo = await openRepo(path.resolve(io.cwd, values.repo ?? '.'));
  const { commit, tag } = await resolveRef(repo, values.ref);
  if (values.version === undefined && (tag === undefined || splitTag(tag).version === undefined)) {
    throw new InputError(
      `${values.ref} is not a semantic-version tag (like v1.2.3 or sub/dir/v1.2.3): pass --version`,
    );
  }
  const probe = gitCodeHost(repo);
  const inferred = await inferModuleFromTag(probe, commit, tag, {
    modulePath: values.module,
    version: values.version,
  });
  const version = inferred.version as string;
  // The version is looked up as Go would (tag codeDir/version); when REF is
  // not that tag, answer for REF as if it were tagged so.
  const tagName = inferred.codeDir === '' ? version : `${inferred.codeDir}/${version}`;
  const pretend = new Map([[tagName.replace(/\+incompatible$/, ''), commit]]);
  const host = gitCodeHost(repo, { pretendTags: pretend });
  const built = await buildModule(host, {
    modulePath: inferred.modulePath,
    codeRoot: inferred.codeRoot,
    query: version,
  });

  if (built.error === undefined && values['zip-out'] !== undefined) {
    const out = createWriteStream(path.resolve(io.cwd, values['zip-out']));
    await writeBuiltModuleZip(repo, host, inferred.codeRoot, built, out);
  }

  if (values.json === true) {
    io.stdout(JSON.stringify(toJson(built), null, 2) + '\n');
    if (built.error !== undefined) io.stderr(built.error + '\n');
  } else if (built.error !== undefined) {
    io.stderr(built.error + '\n');
  } else {
    io.stdout(goSumLines(built).join('\n') + '\n');
  }
  return built.error === undefined ? EXIT_PASS : EXIT_FAIL;
};

function toJson(m: BuiltModule) {
  return {
    module: m.modulePath,
    version: m.version,
    commit: m.commit ?? null,
    time: m.time ?? null,
    dir: m.dir ?? null,
    sum: m.sum ?? null,
    goModSum: m.goModSum ?? null,
    goSum: m.error === undefined ? goSumLines(m) : [],
    files:
      m.files === undefined
        ? null
        : {
            kept: m.files.kept,
            omitted: m.files.omitted,
            invalid: m.files.invalid,
          },
    error: m.error ?? null,
  };
}
