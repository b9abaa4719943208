// Bounded concurrency with results in input order, as `go mod verify` runs
// its checks: many independent jobs (versions to hash, modules to look up)
// must not all start at once — each may hold a git process, a socket or a
// file's worth of memory — yet the caller reads the answers as if they had
// been computed one after the other.

/**
 * `fn` over `items` with at most `limit` calls in flight; the results come
 * back in the order of `items`. After the first failure no further item is
 * started, and the returned promise rejects with that failure once the
 * calls already running have settled (so nothing they do outlives the
 * caller's cleanup, and none of their rejections goes unhandled).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R> | R,
): Promise<R[]> {
  if (!(limit >= 1)) throw new RangeError(`mapLimit: limit must be at least 1, not ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  // Workers never reject: a failure is recorded and stops new starts.
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Math.min(Math.floor(limit), items.length);
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
