// A caching decorator for the mirror port, as cmd/go's modfetch keeps a
// cachingRepo in front of every proxy: a job over many modules or versions
// (lint, scan) asks for a module's version list and for the `.mod` of a
// version once. Only answers that cannot change within a run are kept: a
// `.mod` once served (a version's go.mod is immutable in the mirror) and a
// version list or its "none". Trouble is never cached, so the retry loop
// still sees every failure, and the questions that may make the mirror
// fetch (warm, info, zip) always go through.
import type { ListAnswer, Mirror, ModAnswer } from '../checks/ports.js';

export function cachingMirror(mirror: Mirror): Mirror {
  const lists = new Map<string, Promise<ListAnswer>>();
  const mods = new Map<string, Promise<ModAnswer>>();
  /** Keeps `answer` under `key` unless it is trouble (then the next call asks again). */
  function remember<T extends { kind: string }>(
    cache: Map<string, Promise<T>>,
    key: string,
    keep: (a: T) => boolean,
    ask: () => Promise<T>,
  ): Promise<T> {
    const known = cache.get(key);
    if (known !== undefined) return known;
    const p = ask();
    cache.set(key, p);
    p.then(
      (a) => {
        if (!keep(a)) cache.delete(key);
      },
      () => cache.delete(key),
    );
    return p;
  }
  const cachedList = mirror.cachedList?.bind(mirror);
  return {
    url: mirror.url,
    ...(mirror.unreachableFix !== undefined ? { unreachableFix: mirror.unreachableFix } : {}),
    cached: (path, version) => mirror.cached(path, version),
    ...(cachedList !== undefined ? { cachedList } : {}),
    warm: (path, version, deadline) => mirror.warm(path, version, deadline),
    info: (path, version) => mirror.info(path, version),
    zip: (path, version) => mirror.zip(path, version),
    list: (path) =>
      remember(
        lists,
        path,
        (a) => a.kind === 'ok' || a.kind === 'not-found',
        () => mirror.list(path),
      ),
    mod: (path, version) =>
      remember(
        mods,
        `${path}@${version}`,
        (a) => a.kind === 'ok',
        () => mirror.mod(path, version),
      ),
  };
}
