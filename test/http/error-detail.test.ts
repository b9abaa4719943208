// What an HTTP failure shows: the server's error excerpt as the go command
// prints it, and the fix printed when a mirror or checksum database cannot
// be reached, which names the URL that failed and the proxy variables, and,
// given the environment, the route that was tried (never a proxy's password).
import { describe, expect, it } from 'vitest';
import { formatErrorDetail, unreachableFix } from '../../src/http/index.js';

describe('unreachableFix', () => {
  it('names the failing GOPROXY entry and the proxy variables', () => {
    const fix = unreachableFix('the mirror', 'https://goproxy.example.com/mod');
    expect(fix).toContain('the mirror at https://goproxy.example.com/mod');
    for (const v of ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']) expect(fix).toContain(v);
    expect(fix).toContain('Nothing about the module was decided');
  });

  it('never shows credentials of the entry', () => {
    const fix = unreachableFix('the mirror', 'https://user:s3cret@goproxy.example.com');
    expect(fix).not.toContain('s3cret');
  });

  it('says the request went out directly when no proxy applies', () => {
    const fix = unreachableFix('the mirror', 'https://goproxy.example.com', {
      NO_PROXY: 'goproxy.example.com',
      HTTPS_PROXY: 'http://proxy.corp:3128',
    });
    expect(fix).toContain('It was tried directly');
  });

  it('names the proxy it went through, without its password', () => {
    const fix = unreachableFix('the checksum database', 'https://sum.golang.org', {
      HTTPS_PROXY: 'http://alice:pa55word@proxy.corp:3128',
    });
    expect(fix).toContain('the checksum database at https://sum.golang.org');
    expect(fix).toContain('through the proxy http://alice:xxxxx@proxy.corp:3128');
    expect(fix).not.toContain('pa55word');
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
