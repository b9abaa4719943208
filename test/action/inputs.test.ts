import { describe, expect, it } from 'vitest';
import { parseDuration, parseInputs } from '../../src/action/inputs.js';

const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

describe('parseInputs', () => {
  it('applies the defaults of action.yml', () => {
    expect(parseInputs(inputs({ 'github-token': 't' }))).toEqual({
      mode: 'auto',
      workingDirectory: '.',
      warm: true,
      warmTimeoutMs: 600_000,
      // warm-timeout plus five minutes for the downloads and lookups.
      timeoutMs: 900_000,
      failOn: 'error',
      releaseNote: false,
      githubToken: 't',
      next: [],
    });
  });

  it('reads mode lint and the next tags, one per line or separated by commas', () => {
    const c = parseInputs(inputs({ mode: 'lint', next: 'v2.0.0\napi/v1.4.0, v2.0.0' }));
    expect(c.mode).toBe('lint');
    expect(c.next).toEqual(['v2.0.0', 'api/v1.4.0']);
  });

  it('takes timeout as the whole-check deadline, its default following warm-timeout', () => {
    expect(parseInputs(inputs({ 'warm-timeout': '1h' })).timeoutMs).toBe(65 * 60_000);
    expect(parseInputs(inputs({ timeout: '2m' })).timeoutMs).toBe(120_000);
    expect(parseInputs(inputs({ timeout: '8h', 'warm-timeout': '6h' })).timeoutMs).toBe(
      8 * 3_600_000,
    );
  });

  it.each([
    ['v1.2.3', ['v1.2.3']],
    ['v1.2.3\nsub/v1.0.0\n', ['v1.2.3', 'sub/v1.0.0']],
    [' v1.2.3, refs/tags/sub/v1.0.0 ,, ', ['v1.2.3', 'sub/v1.0.0']],
    ['v1.2.3 sub/v1.0.0 v1.2.3', ['v1.2.3', 'sub/v1.0.0']],
  ])('reads the tags list %j', (text, tags) => {
    expect(parseInputs(inputs({ tags: text })).tags).toEqual({ kind: 'list', tags });
  });

  it('reads tags: all-at-head, and no tags at all', () => {
    expect(parseInputs(inputs({ tags: ' all-at-head\n' })).tags).toEqual({ kind: 'all-at-head' });
    expect(parseInputs(inputs({ tags: ' \n , ' })).tags).toBeUndefined();
  });

  it('reads every input', () => {
    const c = parseInputs(
      inputs({
        mode: 'release',
        tag: 'refs/tags/sub/v1.2.3',
        module: 'example.com/legacy',
        'working-directory': 'repo',
        goproxy: 'https://goproxy.example|direct',
        // The go command rejects a key whose hash does not match, so this is
        // sum.golang.org's real key.
        gosumdb:
          'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8 https://sum.example',
        goprivate: ' example.com/private , ,corp.example/* ',
        gonosumdb: 'example.com/x',
        'proxy-token': 'secret',
        warm: 'False',
        'warm-timeout': '1h30m',
        'fail-on': 'warning',
        'github-token': 'gh',
        'release-note': 'true',
        'sumdb-cache': '.sumdb',
      }),
    );
    expect(c).toMatchObject({
      mode: 'release',
      tag: 'sub/v1.2.3',
      modulePath: 'example.com/legacy',
      workingDirectory: 'repo',
      goprivate: 'example.com/private,corp.example/*',
      warm: false,
      warmTimeoutMs: 5_400_000,
      failOn: 'warning',
      releaseNote: true,
      proxyToken: 'secret',
      sumdbCache: '.sumdb',
    });
  });

  it.each([
    [{ 'warm-timeout': '5 parsecs' }, /^warm-timeout: "5 parsecs" is not a duration/],
    [{ 'warm-timeout': '7h' }, /^warm-timeout: 7h is longer than the limit of 6h$/],
    [{ 'fail-on': 'errors' }, /^fail-on: must be one of error, warning, never, not "errors"$/],
    [
      { goproxy: 'ftp://mirror.example' },
      /^goproxy: invalid proxy URL scheme \(must be https, http, file\): ftp:\/\/mirror.example$/,
    ],
    [{ goproxy: 'proxy' }, /^goproxy: invalid proxy URL missing scheme: proxy$/],
    [
      { goproxy: ' , | ' },
      /^goproxy: GOPROXY list is not the empty string, but contains no entries$/,
    ],
    // The texts below are the go command's (Go 1.19.8 and 1.27.3 alike, `go mod download` with
    // that GOPROXY or GOSUMDB), behind the name of the input:
    //   invalid proxy URL scheme (must be https, http, file): ftp://user:xxxxx@mirror.example
    [
      { goproxy: 'ftp://user:pw@mirror.example' },
      /^goproxy: invalid proxy URL scheme \(must be https, http, file\): ftp:\/\/user:xxxxx@mirror.example$/,
    ],
    [{ gosumdb: 'a b c' }, /^gosumdb: invalid GOSUMDB: too many fields$/],
    //   invalid GOSUMDB: malformed verifier id
    [{ gosumdb: 'sum.example+key ftp://x' }, /^gosumdb: invalid GOSUMDB: malformed verifier id$/],
    //   invalid GOSUMDB URL: parse "%zz": invalid URL escape "%zz"
    [{ gosumdb: 'sum.golang.org %zz' }, /^gosumdb: invalid GOSUMDB URL: /],
    [{ warm: 'yes' }, /^warm: must be true or false, not "yes"$/],
    [{ mode: 'lnt' }, /^mode: must be auto, release.*, not "lnt"/],
    [{ 'release-note': 'true' }, /^release-note: true needs github-token/],
    [{ timeout: 'soon' }, /^timeout: "soon" is not a duration/],
    [{ timeout: '0s' }, /^timeout: must be longer than 0, not 0s$/],
    [{ tag: 'v1.0.0', tags: 'v1.0.1' }, /^tags: set either tag or tags, not both/],
    [{ tags: 'all-at-head, v1.0.0' }, /^tags: all-at-head stands alone/],
  ])('rejects %j', (values, message) => {
    expect(() => parseInputs(inputs(values))).toThrow(message);
  });

  it('keeps a password out of a goproxy message', () => {
    expect(() => parseInputs(inputs({ goproxy: 'ftp://user:hunter2@mirror.example' }))).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') as unknown }),
    );
  });

  it('accepts what the go command accepts in GOPROXY', () => {
    for (const ok of [
      'https://proxy.golang.org,direct',
      'goproxy.example',
      'file:///srv/cache/download',
      'off',
      'http://localhost:3000|https://proxy.golang.org',
    ]) {
      expect(parseInputs(inputs({ goproxy: ok })).goproxy).toBe(ok);
    }
  });
});

describe('parseDuration', () => {
  it('reads Go-style durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('250ms')).toBe(250);
    for (const bad of ['', '10', 'm', '10 m', '-1s', '5 parsecs', '1d']) {
      expect(parseDuration(bad), bad).toBeUndefined();
    }
  });
});
