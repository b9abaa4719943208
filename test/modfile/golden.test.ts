// The upstream x/mod formatter round trips (vectors/xmod/modfile/testdata):
// parsing X.in and printing it gives X.golden byte for byte; a golden file
// prints as itself. As upstream, the normalised tokens of a strict parse are
// used where the strict parse succeeds, the raw syntax tree otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeGoString, encodeGoString } from '../../src/internal/go-string.js';
import { format, formatSyntax, formatWork, parse, parseWork } from '../../src/modfile/index.js';
import { parseSyntax } from '../../src/modfile/syntax.js';
import { vectorsDir } from '../support/vectors.js';

const dir = path.join(vectorsDir, 'xmod/modfile/testdata');
const workDir = path.join(dir, 'work');

// Upstream's TestPrintParse lists exactly these as failing the strict parse.
const strictFailures = new Set([
  'block.golden',
  'block.in',
  'comment.golden',
  'comment.in',
  'rule1.golden',
]);

function names(d: string): string[] {
  return fs
    .readdirSync(d)
    .filter((n) => n.endsWith('.in') || n.endsWith('.golden'))
    .sort();
}

function read(p: string): Uint8Array {
  return fs.readFileSync(p);
}

function printed(s: string): Buffer {
  return encodeGoString(s);
}

describe('go.mod golden files', () => {
  it('finds the 20 upstream files', () => {
    expect(names(dir)).toHaveLength(20);
  });

  for (const name of names(dir)) {
    it(name, () => {
      const data = read(path.join(dir, name));
      const raw = parseSyntax(name, data);
      const rawOut = formatSyntax(raw);
      // Printing is stable: the printed text parses to the same tokens.
      expect(formatSyntax(parseSyntax(name, printed(rawOut)))).toBe(rawOut);

      let out = rawOut;
      if (strictFailures.has(name)) {
        expect(() => parse(`testdata/${name}`, data)).toThrow();
      } else {
        const f = parse(`testdata/${name}`, data);
        out = format(f);
        // A second strict parse of the output is a fixed point.
        expect(format(parse(`testdata/${name}`, printed(out)))).toBe(out);
      }

      if (name.endsWith('.golden')) {
        expect(printed(formatSyntax(parseSyntax(name, data)))).toEqual(Buffer.from(data));
      }
      if (name.endsWith('.in')) {
        const golden = read(path.join(dir, name.replace(/\.in$/, '.golden')));
        expect(printed(out)).toEqual(Buffer.from(golden));
      }
    });
  }
});

describe('go.work golden files', () => {
  it('finds the 12 upstream files', () => {
    expect(names(workDir)).toHaveLength(12);
  });

  for (const name of names(workDir)) {
    it(name, () => {
      const data = read(path.join(workDir, name));
      const raw = formatSyntax(parseSyntax(name, data));
      const f = parseWork(`testdata/work/${name}`, data);
      const out = formatWork(f);
      if (name.endsWith('.golden')) {
        expect(printed(raw)).toEqual(Buffer.from(data));
        expect(printed(out)).toEqual(Buffer.from(data));
      } else {
        const golden = read(path.join(workDir, name.replace(/\.in$/, '.golden')));
        expect(printed(out)).toEqual(Buffer.from(golden));
      }
      expect(decodeGoString(printed(out))).toBe(out);
    });
  }
});
