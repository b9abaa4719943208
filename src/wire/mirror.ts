// The mirror port over the GOPROXY client: one request per call (the gate's
// retry loop is the only one, so every request is counted and reported once),
// zips downloaded into a work folder and read back for hashes and diffs.
import { createHash } from 'node:crypto';
import type { Clock, Mirror, MirrorInfo } from '../checks/ports.js';
import { openZip } from '../dirhash/index.js';
import { hashGoMod } from '../dirhash/index.js';
import {
  GoproxyClient,
  cachedOnly,
  warmOnce,
  type GoEnv,
  type ProxyEntry,
  type RevInfo,
} from '../goproxy/index.js';
import { ProtocolError, redactUrl } from '../http/index.js';
import type { HttpClient } from '../internal/http.js';
import { mirrorFailure, unreachable } from './failures.js';

/** Files larger than this are not read back for diffs (the diff would be cut anyway). */
export const MAX_DIFF_FILE = 1 << 20;

/** `.info` as the port reports it. */
function infoFound(info: RevInfo): MirrorInfo {
  return { kind: 'found', version: info.Version, time: info.Time, origin: info.Origin };
}

export interface GoproxyMirrorOptions {
  entries: readonly ProxyEntry[];
  env: GoEnv;
  http: HttpClient;
  clock: Clock;
  /** Where downloaded zips go (removed by the caller). */
  workDir: string;
  /** Hosts that serve proxy.golang.org's `/cached-only`; default: proxy.golang.org. */
  cachedOnlyHosts?: readonly string[];
}

/** The mirror port over the GOPROXY client. */
export function goproxyMirror(opts: GoproxyMirrorOptions): Mirror {
  const once = { maxAttempts: 1 };
  const client = new GoproxyClient({
    proxy: opts.entries,
    http: opts.http,
    env: opts.env,
    clock: opts.clock,
    retry: once,
  });
  const first = opts.entries.find((e) => e.url !== 'direct' && e.url !== 'off');
  const cachedBase = first === undefined ? undefined : cachedOnly(first.url, opts.cachedOnlyHosts);
  const cachedClient =
    cachedBase === undefined
      ? undefined
      : new GoproxyClient({
          proxy: [{ url: cachedBase, fallback: 'notfound' }],
          http: opts.http,
          env: opts.env,
          clock: opts.clock,
          retry: once,
        });
  return {
    url: opts.entries
      .map((e) => (e.url === 'direct' || e.url === 'off' ? e.url : redactUrl(e.url)))
      .join(','),
    async cached(path, version) {
      if (cachedClient === undefined) return { kind: 'unsupported' };
      try {
        return infoFound((await cachedClient.info(path, version)).value);
      } catch (e) {
        return mirrorFailure('cached-only lookup', e);
      }
    },
    async warm(path, version) {
      const r = await warmOnce(client, path, version);
      switch (r.status) {
        case 'ready':
          return infoFound(r.info);
        case 'refused':
          return { kind: 'not-found', body: r.body, final: true };
        case 'lag':
          return { kind: 'not-found', body: r.body, final: false };
        case 'error':
          return unreachable('warming', r.error);
      }
    },
    async info(path, version) {
      try {
        return infoFound((await client.info(path, version)).value);
      } catch (e) {
        return mirrorFailure('reading .info', e);
      }
    },
    async mod(path, version) {
      try {
        const data = (await client.mod(path, version)).value;
        return { kind: 'ok', h1: hashGoMod(data), data };
      } catch (e) {
        return mirrorFailure('downloading .mod', e);
      }
    },
    async list(path) {
      try {
        return { kind: 'ok', versions: (await client.list(path)).value.map((v) => v.version) };
      } catch (e) {
        return mirrorFailure('listing versions', e);
      }
    },
    async cachedList(path) {
      if (cachedClient === undefined) return { kind: 'unsupported' };
      try {
        const list = (await cachedClient.list(path)).value;
        return { kind: 'ok', versions: list.map((v) => v.version) };
      } catch (e) {
        return mirrorFailure('cached-only version list', e);
      }
    },
    async zip(path, version) {
      let zipPath: string;
      let h1: string;
      try {
        ({ zipPath, h1 } = (await client.downloadZip(path, version, opts.workDir)).value);
      } catch (e) {
        if (e instanceof ProtocolError) return { kind: 'invalid', reason: e.message };
        return mirrorFailure('downloading .zip', e);
      }
      const prefix = `${path}@${version}/`;
      const files = await zipFileDigests(zipPath, prefix);
      return {
        kind: 'ok',
        h1,
        files,
        readFile: (name) => readZipEntry(zipPath, prefix + name),
      };
    },
  };
}

async function zipFileDigests(zipPath: string, prefix: string): Promise<Map<string, string>> {
  const zip = await openZip(zipPath);
  try {
    const out = new Map<string, string>();
    for (const e of zip.entries) {
      if (!e.name.startsWith(prefix) || e.name.endsWith('/')) continue;
      const h = createHash('sha256');
      for await (const c of await zip.openEntry(e)) h.update(c as Buffer);
      out.set(e.name.slice(prefix.length), h.digest('hex'));
    }
    return out;
  } finally {
    zip.close();
  }
}

async function readZipEntry(zipPath: string, name: string): Promise<Buffer | undefined> {
  const zip = await openZip(zipPath);
  try {
    const e = zip.entries.find((x) => x.name === name);
    if (e === undefined || e.uncompressedSize > MAX_DIFF_FILE) return undefined;
    const chunks: Buffer[] = [];
    for await (const c of await zip.openEntry(e)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  } finally {
    zip.close();
  }
}
