// Escaping for text that comes from servers and repositories (module paths,
// proxy error bodies, file names, diffs) before it goes into GitHub-flavoured
// Markdown. Three shapes only: prose (entities, with anything GitHub would
// turn into a link put in a code span), inline code spans and fenced blocks.
// Raw HTML `<code>`/`<pre>` is avoided on purpose: GitHub still autolinks
// text inside them (`xxhash/v2@v2.3.0` becomes a mailto link) and a `<pre>`
// does not wrap.

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

export interface InlineOptions {
  /** Inside a GFM table row: `|` must be escaped even in code spans, and newlines cannot occur. */
  table?: boolean;
}

/** The longest run of `ch` in `s`. */
function longestRun(s: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of s) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * An inline code span that cannot be broken out of: its fence is longer than
 * any backtick run inside, and GitHub neither parses Markdown nor autolinks
 * inside it. Newlines become spaces (a span is one line in a table).
 */
export function codeSpan(s: string, options: InlineOptions = {}): string {
  let body = s.replace(/\r?\n/g, ' ');
  if (body === '') return '` `';
  if (options.table) body = body.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  // CommonMark strips one space on each side when both are present, so pad
  // whenever the body touches a backtick or starts and ends with a space.
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Numeric entities for everything Markdown or HTML could read as syntax. */
function entities(s: string): string {
  // One pass, so the entities produced here are never escaped a second time.
  return s.replace(/[&<>"'|\\`*_[\]#~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Words that read better as code and must not become links (GitHub
 * autolinks e-mail-like words, URLs and www. names in plain text, also
 * after a `(` inside a word): anything with `@` (module@version, user@host,
 * a URL with credentials), `://` or `www.`, an `h1:` hash, a full commit hash.
 */
const CODE_WORD = /@|:\/\/|www\.|^h1:[A-Za-z0-9+/]{20,}=*$|^[0-9a-f]{40}$|^[0-9a-f]{64}$/i;

/** Leading and trailing punctuation that belongs to the sentence, not to the word. */
const WORD = /^([("'[]*)(.*?)([)"'\].,;:!?]*)$/s;

/**
 * One line of prose with the code-like words put in code spans. Text the
 * author quoted in backticks stays code (through codeSpan, so it cannot
 * break out either).
 */
function proseLine(line: string, options: InlineOptions): string {
  return line
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part.slice(1, -1), options) : words(part, options)))
    .join('');
}

function words(text: string, options: InlineOptions): string {
  return text
    .split(/(\s+)/)
    .map((part) => {
      if (part === '' || /^\s+$/.test(part)) return part;
      const [, lead = '', core = '', trail = ''] = WORD.exec(part) ?? [];
      if (core !== '' && CODE_WORD.test(core)) {
        return `${entities(lead)}${codeSpan(core, options)}${entities(trail)}`;
      }
      return entities(part);
    })
    .join('');
}

/**
 * Foreign text as Markdown prose: no raw HTML, no Markdown syntax, no
 * autolinks; line breaks kept as `<br>` (the only break a table cell has).
 */
export function prose(s: string, options: InlineOptions = {}): string {
  const out = s
    .split(/\r?\n/)
    .map((l) => proseLine(l, options))
    .join('<br>');
  // At the start of a block, `- `, `+ ` and `1. ` would open a list.
  return out.replace(/^(\s*)([-+]|\d+[.)])(?=\s|$)/, (_, sp: string, m: string) => {
    return `${sp}${m.slice(0, -1)}&#${m.charCodeAt(m.length - 1)};`;
  });
}

/** Escape for a Markdown table cell: one line, no raw HTML, no Markdown syntax. */
export function cell(s: string): string {
  return prose(s, { table: true });
}

/**
 * A fenced code block holding `s` verbatim (its fence is longer than any
 * backtick run inside), with an optional info string such as `diff`.
 */
export function fenced(s: string, info = ''): string {
  const body = s.endsWith('\n') ? s : `${s}\n`;
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${info}\n${body}${fence}`;
}
