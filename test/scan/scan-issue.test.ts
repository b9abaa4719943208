// The scan issue's lifecycle through Octokit against a loopback fake of the
// GitHub REST API: opened when versions need attention, updated in place
// (found again by its hidden marker, past the first page of issues),
// left alone while nothing changed or some versions could not be checked,
// closed with a comment once every version is ok; issues without the marker
// (or by someone else, when a creator is required) never touched; a body
// under GitHub's limit with 10,000 problems; missing permissions named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubIssues, syncScanIssue, type IssuesPort } from '../../src/action/scan-issue.js';
import { scanReport } from '../../src/checks/scan/report.js';
import type { VersionFacts } from '../../src/checks/scan/status.js';
import type { HashPair } from '../../src/checks/types.js';
import { InputError } from '../../src/internal/errors.js';
import { hasScanIssueMarker, scanIssueMarker } from '../../src/report/scan-issue.js';
import { FakeGitHub, type FakeIssue } from './github-fake.js';

const TOKEN = 'ghs_faketoken';
const BOT = 'github-actions[bot]';
const h = (c: string): string => `h1:${c.repeat(43)}=`;
const A: HashPair = { zip: h('A'), mod: h('a') };
const B: HashPair = { zip: h('B'), mod: h('a') };

function fact(
  version: string,
  kind: 'ok' | 'moved' | 'unchecked',
  modulePath = 'example.com/m',
): VersionFacts {
  return {
    modulePath,
    version,
    tag: version,
    commit: '0123456789abcdef0123456789abcdef01234567',
    local: { kind: 'built', hashes: kind === 'moved' ? B : A },
    mirror: { kind: 'held' },
    sumdb:
      kind === 'unchecked' ? { kind: 'unreachable', reason: '503' } : { kind: 'found', hashes: A },
    mirrorZip: { kind: 'remembered', hashes: A },
  };
}

const report = (...kinds: ('ok' | 'moved' | 'unchecked')[]) =>
  scanReport(kinds.map((k, i) => fact(`v1.0.${i}`, k)));

const snapshot = (issues: FakeIssue[]) => JSON.parse(JSON.stringify(issues)) as FakeIssue[];

describe('scan issue lifecycle against the GitHub REST API', () => {
  let gh: FakeGitHub;
  let port: IssuesPort;
  let others: FakeIssue[];

  beforeAll(async () => {
    gh = await FakeGitHub.start('o', 'r', { [TOKEN]: BOT });
    port = githubIssues(TOKEN, { owner: 'o', repo: 'r', baseUrl: gh.baseUrl });
    // More than a page of unrelated issues, so the scan's issue is found on page 2.
    for (let i = 0; i < 120; i++) gh.seed({ title: `bug ${i}`, body: `text ${i}`, user: 'alice' });
    // The marker quoted inside someone's text, and a pull request starting with it.
    gh.seed({ title: 'about the scan', body: `I saw this:\n${scanIssueMarker()}\n`, user: 'bob' });
    gh.seed({ title: 'a PR', body: `${scanIssueMarker()}\nnot an issue`, user: 'bob', pull: true });
    others = snapshot(gh.issues);
  });
  afterAll(async () => gh.close());

  const ours = () => gh.issues.filter((i) => i.user === BOT);

  it('opens an issue when versions need attention', async () => {
    const out = await syncScanIssue(port, report('ok', 'moved'), {
      runUrl: 'https://github.com/o/r/actions/runs/1',
    });
    expect(out.action).toBe('opened');
    expect(ours()).toHaveLength(1);
    const issue = ours()[0]!;
    expect(out).toEqual({ action: 'opened', number: issue.number });
    expect(hasScanIssueMarker(issue.body)).toBe(true);
    expect(issue.title).toBe('modseal scan: 1 version needs attention');
    expect(issue.body).toContain('v1.0.1');
    expect(issue.state).toBe('open');
  });

  it('updates it in place, found by its marker past the first page', async () => {
    const number = ours()[0]!.number;
    const out = await syncScanIssue(port, report('ok', 'moved', 'moved'), {
      runUrl: 'https://github.com/o/r/actions/runs/2',
    });
    expect(out).toEqual({ action: 'updated', number });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.title).toBe('modseal scan: 2 versions need attention');
    expect(ours()[0]!.body).toContain('v1.0.2');
    const lists = gh.requests.filter((r) => r.method === 'GET');
    expect(lists.some((r) => r.query.page === '2')).toBe(true);
  });

  it('leaves an up-to-date issue alone', async () => {
    const before = gh.requests.length;
    const out = await syncScanIssue(port, report('ok', 'moved', 'moved'), {
      runUrl: 'https://github.com/o/r/actions/runs/2',
    });
    expect(out.action).toBe('unchanged');
    expect(gh.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
  });

  it('keeps it open while some versions could not be checked', async () => {
    const out = await syncScanIssue(port, report('ok', 'unchecked'));
    expect(out.action).toBe('none');
    expect(ours()[0]!.state).toBe('open');
  });

  it('closes it with a comment once every version is ok', async () => {
    const number = ours()[0]!.number;
    const out = await syncScanIssue(port, report('ok', 'ok', 'ok'), {
      runUrl: 'https://github.com/o/r/actions/runs/3',
    });
    expect(out).toEqual({ action: 'closed', number });
    const issue = ours()[0]!;
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]).toContain('https://github.com/o/r/actions/runs/3');
    // Nothing left to close on the next run.
    expect((await syncScanIssue(port, report('ok'))).action).toBe('none');
  });

  it('a version already retracted counts as done', async () => {
    const r = scanReport([{ ...fact('v1.0.0', 'moved'), retracted: 'retracted by module author' }]);
    expect((await syncScanIssue(port, r)).action).toBe('none');
  });

  it('never touched an issue without the marker, nor a pull request', () => {
    expect(gh.issues.slice(0, others.length)).toEqual(others);
    const touched = gh.requests
      .filter((r) => r.method !== 'GET')
      .map((r) => /\/issues\/(\d+)/.exec(r.path)?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    expect(touched.every((n) => n > others.length)).toBe(true);
    expect(gh.requests.every((r) => r.method !== 'GET' || r.query.state === 'open')).toBe(true);
  });

  it('keeps the body under the limit with 10,000 problems (GitHub refuses more)', async () => {
    const facts: VersionFacts[] = [];
    for (let i = 0; i < 20_000; i++)
      facts.push(fact(`v1.0.${i}`, i % 2 === 0 ? 'moved' : 'ok', 'example.com/big'));
    const out = await syncScanIssue(port, scanReport(facts), { key: 'big' });
    expect(out.action).toBe('opened');
    const issue = gh.issues.find((i) => hasScanIssueMarker(i.body, 'big'))!;
    expect(issue.body.length).toBeLessThan(65_536);
    expect(issue.body).toMatch(/_\d+ more versions not shown/);
    // Control: the fake refuses what GitHub refuses, so the check above can fail.
    await expect(port.create({ title: 't', body: 'x'.repeat(65_537) })).rejects.toThrow(
      /too long|422|Validation/,
    );
  });
});

describe('scan issue settings and failures', () => {
  let gh: FakeGitHub;
  beforeAll(async () => {
    gh = await FakeGitHub.start('o', 'r', { [TOKEN]: BOT, other: 'mallory' });
  });
  afterAll(async () => gh.close());

  it('with a creator required, a marker planted by someone else is ignored', async () => {
    const planted = gh.seed({
      title: 'x',
      body: `${scanIssueMarker()}\nplanted`,
      user: 'mallory',
      labels: ['modseal'],
    });
    const port = githubIssues(TOKEN, { owner: 'o', repo: 'r', baseUrl: gh.baseUrl });
    const out = await syncScanIssue(port, report('moved'), { creator: BOT, labels: ['modseal'] });
    expect(out.action).toBe('opened');
    expect(planted.body).toBe(`${scanIssueMarker()}\nplanted`);
    const created = gh.issues.find((i) => i.user === BOT)!;
    expect(created.labels).toEqual(['modseal']);
    const list = gh.requests.find((r) => r.method === 'GET')!;
    expect(list.query).toMatchObject({ creator: BOT, labels: 'modseal', state: 'open' });
  });

  it('a token without issues: write is an input error naming the permission', async () => {
    const port = githubIssues(TOKEN, { owner: 'o', repo: 'r', baseUrl: gh.baseUrl });
    gh.fail = {
      when: (r) => r.method === 'POST',
      status: 403,
      message: 'Resource not accessible by integration',
    };
    try {
      const err = await syncScanIssue(port, report('moved'), { key: 'other' }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toContain('issues: write');
      expect((err as Error).message).toContain('Resource not accessible by integration');
      expect((err as Error).message).not.toContain(TOKEN);
      gh.fail = { when: () => true, status: 410, message: 'Issues are disabled for this repo' };
      const gone = await syncScanIssue(port, report('moved'), { key: 'other' }).catch(
        (e: unknown) => e,
      );
      expect(gone).toBeInstanceOf(InputError);
      expect((gone as Error).message).toContain('issues are disabled');
    } finally {
      delete gh.fail;
    }
    const bad = githubIssues('wrong', { owner: 'o', repo: 'r', baseUrl: gh.baseUrl });
    const denied = await syncScanIssue(bad, report('moved')).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(InputError);
    expect((denied as Error).message).not.toContain('wrong');
  });

  it('another failure is an error naming what was tried', async () => {
    const port = githubIssues(TOKEN, { owner: 'o', repo: 'r', baseUrl: gh.baseUrl });
    gh.fail = { when: (r) => r.method === 'PATCH', status: 500, message: 'Server Error' };
    try {
      const err = await syncScanIssue(port, report('moved', 'moved')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/^scan-issue: could not update issue #\d+ in o\/r: /);
    } finally {
      delete gh.fail;
    }
  });
});
