// The job summary as GitHub shows it: GitHub-flavoured Markdown rendered by
// marked (which, like GitHub, autolinks e-mail-like words such as
// `xxhash/v2@v2.3.0` in text, also inside raw HTML <code>), styled with
// github-markdown-css, in a page laid out like a run's summary pane (a
// sidebar of jobs on the left), and optionally photographed by Debian's
// headless chromium.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** The HTML GitHub-flavoured Markdown gives for `markdown`. */
export function renderGfm(markdown: string): string {
  return marked.parse(markdown) as string;
}

const require = createRequire(import.meta.url);
const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');

/**
 * A page like a workflow run's summary at the given window width: a 320 px
 * sidebar of jobs, then the summary in a bordered box, as github.com lays
 * it out.
 */
export function summaryPage(html: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>job summary</title>
<style>${css}
body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.layout { display: flex; }
.sidebar { width: 320px; flex: none; border-right: 1px solid #d1d9e0; min-height: 2000px; background: #f6f8fa; }
.main { flex: 1; min-width: 0; padding: 24px; }
.box { border: 1px solid #d1d9e0; border-radius: 6px; padding: 24px; }
</style></head>
<body><div class="layout"><div class="sidebar"></div><div class="main"><div class="box markdown-body">
${html}
</div></div></div></body></html>
`;
}

/** Debian's chromium, when installed. */
export function chromiumPath(): string | undefined {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return undefined;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs chromium on `page` (written to a fresh temp dir, with a fresh profile); returns its stdout. */
async function chromium(
  page: string,
  args: (html: string) => string[],
  width: number,
  height: number,
): Promise<string> {
  const browser = chromiumPath();
  if (browser === undefined) throw new Error('chromium is not installed');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modseal-chromium-'));
  try {
    const html = path.join(dir, 'summary.html');
    await writeFile(html, page);
    const { stdout } = await promisify(execFile)(
      browser,
      [
        ...FLAGS,
        `--user-data-dir=${path.join(dir, 'profile')}`,
        `--window-size=${width},${height}`,
        ...args(html),
      ],
      { timeout: 120_000, maxBuffer: 64 << 20 },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes a PNG screenshot of `page` at `width` px to `outPng`. */
export async function screenshot(
  page: string,
  outPng: string,
  width = 1200,
  height = 2000,
): Promise<void> {
  await chromium(page, (html) => [`--screenshot=${outPng}`, `file://${html}`], width, height);
}

/** What the layout probe measures in the browser. */
export interface Layout {
  /** Width of the summary box's content. */
  boxWidth: number;
  /** Blocks whose content is wider than they are (scrolls sideways, cut off on screen). */
  overflowing: { tag: string; text: string; scrollWidth: number; clientWidth: number }[];
  /** Rendered text of each <pre>, with whether all of it is visible without scrolling. */
  pres: { text: string; visible: boolean }[];
}

const PROBE = `<script>
window.addEventListener('load', () => {
  const box = document.querySelector('.markdown-body');
  const overflowing = [];
  for (const el of box.querySelectorAll('pre, table, p, li, h2, h3, div, details')) {
    if (el.scrollWidth > el.clientWidth + 1) {
      overflowing.push({ tag: el.tagName.toLowerCase(), text: el.innerText.slice(0, 80), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
    }
  }
  const right = box.getBoundingClientRect().right;
  const pres = [...box.querySelectorAll('pre')].map((el) => ({
    text: el.innerText,
    visible: el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= right + 1,
  }));
  const out = document.createElement('script');
  out.type = 'application/json';
  out.id = 'layout';
  out.textContent = JSON.stringify({ boxWidth: box.clientWidth, overflowing, pres }).replace(/</g, '\\u003c');
  document.body.appendChild(out);
});
</script>`;

/** Lays the page out in chromium at `width` px and measures what would be cut off. */
export async function measureLayout(page: string, width = 1200, height = 2000): Promise<Layout> {
  const dom = await chromium(
    page.replace('</body>', `${PROBE}</body>`),
    (html) => ['--dump-dom', `file://${html}`],
    width,
    height,
  );
  const json = /<script type="application\/json" id="layout">([^]*?)<\/script>/.exec(dom)?.[1];
  if (json === undefined) throw new Error(`the layout probe did not run:\n${dom.slice(0, 500)}`);
  return JSON.parse(json) as Layout;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
