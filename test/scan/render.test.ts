// The scan report rendered three ways: the JSON document of DESIGN
// (`modseal.scan-report/v1`, absent facts left out), the job summary (problems
// first, counts by status, the go.mod text to paste in a code block, as
// GitHub-flavoured Markdown renders it) and the issue body (a hidden marker,
// always under GitHub's 65,536-character limit, saying how much was left out).
import { describe, expect, it } from 'vitest';
import { scanReport, type ScanReport } from '../../src/checks/scan/report.js';
import type { VersionFacts } from '../../src/checks/scan/status.js';
import type { HashPair } from '../../src/checks/types.js';
import { parseLax } from '../../src/modfile/index.js';
import {
  hasScanIssueMarker,
  ISSUE_BODY_LIMIT,
  renderScanIssue,
  renderScanIssueClosing,
  scanIssueMarker,
  scanIssueTitle,
} from '../../src/report/scan-issue.js';
import { renderScanJson } from '../../src/report/scan-json.js';
import { renderScanMarkdown } from '../../src/report/scan-markdown.js';
import { renderGfm } from '../report/github-render.js';

const h = (c: string): string => `h1:${c.repeat(43)}=`;
const A: HashPair = { zip: h('A'), mod: h('a') };
const B: HashPair = { zip: h('B'), mod: h('a') };
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

function fact(
  modulePath: string,
  version: string,
  kind: 'ok' | 'moved' | 'unpublished' | 'unchecked',
): VersionFacts {
  const base: VersionFacts = {
    modulePath,
    version,
    tag: version,
    commit: COMMIT,
    local: { kind: 'built', hashes: kind === 'moved' ? B : A },
    mirror: { kind: 'held' },
    sumdb: { kind: 'found', hashes: A },
    mirrorZip: { kind: 'remembered', hashes: A },
  };
  if (kind === 'unpublished')
    return { ...base, mirror: { kind: 'not-held' }, sumdb: undefined, mirrorZip: undefined };
  if (kind === 'unchecked')
    return { ...base, sumdb: { kind: 'unreachable', reason: 'GET …/lookup: 503' } };
  return base;
}

/** n versions of one module, every other one moved (so the retract block cannot collapse into one interval). */
function manyProblems(n: number, modulePath = 'example.com/big'): ScanReport {
  const facts: VersionFacts[] = [];
  for (let i = 0; i < 2 * n; i++)
    facts.push(fact(modulePath, `v1.0.${i}`, i % 2 === 0 ? 'moved' : 'ok'));
  return scanReport(facts);
}

const small = (): ScanReport =>
  scanReport([
    fact('example.com/m', 'v1.0.0', 'ok'),
    fact('example.com/m', 'v1.1.0', 'moved'),
    fact('example.com/m', 'v1.2.0', 'unpublished'),
    fact('example.com/m', 'v1.3.0', 'unchecked'),
    {
      ...fact('example.com/m', 'v1.4.0', 'moved'),
      retracted: 'retracted by module author: broken',
    },
  ]);

describe('JSON', () => {
  it('has the fields of modseal.scan-report/v1 in order, absent facts left out', () => {
    const report = small();
    const text = renderScanJson(report);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('null');
    const doc = JSON.parse(text) as {
      schema: string;
      verdict: string;
      results: Record<string, unknown>[];
      counts: Record<string, number>;
      remedies: { versions: string[] }[];
    };
    expect(Object.keys(doc)).toEqual(['schema', 'verdict', 'results', 'counts', 'remedies']);
    expect(doc.schema).toBe('modseal.scan-report/v1');
    expect(doc.verdict).toBe('fail');
    const order = [
      'module',
      'version',
      'tag',
      'status',
      'commit',
      'local',
      'sumdb',
      'mirror',
      'retracted',
      'detail',
      'fix',
    ];
    for (const r of doc.results) {
      const keys = Object.keys(r);
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
    }
    const unpublished = doc.results.find((r) => r.status === 'unpublished')!;
    expect(unpublished).not.toHaveProperty('sumdb');
    expect(unpublished).not.toHaveProperty('mirror');
    expect(unpublished).not.toHaveProperty('retracted');
    expect(doc.counts).toEqual({
      moved: 2,
      'mirror-differs': 0,
      invalid: 0,
      'tag-missing': 0,
      unpublished: 1,
      unchecked: 1,
      ok: 1,
    });
    expect(doc.remedies).toHaveLength(1);
    expect(doc.remedies[0]?.versions).toEqual(['v1.1.0']);
    // The JSON is the report: nothing lost, nothing added.
    expect(doc.results).toEqual(JSON.parse(JSON.stringify(report.results)));
  });
});

describe('job summary', () => {
  it('counts by status and lists problems first', () => {
    const md = renderScanMarkdown(small(), { repoUrl: 'https://github.com/o/r' });
    const html = renderGfm(md);
    expect(md.split('\n')[0]).toContain('fail');
    // The counts table: non-zero statuses, problems first.
    const counts = [...html.matchAll(/<tr>\s*<td>\S+ ([a-z-]+)<\/td>\s*<td>(\d+)<\/td>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(counts).toEqual(['moved 2', 'unpublished 1', 'unchecked 1', 'ok 1']);
    // The versions table: the one needing action first, the retracted one after the unchecked one.
    const versions = [...html.matchAll(/<code>(v1\.\d\.0)<\/code>/g)].map((m) => m[1]);
    const firstSeen = [...new Set(versions)];
    expect(firstSeen.slice(0, 4)).toEqual(['v1.1.0', 'v1.2.0', 'v1.3.0', 'v1.4.0']);
    expect(html).toContain(
      'href="https://github.com/o/r/commit/0123456789abcdef0123456789abcdef01234567"',
    );
  });

  it('shows the go.mod text to paste verbatim, and it parses', () => {
    const report = manyProblems(3);
    const html = renderGfm(renderScanMarkdown(report));
    const block = /<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? '';
    const text = block
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(text.trimEnd()).toBe(report.remedies[0]?.retract);
    expect(parseLax('go.mod', text).retract.map((r) => r.low)).toEqual([
      'v1.0.0',
      'v1.0.2',
      'v1.0.4',
    ]);
  });

  it('keeps table cells whole whatever a server said', () => {
    const f = fact('example.com/m', 'v1.0.0', 'unchecked');
    const report = scanReport([
      { ...f, sumdb: { kind: 'unreachable', reason: 'a | b <script>x</script> `c` \n d' } },
    ]);
    const html = renderGfm(renderScanMarkdown(report));
    expect(html).not.toContain('<script>');
    const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .map((m) => m[1] ?? '')
      .find((r) => r.includes('example.com/m'));
    expect(row?.match(/<td>/g)).toHaveLength(6);
  });

  it('stays within its budget and says how many rows were left out', () => {
    const report = manyProblems(10_000);
    const budget = 200_000;
    const md = renderScanMarkdown(report, { budget });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(budget);
    // Rows of the versions table (the counts table has a moved row too).
    const shown = [...renderGfm(md).matchAll(/<td>❌ moved<\/td>\s*<td><code>example\.com/g)]
      .length;
    const omitted = Number(/_(\d+) more versions? not shown/.exec(md)?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown + omitted).toBe(10_000);
  });
});

describe('issue body', () => {
  it('starts with the hidden marker, which finds it again', () => {
    const body = renderScanIssue(small(), { runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(body.split('\n')[0]).toBe(scanIssueMarker());
    expect(hasScanIssueMarker(body)).toBe(true);
    expect(hasScanIssueMarker(body, 'other')).toBe(false);
    expect(hasScanIssueMarker(`> ${body}`)).toBe(false);
    expect(hasScanIssueMarker(`Seen in the modseal issue:\n\n${body}`)).toBe(false);
    expect(hasScanIssueMarker(null)).toBe(false);
    // Rendered, the marker is invisible.
    expect(renderGfm(body)).not.toMatch(/^[^<]*modseal:scan-issue/m);
    expect(() => scanIssueMarker('a -->')).toThrow();
    const keyed = renderScanIssue(small(), { key: 'api/v2' });
    expect(hasScanIssueMarker(keyed, 'api/v2')).toBe(true);
    expect(hasScanIssueMarker(keyed)).toBe(false);
  });

  it('lists only the versions needing action, each with its fix', () => {
    const report = small();
    const body = renderScanIssue(report);
    const html = renderGfm(body);
    expect(scanIssueTitle(report)).toBe('modseal scan: 2 versions need attention');
    expect(html).toContain('<code>v1.1.0</code>');
    expect(html).toContain('<code>v1.2.0</code>');
    expect(html).not.toContain('<code>v1.0.0</code>'); // ok
    expect(html).not.toContain('<code>v1.4.0</code>'); // already retracted
    expect(body).toContain(report.remedies[0]!.retract);
  });

  for (const [name, report] of [
    ['10,000 problem versions of one module', () => manyProblems(10_000)],
    [
      '10,000 problem versions across 500 modules',
      () => {
        const facts: VersionFacts[] = [];
        for (let m = 0; m < 500; m++) {
          for (let i = 0; i < 40; i++)
            facts.push(fact(`example.com/mod${m}`, `v1.0.${i}`, i % 2 === 0 ? 'moved' : 'ok'));
        }
        return scanReport(facts);
      },
    ],
  ] as const) {
    it(`stays under GitHub's limit with ${name}, counting what was left out`, () => {
      const r = report();
      const body = renderScanIssue(r, { runUrl: 'https://github.com/o/r/actions/runs/1' });
      expect(body.length).toBeLessThan(ISSUE_BODY_LIMIT);
      expect(Buffer.byteLength(body)).toBeLessThan(ISSUE_BODY_LIMIT);
      const shown = [...renderGfm(body).matchAll(/<td>❌ moved<\/td>\s*<td><code>example\.com/g)]
        .length;
      const omitted = Number(/_(\d+) more versions? not shown/.exec(body)?.[1]);
      expect(shown).toBeGreaterThan(0);
      expect(shown + omitted).toBe(10_000);
      expect(hasScanIssueMarker(body)).toBe(true);
    });
  }

  it('the closing comment counts what the scan saw', () => {
    const report = scanReport([
      fact('example.com/m', 'v1.0.0', 'ok'),
      fact('example.com/m', 'v1.1.0', 'ok'),
    ]);
    const text = renderScanIssueClosing(report, {
      runUrl: 'https://github.com/o/r/actions/runs/2',
    });
    expect(text).toContain('2 versions of 1 module');
    expect(text).toContain('https://github.com/o/r/actions/runs/2');
  });
});
