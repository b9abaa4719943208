// The go command shows a proxy's error body to the user only when it is
// plain text it can trust on a terminal, and only a few lines of it. We keep
// the same excerpt (so messages match Go's byte for byte) and, separately,
// the whole body for the report.
import { proxyForUrl, type ProxyEnv } from './outbound-proxy.js';
import { redactUrl } from './redact.js';

const maxDetailLines = 8;
const maxDetailBytes = maxDetailLines * 81;

/** Whether a Content-Type lets the go command show the body (text/plain in UTF-8 or ASCII). */
function isShowableContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const parts = contentType.split(';');
  const media = (parts[0] ?? '').trim().toLowerCase();
  if (media !== 'text/plain') return false;
  let charset = '';
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    if (p.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return charset === '' || charset === 'utf-8' || charset === 'us-ascii';
}

// Go accepts a rune when unicode.IsGraphic or unicode.IsSpace holds.
const graphicOrSpace = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\p{White_Space}\u0085\u00a0]*$/u;

/**
 * The `server response:` excerpt the go command would print for this error
 * body: empty unless it is valid UTF-8 of printable runes; stops at the first
 * blank line; at most 8 lines and about 648 bytes, with Go's truncation marks.
 */
export function formatErrorDetail(body: Buffer, contentType: string | undefined): string {
  if (!isShowableContentType(contentType)) return '';
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return '';
  }
  if (!graphicOrSpace.test(s)) return '';
  let detail = '';
  const lines = s.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break;
    if (i > 0) detail += '\n\t';
    if (i >= maxDetailLines) {
      detail += '[Truncated: too many lines.]';
      break;
    }
    if (Buffer.byteLength(detail) + Buffer.byteLength(line) > maxDetailBytes) {
      detail += '[Truncated: too long.]';
      break;
    }
    detail += line;
  }
  return detail;
}

/** Go's `HTTPError` text: `reading <url>: <status>` plus the excerpt when there is one. */
export function formatHttpError(redactedUrl: string, statusText: string, detail: string): string {
  if (detail === '') return `reading ${redactedUrl}: ${statusText}`;
  const sep = detail.includes('\n') ? '\n\t' : ' ';
  return `reading ${redactedUrl}: ${statusText}\n\tserver response:${sep}${detail}`;
}

/**
 * The fix for a server that could not be reached (`what`: "the mirror", a
 * GOPROXY entry, or "the checksum database"): the URL that failed and the
 * proxy variables that decide the route, as the go command reads them.
 * With `env`, also the route this machine took (proxy URL redacted).
 */
export function unreachableFix(what: string, url: string, env?: ProxyEnv): string {
  const shown = redactUrl(url);
  let route = '';
  if (env !== undefined) {
    let proxy: URL | undefined;
    try {
      proxy = proxyForUrl(new URL(url), env);
    } catch {
      proxy = undefined;
    }
    route =
      proxy === undefined
        ? ' It was tried directly: no HTTPS_PROXY/HTTP_PROXY applies to it.'
        : ` It was tried through the proxy ${redactUrl(proxy.href)} (HTTPS_PROXY/HTTP_PROXY): check that proxy, or list the host in NO_PROXY to connect directly.`;
  }
  return (
    `Check that this machine can reach ${what} at ${shown}: without network access, or behind a firewall, nothing can be checked;` +
    ' behind a proxy, set HTTPS_PROXY (HTTP_PROXY for http:// URLs) and keep the host out of NO_PROXY.' +
    route +
    ' Nothing about the module was decided: re-run once it is reachable.'
  );
}
