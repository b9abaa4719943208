// The job summary as GitHub shows it. The Markdown is rendered by a
// GitHub-flavoured renderer (marked, which autolinks e-mail-like words as
// GitHub does) and the assertions are on the HTML a maintainer gets; then
// the page is laid out by a real browser (Debian's chromium) at 1200 px,
// with a sidebar like a run page's, to prove that nothing that matters is
// cut off. Without chromium the browser tests are skipped with a notice.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseReport } from '../../src/checks/types.js';
import { renderMarkdown, renderSummary, type MarkdownOptions } from '../../src/report/markdown.js';
import {
  MODULE,
  NEW_COMMIT,
  OLD_COMMIT,
  RETRACT,
  movedReport,
  passReport,
} from '../support/sample-report.js';
import {
  chromiumPath,
  measureLayout,
  pngSize,
  renderGfm,
  screenshot,
  summaryPage,
} from './github-render.js';

const REPO = 'https://github.com/cespare/xxhash';
const options: MarkdownOptions = { repoUrl: REPO };

/** The rows of the table whose header is `hash | source | h1`, as lists of cell HTML. */
function hashRows(html: string): string[][] {
  const table = /<table>\s*<thead>\s*<tr>\s*<th>hash<\/th>[^]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr>([^]*?)<\/tr>/g)]
    .slice(1)
    .map((m) => [...(m[1] ?? '').matchAll(/<td>([^]*?)<\/td>/g)].map((c) => c[1] ?? ''));
}

function localOnlyReport(): ReleaseReport {
  const r = passReport();
  r.compared = ['local'];
  // Worded as src/checks/release.ts words it.
  r.localOnly =
    'GONOPROXY/GOPRIVATE matches github.com/cespare/xxhash/v2; GONOSUMDB/GOPRIVATE matches github.com/cespare/xxhash/v2: only the local rebuild was checked';
  r.hashes.mirror = {};
  r.hashes.sumdb = {};
  delete r.mirrorCommit;
  return r;
}

describe('the job summary rendered as GitHub-flavoured Markdown', () => {
  const moved = renderGfm(renderMarkdown(movedReport(), options));

  it('has no mailto link: module@version is in code spans', () => {
    expect(moved).not.toContain('mailto:');
    expect(moved).toContain(`<code>${MODULE}@v2.3.0</code>`);
    for (const html of [
      renderGfm(renderMarkdown(passReport(), options)),
      renderGfm(renderMarkdown(localOnlyReport(), options)),
    ]) {
      expect(html).not.toContain('mailto:');
    }
  });

  it('gives the fix as a paragraph and a fenced block holding only the go.mod line', () => {
    const fix = /<h3>Fix<\/h3>\s*<p>([^]*?)<\/p>\s*<pre><code>([^]*?)<\/code><\/pre>/.exec(moved);
    expect(fix, moved).not.toBeNull();
    expect(fix?.[1]).toContain('Publish v2.3.1 from the commit you want');
    expect(fix?.[2]).toBe(`${RETRACT}\n`);
    // No other <pre>: the paragraph wraps, only code blocks scroll.
    const pres = [...moved.matchAll(/<pre>(?!<code)/g)];
    expect(pres).toEqual([]);
  });

  it('marks the hashes that differ from the tag now, and those that match', () => {
    const rows = hashRows(moved);
    expect(rows.map((r) => r[1])).toEqual([
      'tag now (local rebuild)',
      'mirror',
      'checksum database',
      'tag now (local rebuild)',
      'mirror',
      'checksum database',
    ]);
    // zip: the mirror and the database hold the old bytes.
    for (const cell of [rows[1]?.[2], rows[2]?.[2]]) {
      expect(cell).toMatch(/^❌ <strong><code>h1:tdBY[^<]*<\/code> differs<\/strong>$/);
    }
    // go.mod: unchanged, so marked as the same.
    for (const cell of [rows[4]?.[2], rows[5]?.[2]]) expect(cell).toMatch(/^✅ <code>h1:BZ0z/);
    // The local rebuild is the reference: not marked.
    expect(rows[0]?.[2]).toMatch(/^<code>h1:Jm5\+/);
    const pass = hashRows(renderGfm(renderMarkdown(passReport(), options)));
    expect(pass.filter((r) => r[2]?.includes('❌'))).toEqual([]);
    expect(pass.filter((r) => r[2]?.includes('✅'))).toHaveLength(4);
  });

  it('reports the moved tag once, says who is affected, and links the commits', () => {
    expect(moved).not.toContain('origin-mismatch');
    expect(moved.match(/<code>tag-moved<\/code>/g)).toHaveLength(1);
    const who = /<p><strong>Who is affected\.<\/strong>([^]*?)<\/p>/.exec(moved)?.[1] ?? '';
    expect(who).toContain('through the mirror keep getting the old bytes');
    expect(who).toContain('SECURITY ERROR');
    expect(who).toContain(`href="${REPO}/commit/${OLD_COMMIT}"`);
    expect(moved).toContain(`href="${REPO}/commit/${NEW_COMMIT}"`);
    expect(moved).toContain(`href="${REPO}/compare/${OLD_COMMIT}...${NEW_COMMIT}"`);
  });

  it('shows the text diff as a fenced diff block', () => {
    const diff = /<pre><code class="language-diff">([^]*?)<\/code><\/pre>/.exec(moved)?.[1];
    expect(diff).toContain('-\tprime2 uint64 = 14029467366897019727 // &lt;b&gt;');
    expect(diff).toContain('+\tprime2 uint64 = 14029467366897019728');
  });

  it('says "pass (local only)" with the reason when nothing remote was compared', () => {
    const html = renderGfm(renderMarkdown(localOnlyReport(), options));
    expect(html).toContain('<h2>modseal release gate: ✅ pass (local only)</h2>');
    expect(html).toContain(
      '<strong>Local only:</strong> GONOPROXY/GOPRIVATE matches github.com/cespare/xxhash/v2; GONOSUMDB/GOPRIVATE matches github.com/cespare/xxhash/v2: only the local rebuild was checked.',
    );
    expect(
      hashRows(html)
        .filter((r) => r[1] !== 'tag now (local rebuild)')
        .map((r) => r[2]),
    ).toEqual(['– not compared', '– not compared', '– not compared', '– not compared']);
  });

  it('sets a caveat on the advice apart, under the line to paste', () => {
    const r = movedReport();
    // Worded as src/checks/release.ts words it: also the last line of the fix.
    const caveat =
      "This advice may be wrong: this checkout is shallow, and the mirror's version list could not be read (it was not asked), " +
      'so a version above v2.3.0 may already be published. Find it with `git ls-remote --tags origin`.';
    if (r.remedy) r.remedy.caveat = caveat;
    for (const f of r.findings) f.fix = `${f.fix ?? ''}\n${caveat}`;
    const html = renderGfm(renderMarkdown(r, options));
    expect(html.split('may already be published').length - 1).toBe(1);
    expect(html).toMatch(
      /<pre><code>retract v2\.3\.0[^<]*<\/code><\/pre>\s*<blockquote>\s*<p>⚠️ This advice may be wrong: this checkout is shallow/,
    );
    expect(html).toContain('<code>git ls-remote --tags origin</code>');
  });

  it('gives several tags an overview and a section each', () => {
    const sub = passReport();
    sub.tag = 'exporters/otlp/v1.21.0';
    sub.module = 'go.example.com/exporters/otlp';
    sub.version = 'v1.21.0';
    const html = renderGfm(
      renderSummary(
        [
          { tag: 'v2.3.0', report: movedReport() },
          { tag: sub.tag, report: sub },
          { tag: 'v9.9.9', error: 'modseal: tag v9.9.9 does not exist' },
        ],
        options,
      ),
    );
    expect(html).toContain('<h2>modseal release gate: ❌ fail (3 tags)</h2>');
    expect(html).toContain('<h3><code>v2.3.0</code>: ❌ fail</h3>');
    expect(html).toContain('<h3><code>exporters/otlp/v1.21.0</code>: ✅ pass</h3>');
    expect(html).toContain('<h3><code>v9.9.9</code>: ⛔ not checked</h3>');
    expect(html).toContain('<h4>Fix</h4>');
    expect(html).not.toContain('mailto:');
  });
});

const chromium = chromiumPath();
if (chromium === undefined) {
  console.warn(
    '\n*** chromium is not installed: the job summary is not laid out in a browser. ' +
      'Install it with `apt-get install chromium` (Debian) to run these tests. ***\n',
  );
}

describe.skipIf(chromium === undefined)('the job summary in headless chromium at 1200 px', () => {
  let dir: string;
  // MODSEAL_SCREENSHOT_DIR keeps the pictures for a person to look at.
  const keep = process.env.MODSEAL_SCREENSHOT_DIR;
  beforeAll(async () => {
    dir = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'modseal-summary-')));
  });
  afterAll(async () => {
    if (dir && keep === undefined) await rm(dir, { recursive: true, force: true });
  });

  const cases: [string, () => ReleaseReport][] = [
    ['tag-moved', movedReport],
    ['pass', passReport],
    ['pass (local only)', localOnlyReport],
  ];

  it.each(cases)(
    '%s: nothing is cut off sideways',
    async (_name, make) => {
      const page = summaryPage(renderGfm(renderMarkdown(make(), options)));
      const layout = await measureLayout(page);
      // The summary pane beside a run's job list is about 830 px wide at 1200 px.
      expect(layout.boxWidth).toBeGreaterThan(700);
      expect(layout.boxWidth).toBeLessThan(900);
      expect(layout.overflowing).toEqual([]);
      expect(layout.pres.filter((p) => !p.visible)).toEqual([]);
    },
    180_000,
  );

  it('the fix line of a moved tag is fully visible', async () => {
    const layout = await measureLayout(
      summaryPage(renderGfm(renderMarkdown(movedReport(), options))),
    );
    expect(layout.pres.find((p) => p.text.trim() === RETRACT)).toEqual({
      text: expect.stringContaining(RETRACT) as unknown,
      visible: true,
    });
  }, 180_000);

  it('the old summary (a <pre> fix) was cut off: the probe can fail', async () => {
    const long = `Publish v2.3.1 from the commit you want, with this line added to go.mod: ${RETRACT} and more words so that the line is wider than the pane at 1200 px.`;
    const layout = await measureLayout(summaryPage(`<h3>Fix</h3>\n<pre>${long}</pre>`));
    expect(layout.pres).toEqual([{ text: long, visible: false }]);
  }, 180_000);

  it.each(cases)(
    '%s: a 1200 px screenshot',
    async (name, make) => {
      const png = path.join(dir, `${name.replace(/\W+/g, '-')}.png`);
      await screenshot(summaryPage(renderGfm(renderMarkdown(make(), options))), png);
      expect(pngSize(await readFile(png))).toEqual({ width: 1200, height: 2000 });
    },
    180_000,
  );
});
