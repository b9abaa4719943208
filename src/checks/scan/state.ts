// The scan's memory between runs (`--state FILE`): per module version the
// commit its tag named and the hashes seen (local rebuild, checksum database,
// mirror), and per checksum database the latest signed tree head verified.
// An unchanged tag is then not rebuilt, the mirror's zip is not downloaded
// again, and each run proves the database's new tree extends the remembered
// one (the tree note seeds the database client's tree cache) and that no
// record changed: every run is also a consistency check of the log.
//
// The file is a versioned JSON document. A file that is not one (damaged,
// another program's, another schema, a newer version) is an input error that
// names the file and the fix, never silently replaced: a scan that forgot
// its state would also forget the tree head it must check against.
import { InputError, errorMessage } from '../../internal/errors.js';
import { compareGoStrings } from '../../internal/go-string.js';
import { checkPath } from '../../module/index.js';
import { compareVersionStrings, isValid } from '../../semver/index.js';
import type { HashPair } from '../types.js';

export const STATE_SCHEMA = 'modseal.scan-state/v1';
const SCHEMA_NAME = 'modseal.scan-state';
const VERSION = 1;

/** What one scan saw of a version. */
export interface VersionState {
  /** The commit the tag named (absent: no tag). */
  commit?: string;
  /** The rebuild of that commit. */
  local?: HashPair;
  /** Go's text when that commit could not become the version (so it is not rebuilt either). */
  localError?: string;
  /** The checksum database's verified record. */
  sumdb?: HashPair;
  /** The mirror's `.zip` and `.mod` hashes, from the last download. */
  mirror?: HashPair;
}

/** A checksum database's signed tree head: `size` records, root `hash` (base64), the signed `note`. */
export interface TreeHead {
  size: number;
  hash: string;
  note: string;
}

export interface ScanState {
  /** Checksum database name (e.g. `sum.golang.org`) → the latest tree head verified. */
  trees: Map<string, TreeHead>;
  /** Module path → version → what was seen. */
  modules: Map<string, Map<string, VersionState>>;
}

export function emptyState(): ScanState {
  return { trees: new Map(), modules: new Map() };
}

/** The remembered entry of a version, if any. */
export function rememberedVersion(
  state: ScanState,
  modulePath: string,
  version: string,
): VersionState | undefined {
  return state.modules.get(modulePath)?.get(version);
}

/** Records what this run saw of a version (replacing the earlier entry). */
export function rememberVersion(
  state: ScanState,
  modulePath: string,
  version: string,
  entry: VersionState,
): void {
  let versions = state.modules.get(modulePath);
  if (versions === undefined) {
    versions = new Map();
    state.modules.set(modulePath, versions);
  }
  versions.set(version, entry);
}

// ---------------------------------------------------------------------------
// Reading.

const H1 = /^h1:[A-Za-z0-9+/]{43}=$/;
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const TREE_HASH = /^[A-Za-z0-9+/]{43}=$/;

type Json = unknown;

class Reader {
  constructor(private readonly file: string) {}

  fail(where: string, what: string): never {
    throw new InputError(
      `${this.file}: ${where} ${what}; the state file is damaged: delete it (the next scan rebuilds every version and remembers again) or pass another --state FILE`,
    );
  }

  object(v: Json, where: string): Record<string, Json> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(where, `must be a JSON object, not ${describe(v)}`);
    }
    return v as Record<string, Json>;
  }

  hashes(v: Json, where: string): HashPair | undefined {
    if (v === undefined) return undefined;
    const o = this.object(v, where);
    const out: HashPair = {};
    for (const [k, h] of Object.entries(o)) {
      if (k !== 'zip' && k !== 'mod') this.fail(`${where}.${k}`, 'is not a field of a hash pair');
      if (typeof h !== 'string' || !H1.test(h)) {
        this.fail(`${where}.${k}`, `must be an h1: hash, not ${describe(h)}`);
      }
      out[k] = h;
    }
    return out;
  }
}

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${v}`;
  return 'an object';
}

function readVersion(r: Reader, v: Json, where: string): VersionState {
  const o = r.object(v, where);
  const out: VersionState = {};
  for (const [k, x] of Object.entries(o)) {
    switch (k) {
      case 'commit':
        if (typeof x !== 'string' || !COMMIT.test(x)) {
          r.fail(`${where}.commit`, `must be a full commit hash, not ${describe(x)}`);
        }
        out.commit = x;
        break;
      case 'localError':
        if (typeof x !== 'string')
          r.fail(`${where}.localError`, `must be a string, not ${describe(x)}`);
        out.localError = x;
        break;
      case 'local':
      case 'sumdb':
      case 'mirror':
        out[k] = r.hashes(x, `${where}.${k}`);
        break;
      default:
        r.fail(`${where}.${k}`, 'is not a field of a version entry');
    }
  }
  return out;
}

function readTree(r: Reader, v: Json, where: string): TreeHead {
  const o = r.object(v, where);
  const { size, hash, note } = o;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    r.fail(`${where}.size`, `must be a record count, not ${describe(size)}`);
  }
  if (typeof hash !== 'string' || !TREE_HASH.test(hash)) {
    r.fail(`${where}.hash`, `must be a base64 SHA-256 tree hash, not ${describe(hash)}`);
  }
  // The note's text is tlog's tree format; it must say the same tree.
  if (typeof note !== 'string' || !note.startsWith(`go.sum database tree\n${size}\n${hash}\n`)) {
    r.fail(`${where}.note`, `must be the signed note of the tree of size ${size} and hash ${hash}`);
  }
  for (const k of Object.keys(o)) {
    if (k !== 'size' && k !== 'hash' && k !== 'note')
      r.fail(`${where}.${k}`, 'is not a field of a tree head');
  }
  return { size, hash, note };
}

/**
 * Reads a state file's text; `file` names it in errors. Throws InputError
 * (one line naming the file and the fix) for anything that is not a state
 * this version of modseal wrote.
 */
export function parseState(text: string, file: string): ScanState {
  const r = new Reader(file);
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch (e) {
    throw new InputError(
      `${file}: not a modseal scan state (not valid JSON: ${errorMessage(e)}); the file is damaged or not a state file: delete it (the next scan rebuilds every version) or pass another --state FILE`,
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError(
      `${file}: not a modseal scan state (the document is ${describe(doc)}, not an object with "schema": "${STATE_SCHEMA}"): pass the file an earlier scan wrote, or delete it`,
    );
  }
  const top = doc as Record<string, Json>;
  const schema = top.schema;
  const m = typeof schema === 'string' ? /^(.*)\/v([0-9]+)$/.exec(schema) : null;
  if (m?.[1] === SCHEMA_NAME && Number(m[2]) > VERSION) {
    throw new InputError(
      `${file}: written by a newer modseal (schema ${String(schema)}; this one reads ${STATE_SCHEMA}): upgrade modseal, or delete the file to start over`,
    );
  }
  if (schema !== STATE_SCHEMA) {
    throw new InputError(
      `${file}: not a modseal scan state (schema ${describe(schema)}, expected "${STATE_SCHEMA}"): pass the file an earlier scan wrote, or delete it`,
    );
  }

  const state = emptyState();
  for (const [k, v] of Object.entries(top)) {
    if (k === 'schema') continue;
    if (k === 'trees') {
      for (const [name, t] of Object.entries(r.object(v, 'trees'))) {
        state.trees.set(name, readTree(r, t, `trees[${JSON.stringify(name)}]`));
      }
    } else if (k === 'modules') {
      for (const [path, versions] of Object.entries(r.object(v, 'modules'))) {
        const where = `modules[${JSON.stringify(path)}]`;
        if (checkPath(path) !== undefined) r.fail(where, 'is not a valid module path');
        const map = new Map<string, VersionState>();
        for (const [version, entry] of Object.entries(r.object(versions, where))) {
          const at = `${where}[${JSON.stringify(version)}]`;
          if (!isValid(version)) r.fail(at, 'is not a semantic version');
          map.set(version, readVersion(r, entry, at));
        }
        state.modules.set(path, map);
      }
    } else {
      r.fail(k, 'is not a field of the state');
    }
  }
  return state;
}

// ---------------------------------------------------------------------------
// Writing.

function pairJson(h: HashPair | undefined): HashPair | undefined {
  if (h === undefined) return undefined;
  const out: HashPair = {};
  if (h.zip !== undefined) out.zip = h.zip;
  if (h.mod !== undefined) out.mod = h.mod;
  return out;
}

/**
 * The state as JSON text, in a stable order (databases and modules by name,
 * versions in semver order), so a cached file changes only where the
 * repository or the services did.
 */
export function serializeState(state: ScanState): string {
  const trees: Record<string, TreeHead> = {};
  for (const name of [...state.trees.keys()].sort(compareGoStrings)) {
    const t = state.trees.get(name) as TreeHead;
    trees[name] = { size: t.size, hash: t.hash, note: t.note };
  }
  const modules: Record<string, Record<string, VersionState>> = {};
  for (const path of [...state.modules.keys()].sort(compareGoStrings)) {
    const versions = state.modules.get(path) as Map<string, VersionState>;
    const out: Record<string, VersionState> = {};
    for (const v of [...versions.keys()].sort(compareVersionStrings)) {
      const e = versions.get(v) as VersionState;
      const entry: VersionState = {};
      if (e.commit !== undefined) entry.commit = e.commit;
      if (e.local !== undefined) entry.local = pairJson(e.local);
      if (e.localError !== undefined) entry.localError = e.localError;
      if (e.sumdb !== undefined) entry.sumdb = pairJson(e.sumdb);
      if (e.mirror !== undefined) entry.mirror = pairJson(e.mirror);
      out[v] = entry;
    }
    modules[path] = out;
  }
  return `${JSON.stringify({ schema: STATE_SCHEMA, trees, modules }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// What to rebuild.

export interface TaggedVersion {
  module: string;
  version: string;
  /** The commit the version's tag names now. */
  commit: string;
}

export interface StateDiff<T extends TaggedVersion> {
  /** No entry, another commit, or nothing remembered of its rebuild. */
  rebuild: T[];
  /** Same commit as remembered: its rebuild (or Go's error) is reused. */
  unchanged: { version: T; remembered: VersionState }[];
}

/**
 * Which tagged versions need a rebuild: those the state does not remember
 * with the same commit and a complete rebuild (both hashes, or Go's error).
 * An unchanged tag is not rebuilt.
 */
export function diffState<T extends TaggedVersion>(
  state: ScanState,
  tagged: Iterable<T>,
): StateDiff<T> {
  const out: StateDiff<T> = { rebuild: [], unchanged: [] };
  for (const t of tagged) {
    const e = rememberedVersion(state, t.module, t.version);
    const complete =
      e?.localError !== undefined || (e?.local?.zip !== undefined && e.local.mod !== undefined);
    if (e !== undefined && e.commit === t.commit && complete) {
      out.unchanged.push({ version: t, remembered: e });
    } else {
      out.rebuild.push(t);
    }
  }
  return out;
}
