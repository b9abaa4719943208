// Reading the x/mod tables under test/vectors/xmod: tables are
// {name, fields?, rows} and a string that is not valid UTF-8 is {"hex": …}.
import fs from 'node:fs';
import path from 'node:path';

import { decodeGoString } from '../../src/internal/go-string.js';
import { vectorsDir } from '../support/vectors.js';

export interface Table {
  name: string;
  fields?: string[];
  rows: unknown[];
}

export function readJson(rel: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(vectorsDir, rel), 'utf8'));
}

export function loadTable(rel: string, name: string): unknown[] {
  const tables = readJson(rel) as Table[];
  const t = tables.find((x) => x.name === name);
  if (t === undefined) throw new Error(`${rel}: no table ${name}`);
  return t.rows;
}

/**
 * A JSON value standing for a Go string. Values that were Go identifiers or
 * expressions upstream cannot be evaluated here, so they fail loudly rather
 * than being guessed.
 */
export function goStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.hex === 'string') return decodeGoString(Buffer.from(o.hex, 'hex'));
    if ('ident' in o || 'expr' in o) {
      throw new Error(`vector holds a Go expression, not a literal: ${JSON.stringify(v)}`);
    }
  }
  throw new Error(`not a Go string: ${JSON.stringify(v)}`);
}

/** A row's field as a Go string; a missing field is the empty string (Go's zero value). */
export function field(row: unknown, name: string): string {
  const v = (row as Record<string, unknown>)[name];
  return v === undefined ? '' : goStr(v);
}

export function flag(row: unknown, name: string): boolean {
  const v = (row as Record<string, unknown>)[name];
  if (typeof v !== 'boolean') throw new Error(`field ${name} is not a boolean`);
  return v;
}
