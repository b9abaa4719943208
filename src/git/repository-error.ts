// git failing on the user's repository (an object the commit needs is
// missing or unreadable) is the user's repository to repair: an input error
// in git's own words, never mistaken for Go refusing the version.
import { InputError, oneLine } from '../internal/errors.js';

/**
 * git failed on the user's repository: most often an object the commit needs
 * is missing or unreadable (a damaged clone, or a partial clone made with
 * `--filter` that never fetched the file). The message is git's own text on
 * one line; it is an input error, not Go refusing the version.
 */
export class RepositoryError extends InputError {
  override name = 'RepositoryError';
  override readonly code = 'repository';
}

export function repositoryError(what: string, stderr: Buffer, context = ''): RepositoryError {
  const text = (oneLine(stderr.toString('utf8')) || 'failed without a message') + context;
  const missing = /object|blob|cannot read|unable to read|promisor|corrupt|bad file/i.test(text);
  const fix = missing
    ? ': the clone lacks objects of this commit (damaged, or a partial clone made with --filter);' +
      ' check it with `git fsck`, or clone the repository again without --filter'
    : '';
  return new RepositoryError(`git ${what}: ${text}${fix}`);
}

/**
 * `target` (an object of async methods, such as a code host over a GitRepo)
 * with a memory of the first RepositoryError any method threw. Layers that
 * turn every error into Go's text (buildModule), or read a failure as "not
 * there" and move on, lose the difference; the caller asks `failure()`
 * afterwards and reports the repository's trouble instead.
 */
export function watchRepositoryErrors<T extends object>(
  target: T,
): { watched: T; failure: () => RepositoryError | undefined } {
  let first: RepositoryError | undefined;
  const watched = Object.fromEntries(
    Object.entries(target).map(([name, fn]) => [
      name,
      typeof fn !== 'function'
        ? fn
        : async (...args: unknown[]) => {
            try {
              const call = fn as (...a: unknown[]) => Promise<unknown>;
              return await call.apply(target, args);
            } catch (e) {
              if (e instanceof RepositoryError) first ??= e;
              throw e;
            }
          },
    ]),
  ) as T;
  return { watched, failure: () => first };
}
