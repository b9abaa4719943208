// Escaping judged by a GitHub-flavoured Markdown renderer: whatever a server
// or a repository puts in a name or a message comes out as text, never as
// markup, a link or a broken table.
import { describe, expect, it } from 'vitest';
import { codeSpan, fenced, prose } from '../../src/report/escape.js';
import { renderGfm } from './github-render.js';

/** The text content of rendered HTML (tags dropped, the few entities marked emits decoded). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('the renderer used as the judge', () => {
  it('turns module@version inside HTML <code> into a mailto link, as GitHub does', () => {
    // If this stops holding, the tests below prove nothing about GitHub.
    expect(renderGfm('<code>github.com/cespare/xxhash/v2@v2.3.0</code>')).toContain(
      'href="mailto:v2@v2.3.0"',
    );
  });
});

describe('codeSpan', () => {
  it.each([
    'github.com/cespare/xxhash/v2@v2.3.0',
    'a`b',
    '``x``',
    '`',
    ' lead and trail ',
    '<script>alert(1)</script>',
    'a | b',
  ])('renders %j as one code element holding exactly that text', (s) => {
    const html = renderGfm(`x ${codeSpan(s)} y`);
    const m = /^<p>x <code>([^]*)<\/code> y<\/p>$/.exec(html.trim());
    expect(m, html).not.toBeNull();
    expect(textOf(m?.[1] ?? '')).toBe(s);
    expect(html).not.toContain('mailto:');
  });

  it('keeps a table row whole when the text holds "|"', () => {
    const html = renderGfm(`| a | b |\n|---|---|\n| ${codeSpan('x | y', { table: true })} | z |`);
    expect(html).toContain('<td><code>x | y</code></td>');
    expect(html).toContain('<td>z</td>');
  });
});

describe('prose', () => {
  it.each([
    ['not found: example.com/m@v1.2.3: invalid version', 'example.com/m@v1.2.3'],
    ['(see https://evil.example/x).', 'https://evil.example/x'],
    ['mail ops@evil.example now', 'ops@evil.example'],
    ['go to www.evil.example', 'www.evil.example'],
    ['click [a](http://evil)', 'a](http://evil'],
  ])('puts link-like words of %j in code spans', (text, word) => {
    const html = renderGfm(prose(text));
    expect(html).not.toMatch(/<a |mailto:/);
    expect(html).toContain(`<code>${word.replace(/&/g, '&amp;')}</code>`);
    expect(textOf(html).trim()).toBe(text);
  });

  it('shows Markdown and HTML syntax as text', () => {
    const text = '# not a heading *not em* _x_ <b>bold</b> ~~s~~ \\ ` lone &amp; | pipe';
    const html = renderGfm(prose(text));
    expect(html).not.toMatch(/<h1|<em|<strong|<b>|<del|<code/);
    expect(textOf(html).trim()).toBe(text);
  });

  it('keeps what the author quoted in backticks as code, which cannot break out', () => {
    const html = renderGfm(prose('run `go list -m -versions example.com/m` or `a | <b>` now'));
    expect(html.trim()).toBe(
      '<p>run <code>go list -m -versions example.com/m</code> or <code>a | &lt;b&gt;</code> now</p>',
    );
  });

  it.each(['- item', '+ item', '1. item', '2) item'])('does not start a list with %j', (text) => {
    const html = renderGfm(prose(text));
    expect(html).not.toMatch(/<ul|<ol|<li/);
    expect(textOf(html).trim()).toBe(text);
  });

  it('keeps line breaks as <br> and stays one block', () => {
    const html = renderGfm(prose('first\n- second\n# third'));
    expect(html.trim()).toBe('<p>first<br>- second<br># third</p>');
  });
});

describe('fenced', () => {
  it('holds text with backtick fences of its own verbatim', () => {
    const body = 'a\n```\n<b>x</b>\n````\nend';
    const html = renderGfm(`${fenced(body, 'diff')}\n\nafter`);
    const m = /<pre><code class="language-diff">([^]*?)<\/code><\/pre>/.exec(html);
    expect(textOf(m?.[1] ?? '')).toBe(`${body}\n`);
    expect(html).toContain('<p>after</p>');
  });
});
