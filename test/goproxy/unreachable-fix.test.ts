// The fix printed when a mirror or checksum database cannot be reached
// names the URL that failed and the proxy variables, and, given the
// environment, the route that was tried (never a proxy's password).
import { describe, expect, it } from 'vitest';
import { unreachableFix } from '../../src/goproxy/error-detail.js';

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
