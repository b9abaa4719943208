// The scan's state file: what it remembers survives a write and a read, an
// unchanged tag is not rebuilt, and anything that is not a state this
// modseal wrote is an input error naming the file and the fix. The tree head
// is a genuine sum.golang.org signed tree head (test/vectors/sumdb).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  diffState,
  emptyState,
  parseState,
  rememberVersion,
  rememberedVersion,
  serializeState,
  STATE_SCHEMA,
  type ScanState,
} from '../../src/checks/scan/state.js';
import { InputError } from '../../src/internal/errors.js';

const vectors = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../vectors/sumdb/vectors.json'), 'utf8'),
) as {
  note: {
    realSumGolangOrgCheckpoint: {
      message: string;
      expect: { treeSize: number; treeHashB64: string };
    };
  };
};
const real = vectors.note.realSumGolangOrgCheckpoint;

const h = (c: string): string => `h1:${c.repeat(43)}=`;
const C1 = '1111111111111111111111111111111111111111';
const C2 = '2222222222222222222222222222222222222222';
const FILE = '.modseal/scan-state.json';

function sample(): ScanState {
  const s = emptyState();
  s.trees.set('sum.golang.org', {
    size: real.expect.treeSize,
    hash: real.expect.treeHashB64,
    note: real.message,
  });
  // Inserted out of order: the file is written in a stable order.
  rememberVersion(s, 'example.com/m/v2', 'v2.0.0', {
    commit: C2,
    local: { zip: h('B'), mod: h('b') },
  });
  rememberVersion(s, 'example.com/m', 'v1.10.0', {
    commit: C1,
    local: { zip: h('A'), mod: h('a') },
    sumdb: { zip: h('A'), mod: h('a') },
    mirror: { zip: h('A'), mod: h('a') },
  });
  rememberVersion(s, 'example.com/m', 'v1.9.0', { commit: C1, localError: 'zip file too large' });
  rememberVersion(s, 'example.com/m', 'v1.2.0', { sumdb: { zip: h('C'), mod: h('c') } });
  return s;
}

/** Expects an InputError naming the file and saying what to do. */
function rejects(text: string, ...words: string[]): void {
  let err: unknown;
  try {
    parseState(text, FILE);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  const msg = (err as Error).message;
  expect(msg.startsWith(`${FILE}: `)).toBe(true);
  expect(msg).not.toContain('\n');
  expect(msg).toMatch(/delete|upgrade/);
  for (const w of words) expect(msg).toContain(w);
}

describe('state file', () => {
  it('round-trips, byte for byte on a second write', () => {
    const s = sample();
    const text = serializeState(s);
    const back = parseState(text, FILE);
    expect(back).toEqual(s);
    expect(serializeState(back)).toBe(text);
    const doc = JSON.parse(text) as {
      schema: string;
      modules: Record<string, Record<string, unknown>>;
    };
    expect(doc.schema).toBe(STATE_SCHEMA);
    expect(Object.keys(doc.modules)).toEqual(['example.com/m', 'example.com/m/v2']);
    // Semver order, not string order.
    expect(Object.keys(doc.modules['example.com/m']!)).toEqual(['v1.2.0', 'v1.9.0', 'v1.10.0']);
    expect(rememberedVersion(back, 'example.com/m', 'v1.9.0')?.localError).toBe(
      'zip file too large',
    );
    expect(back.trees.get('sum.golang.org')?.note).toBe(real.message);
  });

  it('an empty state round-trips', () => {
    expect(parseState(serializeState(emptyState()), FILE)).toEqual(emptyState());
  });

  it('rejects a damaged or truncated file', () => {
    const text = serializeState(sample());
    rejects(text.slice(0, Math.floor(text.length / 2)), 'not valid JSON');
    rejects('', 'not valid JSON');
    rejects('null', 'not a modseal scan state');
    rejects('[]', 'not a modseal scan state');
  });

  it("rejects another program's file or another schema", () => {
    rejects('{}', 'not a modseal scan state');
    rejects(
      '{"schema": "modseal.release-report/v1", "verdict": "pass"}',
      'modseal.release-report/v1',
    );
    rejects('{"schema": "modseal.scan-state/v0"}', 'modseal.scan-state/v0');
    rejects('{"schema": 1}', 'not a modseal scan state');
  });

  it('rejects a state written by a newer modseal', () => {
    rejects('{"schema": "modseal.scan-state/v2", "modules": {}}', 'newer modseal', 'upgrade');
    rejects('{"schema": "modseal.scan-state/v10"}', 'newer modseal');
  });

  it('rejects wrong types and unknown fields, naming where', () => {
    interface Doc {
      modules: Record<string, Record<string, Record<string, unknown> & { local?: unknown }>>;
      trees: Record<string, Record<string, unknown>>;
      [k: string]: unknown;
    }
    const mutate = (fn: (d: Doc) => void): string => {
      const d = JSON.parse(serializeState(sample())) as Doc;
      fn(d);
      return JSON.stringify(d);
    };
    rejects(
      mutate((d) => (d.modules['example.com/m']!['v1.10.0']!.commit = 42)),
      '"v1.10.0"',
      'commit',
    );
    rejects(
      mutate((d) => (d.modules['example.com/m']!['v1.10.0']!.commit = 'abc')),
      'commit',
    );
    rejects(
      mutate((d) => (d.modules['example.com/m']!['v1.10.0']!.local = { zip: 'sha256:x' })),
      'local.zip',
    );
    rejects(
      mutate((d) => (d.modules['example.com/m']!['v1.10.0']!.local = [h('A')])),
      'local',
    );
    rejects(
      mutate((d) => (d.modules['example.com/m']!['v1.10.0']!.extra = true)),
      'extra',
    );
    rejects(
      mutate((d) => (d.modules['example.com/m']!['not-a-version'] = {})),
      'not-a-version',
    );
    rejects(
      mutate((d) => (d.modules['Example.com/M m'] = {})),
      'module path',
    );
    rejects(
      mutate((d) => (d.modules = [] as unknown as Doc['modules'])),
      'modules',
    );
    rejects(
      mutate((d) => (d.trees['sum.golang.org']!.size = -1)),
      'size',
    );
    rejects(
      mutate((d) => (d.trees['sum.golang.org']!.size = '1514086')),
      'size',
    );
    rejects(
      mutate((d) => (d.trees['sum.golang.org']!.hash = 'abc')),
      'hash',
    );
    // The note must be the signed note of the very tree it is stored with.
    rejects(
      mutate((d) => (d.trees['sum.golang.org']!.size = 1514085)),
      'note',
    );
    rejects(
      mutate((d) => (d.unexpected = {})),
      'unexpected',
    );
  });
});

describe('diffState', () => {
  const s = sample();

  it('rebuilds what changed or was never seen, reuses what did not change', () => {
    const tagged = [
      { module: 'example.com/m', version: 'v1.10.0', commit: C1 }, // same commit, hashes known
      { module: 'example.com/m', version: 'v1.9.0', commit: C1 }, // same commit, Go's error known
      { module: 'example.com/m/v2', version: 'v2.0.0', commit: C1 }, // the tag moved
      { module: 'example.com/m', version: 'v1.2.0', commit: C1 }, // remembered without a rebuild
      { module: 'example.com/m', version: 'v1.11.0', commit: C2 }, // new
      { module: 'example.com/other', version: 'v0.1.0', commit: C2 }, // new module
    ];
    const d = diffState(s, tagged);
    expect(d.unchanged.map((u) => u.version.version)).toEqual(['v1.10.0', 'v1.9.0']);
    expect(d.unchanged[0]?.remembered.local).toEqual({ zip: h('A'), mod: h('a') });
    expect(d.rebuild.map((t) => `${t.module}@${t.version}`)).toEqual([
      'example.com/m/v2@v2.0.0',
      'example.com/m@v1.2.0',
      'example.com/m@v1.11.0',
      'example.com/other@v0.1.0',
    ]);
  });

  it('an empty state rebuilds everything', () => {
    const d = diffState(emptyState(), [{ module: 'example.com/m', version: 'v1.0.0', commit: C1 }]);
    expect(d.rebuild).toHaveLength(1);
    expect(d.unchanged).toHaveLength(0);
  });
});
