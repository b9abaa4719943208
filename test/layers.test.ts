// The layering table (scripts/layers.mjs) that ESLint enforces: every folder
// of src/ has a row, the rows form no cycle, and the pure core keeps the
// promises the design makes (checks/ reaches no adapter, only the adapters
// reach wire/).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, restrictedZones } from '../scripts/layers.mjs';

const layers = LAYERS;
const src = path.resolve(import.meta.dirname, '../src');

describe('the layering of src/', () => {
  it('has a row for every folder, and names only folders that exist', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(Object.keys(layers).sort()).toEqual(folders);
    for (const [, deps] of Object.values(layers)) {
      for (const d of deps) expect(folders).toContain(d);
    }
  });

  it('has no cycle: every folder imports only folders listed before it', () => {
    const order = Object.keys(layers);
    for (const [name, [, deps]] of Object.entries(layers)) {
      for (const d of deps)
        expect(order.indexOf(d), `${name} → ${d}`).toBeLessThan(order.indexOf(name));
    }
  });

  it('keeps checks/ pure and wire/ for the adapters', () => {
    expect(layers.checks![1].sort()).toEqual([
      'imports',
      'internal',
      'modfile',
      'module',
      'semver',
    ]);
    const importsWire = Object.entries(layers)
      .filter(([, [, deps]]) => deps.includes('wire'))
      .map(([n]) => n)
      .sort();
    expect(importsWire).toEqual(['action', 'cli', 'demo']);
    const zones = restrictedZones();
    for (const adapter of [
      'git',
      'goproxy',
      'http',
      'sumdb',
      'modfetch',
      'dirhash',
      'report',
      'wire',
    ]) {
      expect(zones).toContainEqual(
        expect.objectContaining({ target: './src/checks', from: `./src/${adapter}` }),
      );
    }
  });
});
