// Credentials may sit in a GOPROXY URL (`https://user:token@host`). Every URL
// that reaches a message goes through redactUrl first, so a log or a report
// can never leak them.

const userinfo = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@]*)@/;

/**
 * The URL with its password replaced by `xxxxx`, as Go's `url.Redacted` does.
 * Stricter than Go: a user name alone (often a token) is hidden as well.
 */
export function redactUrl(url: string): string {
  const m = userinfo.exec(url);
  if (m === null) return url;
  const info = m[2] ?? '';
  const colon = info.indexOf(':');
  const shown = colon >= 0 ? `${info.slice(0, colon)}:xxxxx` : 'xxxxx';
  return `${m[1] ?? ''}${shown}@${url.slice(m[0].length)}`;
}

/** Replaces every occurrence of each secret in `text`; used on messages built from server or library text. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 3) out = out.split(s).join('xxxxx');
  }
  return out;
}
