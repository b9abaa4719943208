// The mirror's caching decorator: a version list and a `.mod` are asked once
// per run, trouble is never remembered (the retry loop must see it), and the
// questions that may make the mirror fetch always go through.
import { describe, expect, it } from 'vitest';
import type { ListAnswer, Mirror, ModAnswer } from '../../src/checks/ports.js';
import { cachingMirror } from '../../src/wire/index.js';

function scripted(lists: ListAnswer[], mods: ModAnswer[]): Mirror & { asked: string[] } {
  const asked: string[] = [];
  const next = <T>(q: T[]): T => (q.length > 1 ? q.shift()! : q[0]!);
  return {
    asked,
    url: 'https://proxy.example',
    unreachableFix: 'check the network',
    cached: () => (asked.push('cached'), Promise.resolve({ kind: 'unsupported' })),
    warm: (_p, v) => (asked.push(`warm ${v}`), Promise.resolve({ kind: 'found', version: v })),
    info: (_p, v) => (asked.push(`info ${v}`), Promise.resolve({ kind: 'found', version: v })),
    zip: (_p, v) => (asked.push(`zip ${v}`), Promise.resolve({ kind: 'invalid', reason: 'x' })),
    list: (p) => (asked.push(`list ${p}`), Promise.resolve(next(lists))),
    mod: (p, v) => (asked.push(`mod ${p}@${v}`), Promise.resolve(next(mods))),
  };
}

const down: ListAnswer & ModAnswer = { kind: 'unreachable', reason: '503', transient: true };

describe('cachingMirror', () => {
  it('asks for a list and a .mod once, per module and version', async () => {
    const inner = scripted(
      [{ kind: 'ok', versions: ['v1.0.0'] }],
      [{ kind: 'ok', h1: 'h1:x', data: Buffer.from('module a\n') }],
    );
    const m = cachingMirror(inner);
    expect(m.url).toBe(inner.url);
    expect(m.unreachableFix).toBe('check the network');
    for (let i = 0; i < 3; i++) {
      expect(await m.list('a')).toEqual({ kind: 'ok', versions: ['v1.0.0'] });
      await m.mod('a', 'v1.0.0');
    }
    await m.list('b');
    await m.mod('a', 'v1.1.0');
    expect(inner.asked).toEqual(['list a', 'mod a@v1.0.0', 'list b', 'mod a@v1.1.0']);
  });

  it('remembers a list that says "none", but no trouble and no missing .mod', async () => {
    const inner = scripted(
      [down, { kind: 'not-found', body: 'not found' }],
      [
        { kind: 'not-found', body: 'not found' },
        down,
        { kind: 'ok', h1: 'h', data: Buffer.from('') },
      ],
    );
    const m = cachingMirror(inner);
    expect((await m.list('a')).kind).toBe('unreachable');
    expect((await m.list('a')).kind).toBe('not-found');
    expect((await m.list('a')).kind).toBe('not-found');
    expect((await m.mod('a', 'v1')).kind).toBe('not-found');
    expect((await m.mod('a', 'v1')).kind).toBe('unreachable');
    expect((await m.mod('a', 'v1')).kind).toBe('ok');
    expect((await m.mod('a', 'v1')).kind).toBe('ok');
    expect(inner.asked.filter((q) => q === 'list a')).toHaveLength(2);
    expect(inner.asked.filter((q) => q === 'mod a@v1')).toHaveLength(3);
  });

  it('never answers warm, info, cached or zip from memory', async () => {
    const inner = scripted([], []);
    const m = cachingMirror(inner);
    for (let i = 0; i < 2; i++) {
      await m.cached('a', 'v1');
      await m.warm('a', 'v1', 0);
      await m.info('a', 'v1');
      await m.zip('a', 'v1');
    }
    expect(inner.asked).toEqual([
      'cached',
      'warm v1',
      'info v1',
      'zip v1',
      'cached',
      'warm v1',
      'info v1',
      'zip v1',
    ]);
  });
});
