// Fake ports for the release gate: scripted answers plus a log of every call,
// so tests can assert both the verdict and what was (not) asked of the mirror.
import { createHash } from 'node:crypto';
import type {
  CachedAnswer,
  Clock,
  ListAnswer,
  LocalModule,
  Logger,
  Mirror,
  MirrorInfo,
  MirrorNotFound,
  ModAnswer,
  ReleasePorts,
  Sumdb,
  SumdbAnswer,
  Unreachable,
  WarmAnswer,
  ZipAnswer,
} from '../../src/checks/ports.js';

export const COMMIT = '1111111111111111111111111111111111111111';
export const OTHER_COMMIT = '2222222222222222222222222222222222222222';

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A file set as the ports describe one: name → sha256, plus the bytes. */
export function fileSet(files: Record<string, string>): {
  files: Map<string, string>;
  readFile: (name: string) => Promise<Buffer | undefined>;
} {
  const bufs = new Map(Object.entries(files).map(([n, t]) => [n, Buffer.from(t)]));
  return {
    files: new Map([...bufs].map(([n, b]) => [n, sha256(b)])),
    readFile: (name) => Promise.resolve(bufs.get(name)),
  };
}

export const LOCAL_FILES = {
  'go.mod': 'module example.com/m\n\ngo 1.19\n',
  'm.go': 'package m\n\nconst V = 2\n',
  'new.go': 'package m\n',
};
export const MIRROR_FILES = {
  'go.mod': 'module example.com/m\n\ngo 1.19\n',
  'm.go': 'package m\n\nconst V = 1\n',
  'old.go': 'package m\n',
};

// The h1 strings below are opaque labels: the gate only compares them.
export const H = {
  localZip: 'h1:LOCALZIP=',
  localMod: 'h1:LOCALMOD=',
  otherZip: 'h1:OTHERZIP=',
  otherMod: 'h1:OTHERMOD=',
  thirdZip: 'h1:THIRDZIP=',
};

export function localModule(over: Partial<LocalModule> = {}): LocalModule {
  const set = fileSet(LOCAL_FILES);
  return {
    modulePath: 'example.com/m',
    declaredModulePath: 'example.com/m',
    version: 'v1.2.3',
    tag: 'v1.2.3',
    tagRef: 'refs/tags/v1.2.3',
    commit: COMMIT,
    goModPath: 'go.mod',
    moduleLine: { line: 1, column: 1 },
    sum: H.localZip,
    goModSum: H.localMod,
    zipFiles: set.files,
    readFile: set.readFile,
    goMod: Buffer.from(LOCAL_FILES['go.mod']),
    retractions: [],
    ...over,
  };
}

export interface Call {
  op: 'cached' | 'warm' | 'info' | 'mod' | 'zip' | 'lookup' | 'list';
  path: string;
  version: string;
}

export class FakeClock implements Clock {
  t = 1_000_000;
  sleeps: number[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  }
}

export const quietLogger: Logger = { info: () => undefined, debug: () => undefined };

export interface MirrorScript {
  cached?: CachedAnswer;
  /** Answers in order; the last one repeats. */
  warm?: WarmAnswer[];
  /** Plain `.info` (a version the list names); default: found, with the version asked for. */
  info?: MirrorInfo | MirrorNotFound | Unreachable;
  /** `.mod` of the version being released. */
  mod?: ModAnswer;
  /** `.mod` by version (bytes as text, or a full answer); other versions get `mod`. */
  mods?: Record<string, ModAnswer | string>;
  zip?: ZipAnswer | 'throw';
  /** `@v/list`; default: empty. */
  list?: ListAnswer | 'throw';
}

/** A `.mod` answer with these bytes (the h1 label is not looked at for other versions). */
export function modOk(text: string, h1 = H.otherMod): ModAnswer {
  return { kind: 'ok', h1, data: Buffer.from(text) };
}

export function fakeMirror(script: MirrorScript, calls: Call[]): Mirror {
  const warm = [...(script.warm ?? [{ kind: 'found', version: 'v1.2.3' }])];
  return {
    url: 'https://proxy.example',
    cached: (path, version) => {
      calls.push({ op: 'cached', path, version });
      return Promise.resolve(script.cached ?? { kind: 'not-found', body: 'not found' });
    },
    warm: (path, version) => {
      calls.push({ op: 'warm', path, version });
      const next = warm.length > 1 ? warm.shift() : warm[0];
      return Promise.resolve(next ?? { kind: 'unreachable', reason: 'script empty' });
    },
    info: (path, version) => {
      calls.push({ op: 'info', path, version });
      return Promise.resolve(script.info ?? { kind: 'found', version });
    },
    mod: (path, version) => {
      calls.push({ op: 'mod', path, version });
      const other = script.mods?.[version];
      if (typeof other === 'string') return Promise.resolve(modOk(other));
      if (other !== undefined) return Promise.resolve(other);
      return Promise.resolve(script.mod ?? modOk(LOCAL_FILES['go.mod'], H.localMod));
    },
    list: (path) => {
      calls.push({ op: 'list', path, version: '' });
      if (script.list === 'throw') return Promise.reject(new Error('connection reset'));
      return Promise.resolve(script.list ?? { kind: 'ok', versions: [] });
    },
    zip: (path, version) => {
      calls.push({ op: 'zip', path, version });
      if (script.zip === 'throw') return Promise.reject(new Error('socket hang up'));
      return Promise.resolve(script.zip ?? { kind: 'ok', h1: H.localZip, ...fileSet(LOCAL_FILES) });
    },
  };
}

export function fakeSumdb(answers: SumdbAnswer[], calls: Call[]): Sumdb {
  const queue = [...answers];
  return {
    name: 'sum.example',
    lookup: (path, version) => {
      calls.push({ op: 'lookup', path, version });
      const next = queue.length > 1 ? queue.shift() : queue[0];
      return Promise.resolve(next ?? { kind: 'unreachable', reason: 'script empty' });
    },
  };
}

export const sumdbAgrees: SumdbAnswer = {
  kind: 'found',
  zipHash: H.localZip,
  goModHash: H.localMod,
};

export function ports(
  local: LocalModule,
  mirror: MirrorScript | undefined,
  sumdb: SumdbAnswer[] | undefined,
  calls: Call[],
  clock = new FakeClock(),
): ReleasePorts {
  const m = mirror && fakeMirror(mirror, calls);
  const d = sumdb && fakeSumdb(sumdb, calls);
  return {
    local: { build: () => Promise.resolve(local) },
    mirrorFor: () =>
      Promise.resolve(m ? { kind: 'on', port: m } : { kind: 'off', reason: 'GOPROXY=off' }),
    sumdbFor: () =>
      Promise.resolve(d ? { kind: 'on', port: d } : { kind: 'off', reason: 'GOSUMDB=off' }),
    clock,
    logger: quietLogger,
  };
}
