// GOPROXY/GOPRIVATE semantics (vectors from x/mod), netrc parsing (Go's own
// test table), error excerpts and the pure retry policy.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatErrorDetail,
  goEnvFromProcess,
  parseGoproxy,
  parseNetrc,
  useProxyFor,
  useSumdbFor,
} from '../../src/goproxy/index.js';
import { backoffDelay, parseRetryAfter } from '../../src/internal/retry.js';
import { vectorsDir } from '../support/vectors.js';
import { oracle } from '../oracle/find-go.js';

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

// Read from the oracle's GOROOT (inside .cache/go-oracle), never from the machine's.
const goNetrcTest =
  oracle === undefined
    ? ''
    : path.join(oracle.goroot, 'src', 'cmd', 'go', 'internal', 'auth', 'netrc_test.go');

describe('netrc (Go TestParseNetrc table)', () => {
  // The input is Go's own test file, read where Go's source is installed.
  it.skipIf(goNetrcTest === '' || !existsSync(goNetrcTest))('parses like the go command', () => {
    const m = /var testNetrc = `([\s\S]*?)`/.exec(readFileSync(goNetrcTest, 'utf8'));
    expect(m).not.toBeNull();
    expect(parseNetrc(m?.[1] ?? '')).toEqual([
      { machine: 'api.github.com', login: 'user', password: 'pwd' },
      { machine: 'test.host', login: 'user2', password: 'pwd2' },
      { machine: 'oneline', login: 'user3', password: 'pwd3' },
      { machine: 'hasmacro.too', login: 'user4', password: 'pwd4' },
    ]);
  });
});

describe('error excerpts', () => {
  it('keeps 8 lines, stops at a blank line, hides non-text', () => {
    const ct = 'text/plain; charset=utf-8';
    const nine = Array.from({ length: 9 }, (_, i) => `l${i}`).join('\n');
    expect(formatErrorDetail(Buffer.from(nine), ct)).toBe(
      'l0\n\tl1\n\tl2\n\tl3\n\tl4\n\tl5\n\tl6\n\tl7\n\t[Truncated: too many lines.]',
    );
    expect(formatErrorDetail(Buffer.from('a\n\nb'), ct)).toBe('a');
    expect(formatErrorDetail(Buffer.from('a\x1b[31m'), ct)).toBe('');
    expect(formatErrorDetail(Buffer.from('a'), 'text/html')).toBe('');
  });
});

describe('retry policy', () => {
  it('Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('exponential backoff with full jitter, capped, Retry-After as a floor', () => {
    const p = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, p, () => 0.5)).toBe(50);
    expect(backoffDelay(3, p, () => 0.5)).toBe(200);
    expect(backoffDelay(10, p, () => 0.999)).toBe(999);
    expect(backoffDelay(1, p, () => 0, 700)).toBe(700);
    expect(backoffDelay(1, p, () => 0, 70_000)).toBe(1000);
  });
});
