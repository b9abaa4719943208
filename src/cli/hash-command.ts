// `modseal hash`: the two go.sum lines Go would record for a tagged commit.
import path from 'node:path';
import { openRepo, watchRepositoryErrors, type GitRepo } from '../git/index.js';
import { InputError } from '../internal/errors.js';
import {
  buildModule,
  gitCodeHost,
  goSumLines,
  inferModuleFromTag,
  writeBuiltModuleZip,
  type BuiltModule,
} from '../modfetch/index.js';
import * as semver from '../semver/index.js';
import { tagName, versionTag } from '../wire/index.js';
import { parseFlags, UsageError } from './flags.js';
import { EXIT_FAIL, EXIT_PASS, type Command } from './io.js';
import { openOutputFile, type OutputFile } from './output-file.js';

const USAGE = `usage: modseal hash [--repo DIR] (--tag TAG | --ref REF) [--module PATH] [--version VER]
                    [--zip-out FILE] [--json]

Prints the go.sum lines the Go module mirror would record for a tag:
  <module> <version> h1:...
  <module> <version>/go.mod h1:...
The module path and version come from the tag and go.mod, as the go command
reads them; if Go would refuse the version or the zip, Go's text is printed.

flags:
  --repo DIR       the git clone to read (default: the current folder); never changed
  --tag TAG        the version tag to hash: v1.2.3, or sub/dir/v1.2.3 for the module in sub/dir
  --ref REF        a branch or commit instead of a tag (or a tag, as --tag takes it);
                   give --version unless REF is a version tag
  --version VER    answer as if the commit were tagged VER: a canonical version like
                   v1.2.3 or v2.0.0+incompatible
  --module PATH    the module path, for a commit without go.mod (a +incompatible release)
  --zip-out FILE   also write the module zip, byte for byte as the mirror would serve it;
                   FILE's folder must exist, and FILE is replaced only by a complete zip
  --json           one JSON document on stdout (with "error" when the input is wrong)
  -h, --help       this help

exit status: 0 hashed, 1 Go refuses the version or the zip, 2 usage or input
error, 130/143 interrupted
`;

/** What people type for these flags, and what they mean here. */
const ALIASES = {
  'working-directory': 'repo',
  dir: 'repo',
  out: 'zip-out',
  output: 'zip-out',
  'module-path': 'module',
};

/**
 * `--version` as the user gave it, if it is what Go would publish: canonical
 * (`v1.2.3`, never `1.2.3`, `v1.2` or `v1.2.3+meta`), with `+incompatible`
 * the only build suffix. Otherwise an InputError suggesting the canonical form.
 */
export function checkVersionFlag(value: string): string {
  const inc = value.endsWith('+incompatible') ? '+incompatible' : '';
  const base = value.slice(0, value.length - inc.length);
  if (semver.isValid(base) && semver.canonical(base) === base) return value;
  const withV = 'v' + base.replace(/^[vV]/, '');
  const guess = semver.isValid(withV) ? semver.canonical(withV) + inc : undefined;
  throw new InputError(
    `--version ${JSON.stringify(value)} is not a canonical module version` +
      (guess === undefined ? ' (like v1.2.3)' : `: did you mean ${guess}?`),
  );
}

function shallowHint(repo: GitRepo): string {
  return repo.shallow
    ? ': this is a shallow clone without it; run `git fetch --tags` (or use fetch-depth: 0 with actions/checkout)'
    : '';
}

/** How the flags name a commit: `--tag` a tag only, `--ref` a tag or anything git resolves. */
async function resolveCommit(
  repo: GitRepo,
  flag: '--tag' | '--ref',
  name: string,
): Promise<{ commit: string; tag: string | undefined }> {
  const { tags, heads } = await repo.refs();
  const bare = tagName(name);
  const tagCommit = tags.get(bare);
  if (tagCommit !== undefined) return { commit: tagCommit, tag: bare };
  const head = heads.get(name.replace(/^refs\/heads\//, ''));
  const any = head ?? (await repo.resolveAny(name));
  if (flag === '--tag') {
    if (any !== undefined) {
      throw new InputError(
        `${JSON.stringify(name)} is not a tag in ${repo.dir}: for a branch or commit use --ref ${name} --version VER`,
      );
    }
    throw new InputError(`no tag ${JSON.stringify(name)} in ${repo.dir}${shallowHint(repo)}`);
  }
  if (any !== undefined) return { commit: any, tag: undefined };
  throw new InputError(`unknown ref ${JSON.stringify(name)} in ${repo.dir}${shallowHint(repo)}`);
}

export const hashCommand: Command = async (argv, io) => {
  const values = parseFlags(
    'hash',
    USAGE,
    {
      repo: { type: 'string' },
      tag: { type: 'string' },
      ref: { type: 'string' },
      module: { type: 'string' },
      version: { type: 'string' },
      'zip-out': { type: 'string' },
      json: { type: 'boolean' },
    },
    argv,
    io,
    ALIASES,
  );
  if (typeof values === 'number') return values;
  if (values.tag !== undefined && values.ref !== undefined) {
    throw new UsageError('give --tag or --ref, not both', 'hash');
  }
  const flag = values.tag !== undefined ? '--tag' : '--ref';
  const name = values.tag ?? values.ref;
  if (name === undefined || name === '') {
    throw new UsageError('name the commit to hash with --tag TAG (or --ref REF)', 'hash');
  }
  if (values.version !== undefined) checkVersionFlag(values.version);
  // Output paths are checked before any work: a typo costs one line, not a run.
  let zipOut: OutputFile | undefined;
  if (values['zip-out'] !== undefined) {
    zipOut = await openOutputFile('--zip-out', values['zip-out'], io.cwd);
  }
  try {
    const repo = await openRepo(path.resolve(io.cwd, values.repo ?? '.'));
    const { commit, tag } = await resolveCommit(repo, flag, name);
    if (values.version === undefined && (tag === undefined || !versionTag(tag, commit))) {
      throw new InputError(
        `${name} is not a semantic-version tag (like v1.2.3 or sub/dir/v1.2.3): pass --version`,
      );
    }
    // buildModule words every failure as Go would (exit 1); a clone that
    // lacks an object is not Go refusing the version but the user's
    // repository to repair, so git's failures are watched for.
    const probe = watchRepositoryErrors(gitCodeHost(repo));
    const inferred = await inferModuleFromTag(probe.watched, commit, tag, {
      modulePath: values.module,
      version: values.version,
    });
    const version = inferred.version as string;
    // The version is looked up as Go would (tag codeDir/version); when REF is
    // not that tag, answer for REF as if it were tagged so.
    const asTag = inferred.codeDir === '' ? version : `${inferred.codeDir}/${version}`;
    const pretend = new Map([[asTag.replace(/\+incompatible$/, ''), commit]]);
    const code = watchRepositoryErrors(gitCodeHost(repo, { pretendTags: pretend }));
    const built = await buildModule(code.watched, {
      modulePath: inferred.modulePath,
      codeRoot: inferred.codeRoot,
      query: version,
    });
    const gitFailure = probe.failure() ?? code.failure();
    if (gitFailure !== undefined) throw gitFailure;

    if (built.error === undefined && zipOut !== undefined) {
      await writeBuiltModuleZip(repo, code.watched, inferred.codeRoot, built, zipOut.stream);
      await zipOut.commit();
      zipOut = undefined;
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
  } finally {
    // Nothing was written, or writing failed: the target is left as it was.
    await zipOut?.discard();
  }
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
