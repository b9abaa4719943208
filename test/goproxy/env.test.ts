// GOPROXY/GOPRIVATE semantics (vectors from x/mod).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  goEnvFromProcess,
  parseGoproxy,
  useProxyFor,
  useSumdbFor,
} from '../../src/goproxy/index.js';
import { vectorsDir } from '../support/vectors.js';

const v = JSON.parse(readFileSync(path.join(vectorsDir, 'sumdb/vectors.json'), 'utf8')) as {
  matchPrefixPatterns: {
    cases: { globs: string; target: string; match: boolean }[];
    gonosumdbClientCases: { globs: string; skipped: string[]; notSkipped: string[] };
  };
};

describe('environment', () => {
  it('defaults and GOPRIVATE feeding GONOPROXY/GONOSUMDB', () => {
    const e = goEnvFromProcess({ GOPRIVATE: 'corp.example', GONOSUMDB: '', HOME: '/h' }, 'linux');
    expect(e).toEqual({
      GOPROXY: 'https://proxy.golang.org,direct',
      GOPRIVATE: 'corp.example',
      GONOPROXY: 'corp.example',
      GONOSUMDB: 'corp.example',
      GOSUMDB: 'sum.golang.org',
      GOINSECURE: '',
      NETRC: '/h/.netrc',
    });
  });

  it.each(v.matchPrefixPatterns.cases)('GONOPROXY=$globs for $target', (c) => {
    expect(useProxyFor({ GOPROXY: 'https://p.example', GONOPROXY: c.globs }, c.target)).toBe(
      !c.match,
    );
  });

  it('GONOSUMDB client cases', () => {
    const g = v.matchPrefixPatterns.gonosumdbClientCases;
    for (const p of g.skipped)
      expect(useSumdbFor({ GOSUMDB: 'sum.golang.org', GONOSUMDB: g.globs }, p)).toBe(false);
    for (const p of g.notSkipped)
      expect(useSumdbFor({ GOSUMDB: 'sum.golang.org', GONOSUMDB: g.globs }, p)).toBe(true);
    expect(useSumdbFor({ GOSUMDB: 'off', GONOSUMDB: '' }, 'rsc.io/quote')).toBe(false);
  });

  it('GOPROXY list rules', () => {
    expect(parseGoproxy('')).toEqual([
      { url: 'https://proxy.golang.org', fallback: 'notfound' },
      { url: 'direct', fallback: 'notfound' },
    ]);
    expect(parseGoproxy(' proxy.example.com | http://b.example ,direct,https://ignored')).toEqual([
      { url: 'https://proxy.example.com', fallback: 'any' },
      { url: 'http://b.example', fallback: 'notfound' },
      { url: 'direct', fallback: 'notfound' },
    ]);
    expect(() => parseGoproxy('file://host/x')).toThrow(
      'invalid file:// proxy URL with non-path elements',
    );
  });
});
