const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A Go-style duration (`90s`, `10m`, `1h30m`, `1.5m`) in milliseconds, or
 * undefined when `text` is not one. Units: ms, s, m, h. Shared by the
 * Action's `warm-timeout` input and the CLI's `--warm-timeout` flag.
 */
export function parseDuration(text: string): number | undefined {
  if (!/^(?:[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g)) {
    total += Number(m[1]) * (UNITS[m[2] ?? ''] ?? NaN);
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/** The longest warm-timeout we accept: the mirror forgets a cached miss within about 30 minutes. */
export const MAX_WARM_MS = 6 * 3_600_000;
