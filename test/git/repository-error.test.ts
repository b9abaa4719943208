// watchRepositoryErrors remembers git's failure even when the layer above
// swallows it or words it as something else.
import { describe, expect, it } from 'vitest';
import { RepositoryError, watchRepositoryErrors } from '../../src/git/index.js';

describe('watchRepositoryErrors', () => {
  it('keeps the first RepositoryError, passes everything through unchanged', async () => {
    const damaged = new RepositoryError('git cat-file: fatal: bad file');
    const host = {
      name: 'host',
      ok: (x: number) => Promise.resolve(x + 1),
      other: () => Promise.reject(new Error('not found')),
      broken: () => Promise.reject(damaged),
      later: () => Promise.reject(new RepositoryError('second')),
    };
    const { watched, failure } = watchRepositoryErrors(host);
    expect(watched.name).toBe('host');
    expect(await watched.ok(1)).toBe(2);
    await expect(watched.other()).rejects.toThrow('not found');
    expect(failure()).toBeUndefined();
    // A caller that reads the failure as "not there" and moves on.
    const swallowed = await watched.broken().catch(() => undefined);
    expect(swallowed).toBeUndefined();
    await expect(watched.later()).rejects.toThrow('second');
    expect(failure()).toBe(damaged);
  });
});
