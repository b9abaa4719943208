// Escaping for text that comes from servers and repositories (module paths,
// proxy error bodies, file names, diffs) before it goes into Markdown/HTML.

/** HTML-escape, also neutralising Markdown table separators. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\|/g, '&#124;');
}

/** Escape for a Markdown table cell: one line, no raw HTML, no Markdown syntax. */
export function cell(s: string): string {
  // One pass, so the entities produced here are never escaped a second time.
  return s.replace(/[&<>"'|\\`*_[\]#~]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, '<br>');
}

/** An inline code span that cannot be broken out of. */
export function code(s: string): string {
  return `<code>${escapeHtml(s)}</code>`;
}
