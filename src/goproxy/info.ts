// The `.info` / `@latest` JSON. Decoded the way Go's encoding/json fills
// RevInfo: keys match case-insensitively (exact spelling preferred), unknown
// keys are ignored, a wrongly typed known key is an error.

/** Where the version came from (unauthenticated; see proxy-and-sumdb.md §2). */
export interface Origin {
  VCS?: string;
  URL?: string;
  Subdir?: string;
  Hash?: string;
  TagPrefix?: string;
  TagSum?: string;
  Ref?: string;
  RepoSum?: string;
}

/** A proxy's answer to `.info` or `@latest`. */
export interface RevInfo {
  Version: string;
  /** RFC 3339 as sent; undefined when absent. */
  Time?: string;
  Origin?: Origin;
}

const originKeys = [
  'VCS',
  'URL',
  'Subdir',
  'Hash',
  'TagPrefix',
  'TagSum',
  'Ref',
  'RepoSum',
] as const;

function field(obj: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

function stringField(
  obj: Record<string, unknown>,
  name: string,
  where: string,
): string | undefined {
  const v = field(obj, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    throw new Error(
      `json: cannot unmarshal ${jsonType(v)} into Go struct field ${where}.${name} of type string`,
    );
  }
  return v;
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

// RFC 3339 as Go's time.Time accepts it in JSON.
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an `.info` body; throws an Error with a JSON-decoding message when Go would refuse it. */
export function parseInfo(body: Buffer | string): RevInfo {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e), { cause: e });
  }
  if (v === null) return { Version: '' };
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new Error(`json: cannot unmarshal ${jsonType(v)} into Go value of type modfetch.RevInfo`);
  }
  const obj = v as Record<string, unknown>;
  const info: RevInfo = { Version: stringField(obj, 'Version', 'RevInfo') ?? '' };
  const time = stringField(obj, 'Time', 'RevInfo');
  if (time !== undefined) {
    if (!rfc3339.test(time)) throw new Error(`parsing time "${time}" as RFC 3339: cannot parse`);
    info.Time = time;
  }
  const o = field(obj, 'Origin');
  if (o !== undefined && o !== null) {
    if (typeof o !== 'object' || Array.isArray(o)) {
      throw new Error(`json: cannot unmarshal ${jsonType(o)} into Go struct field RevInfo.Origin`);
    }
    const origin: Origin = {};
    for (const k of originKeys) {
      const s = stringField(o as Record<string, unknown>, k, 'Origin');
      if (s !== undefined && s !== '') origin[k] = s;
    }
    info.Origin = origin;
  }
  return info;
}
