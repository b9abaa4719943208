// The checksum-database port over the verifying client, and where the
// database is asked (its own URL, or through a proxy that supports it).
import type { Sumdb, SumdbAnswer, Unreachable } from '../checks/ports.js';
import { SkippedError, type ProxyEntry } from '../goproxy/index.js';
import type { HttpClient } from '../internal/http.js';
import type { SumdbClient } from '../sumdb/index.js';
import { SumdbError, SumdbHttpError, SumdbNotFoundError, sumdbBaseUrl } from '../sumdb/index.js';
import { unreachable } from './failures.js';

/** Limit of one checksum-database request (the client's default would be the whole deadline). */
export const SUMDB_REQUEST_MS = 60_000;

/** The checksum-database port over the verifying client. */
export function sumdbPort(client: SumdbClient): Sumdb {
  return {
    name: client.name,
    async lookup(path, version): Promise<SumdbAnswer> {
      try {
        const r = await client.lookup(path, version);
        if (r.zipHash === undefined || r.goModHash === undefined) {
          return {
            kind: 'unverifiable',
            reason: `the record for ${path}@${version} lacks an h1 line:\n${r.record}`,
          };
        }
        return { kind: 'found', zipHash: r.zipHash, goModHash: r.goModHash };
      } catch (e) {
        if (e instanceof SumdbNotFoundError) return { kind: 'not-found', body: e.message };
        if (e instanceof SumdbHttpError) return unreachable('checksum database', e);
        if (e instanceof SumdbError) return { kind: 'unverifiable', reason: e.message };
        return unreachable('checksum database', e);
      }
    },
  };
}

/** The base URL to ask the database at, found as the go command finds it; or why not. */
export async function sumdbBase(
  setting: { name: string; url?: string; directUrl: string },
  entries: readonly ProxyEntry[],
  http: HttpClient,
): Promise<string | Unreachable> {
  try {
    return await sumdbBaseUrl(
      setting,
      entries.map((e) => ({ url: e.url, fallBackOnError: e.fallback === 'any' })),
      http,
      SUMDB_REQUEST_MS,
    );
  } catch (e) {
    if (e instanceof SkippedError) return unreachable('checksum database', e);
    return unreachable('finding the checksum database', e);
  }
}
