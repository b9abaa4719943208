// Differential test against Go's own x/mod/modfile as today's Go ships it
// (the oracle's copy): a small Go program, built offline, parses each text
// strictly and leniently, formats it, and runs the ModulePath scanner; we
// compare every field. This is how the pull-request lint must read go.mod:
// the directives Go 1.19 never knew (`toolchain`, `godebug`, `tool`,
// `ignore`) and the go versions it refused (`1.21.0`, `1.21rc1`) included.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { decodeGoString, encodeGoString } from '../../src/internal/go-string.js';
import type { ModFile } from '../../src/modfile/index.js';
import { format, ModfileError, modulePath, parse, parseLax } from '../../src/modfile/index.js';
import { describeWithGo } from '../oracle/go-env.js';
import { buildGoProgram } from '../oracle/xmod-program.js';
import { tempDir } from '../support/temp-dir.js';

interface Case {
  name: string;
  text: string | Buffer;
}

const cases: Case[] = [
  { name: 'plain', text: 'module example.com/m\n' },
  {
    name: 'crlf',
    text: 'module example.com/m\r\n\r\ngo 1.19\r\n\r\nrequire example.com/a v1.0.0\r\n',
  },
  { name: 'quoted path', text: 'module "example.com/q"\n' },
  { name: 'backquoted path', text: 'module `example.com/b`\n' },
  { name: 'newline in string', text: 'module "example.com/x\n' },
  { name: 'eof in string', text: 'module "example.com/x' },
  { name: 'bad escape', text: 'module "a\\q"\n' },
  { name: 'escapes', text: 'module "ex\\u00e9\\x41"\n' },
  { name: 'repeated module', text: 'module a\nmodule b\n' },
  { name: 'module without path', text: 'module\n' },
  { name: 'module two args', text: 'module a b\n' },
  { name: 'go one', text: 'module m\ngo 1\n' },
  { name: 'go ok', text: 'module m\ngo 1.19\n' },
  { name: 'go v prefix', text: 'module m\ngo v1.19\n' },
  { name: 'go two args', text: 'module m\ngo 1.19 1.20\n' },
  { name: 'repeated go', text: 'module m\ngo 1.19\ngo 1.20\n' },
  { name: 'go junk suffix', text: 'module m\ngo 1.19-foo\n' },
  { name: 'go patch', text: 'module m\ngo 1.21.0\n' },
  { name: 'go release candidate', text: 'module m\ngo 1.21rc1\n' },
  { name: 'go patch release candidate', text: 'module m\ngo 1.21.0rc1\n' },
  { name: 'go 1.N.P junk', text: 'module m\ngo 1.21.x\n' },
  { name: 'go newer than any toolchain', text: 'module m\ngo 1.999\n' },
  {
    name: 'deprecated above',
    text: '// Deprecated: use example.com/new instead.\nmodule example.com/old\n',
  },
  { name: 'deprecated suffix', text: 'module example.com/old // Deprecated: use new\n' },
  {
    name: 'deprecated paragraph',
    text: '// Some text.\n//\n// Deprecated: first para\n// continues\n//\n// more\nmodule m\n',
  },
  { name: 'deprecated lowercase', text: '// deprecated: no\nmodule m\n' },
  { name: 'deprecated empty', text: '// Deprecated:\nmodule m\n' },
  { name: 'deprecated detached', text: '// Deprecated: detached\n\nmodule m\n' },
  { name: 'module block', text: 'module (\n\t// Deprecated: in block\n\tm\n)\n' },
  { name: 'retract single', text: 'module m\nretract v1.0.0 // oops\n' },
  { name: 'retract interval', text: 'module m\nretract [v1.0.0, v1.9.9] // range\n' },
  { name: 'retract quoted', text: 'module m\nretract "v1.2.3"\nretract [ "v1.2.3" , "v1.2.4" ]\n' },
  {
    name: 'retract block',
    text: 'module m\n// block rationale\nretract (\n\tv1.0.0\n\tv1.0.1 // own\n\t// above\n\t[v1.1.0, v1.2.0]\n)\n',
  },
  { name: 'retract missing comma', text: 'module m\nretract [v1.0.0 v1.2.0]\n' },
  { name: 'retract extra token', text: 'module m\nretract v1.0.0 v1.0.1\n' },
  { name: 'retract open interval', text: 'module m\nretract (v1.0.0, v1.0.1]\n' },
  { name: 'retract not a version', text: 'module m\nretract foo\n' },
  { name: 'retract without module', text: 'retract v1.0.0\n' },
  { name: 'retract empty', text: 'module m\nretract\n' },
  { name: 'require shorthand', text: 'module m\nrequire example.com/a v1\n' },
  { name: 'require bad version', text: 'module m\nrequire example.com/a latest\n' },
  { name: 'require major mismatch', text: 'module m\nrequire example.com/a/v2 v1.0.0\n' },
  { name: 'require incompatible', text: 'module m\nrequire example.com/a v2.0.0+incompatible\n' },
  { name: 'require usage', text: 'module m\nrequire example.com/a\n' },
  {
    name: 'require block',
    text: 'module m\n\nrequire (\n\texample.com/a v1.0.0 // indirect\n\n\n\texample.com/b v1.1.0\n)\n',
  },
  { name: 'unknown directive', text: 'module m\nfoo bar\n' },
  { name: 'unknown block', text: 'module m\nfoo (\n\tbar\n)\n' },
  { name: 'block comment', text: 'module m /* c */\n' },
  { name: 'unterminated block', text: 'module m\nrequire (\n\texample.com/a v1.0.0\n' },
  { name: 'paren after block', text: 'module m\nrequire (\n\texample.com/a v1.0.0\n) x\n' },
  { name: 'bom', text: '\ufeffmodule m\n' },
  { name: 'nul', text: 'module m\x00\n' },
  { name: 'replace no version', text: 'module m\nreplace a => b\n' },
  {
    name: 'main-only in lax',
    text: 'module m\nexclude example.com/a v1.0.0\nreplace example.com/a => ./a\n',
  },
  { name: 'modulepath comments', text: '// module fake\n  module   spaced/path  // c\n' },
  { name: 'modulepath prefix word', text: 'modulex y\nmodule real\n' },
  { name: 'invalid utf8', text: Buffer.from('module ex\xffample\n', 'latin1') },
  { name: 'rune column', text: 'module m\nrequire ü "v1\n' },
  { name: 'empty', text: '' },
  { name: 'comments only', text: '// a\n\n// b\n' },
  { name: 'toolchain', text: 'module m\ngo 1.19\ntoolchain go1.21.0\n' },
  { name: 'toolchain default', text: 'module m\ngo 1.21\ntoolchain default\n' },
  { name: 'toolchain without go prefix', text: 'module m\ngo 1.21\ntoolchain 1.21.0\n' },
  { name: 'toolchain with suffix', text: 'module m\ntoolchain go1.21.0+auto\n' },
  { name: 'toolchain custom', text: 'module m\ntoolchain go1.22.1-custom\n' },
  { name: 'repeated toolchain', text: 'module m\ntoolchain go1.21.0\ntoolchain go1.22.0\n' },
  { name: 'godebug', text: 'module m\ngo 1.23\ngodebug panicnil=1\n' },
  {
    name: 'godebug block',
    text: 'module m\ngo 1.23\n\ngodebug (\n\tdefault=go1.21\n\tasynctimerchan=0 // why\n)\n',
  },
  { name: 'godebug without value', text: 'module m\ngodebug panicnil\n' },
  { name: 'godebug two args', text: 'module m\ngodebug a=1 b=2\n' },
  { name: 'godebug bad key', text: 'module m\ngodebug a,b=1\n' },
  { name: 'tool', text: 'module example.com/m\ngo 1.24\ntool example.com/m/cmd/gen\n' },
  {
    name: 'tool block',
    text: 'module m\ngo 1.24\ntool (\n\tgolang.org/x/tools/cmd/stringer\n\texample.com/a/b // c\n)\n',
  },
  { name: 'tool bad path', text: 'module m\ntool ../escape\n' },
  { name: 'tool two args', text: 'module m\ntool a/b c/d\n' },
  { name: 'repeated tool', text: 'module m\ntool a/b\ntool a/b\n' },
  { name: 'ignore', text: 'module m\ngo 1.25\nignore ./node_modules\n' },
  {
    name: 'ignore block',
    text: 'module m\ngo 1.25\nignore (\n\t./third_party/js\n\tbuild\n\t"quoted dir"\n)\n',
  },
  { name: 'ignore two args', text: 'module m\nignore a b\n' },
  { name: 'ignore empty', text: 'module m\nignore\n' },
  {
    name: 'everything at once',
    text: 'module example.com/m\n\ngo 1.25.0\n\ntoolchain go1.27.3\n\ngodebug default=go1.21\n\nrequire example.com/a v1.2.3\n\ntool example.com/a/cmd/x\n\nignore ./web\n\nretract v1.0.0 // oops\n',
  },
];

interface GoResult {
  OK: boolean;
  Error: string;
  Module: string;
  Deprecated: string;
  Go: string;
  Retract: { Low: string; High: string; Rationale: string }[] | null;
  Format: string | null;
}
interface GoOut {
  Strict: GoResult;
  Lax: GoResult;
  ModulePath: string | null;
}

const program = `package main

import (
	"encoding/json"
	"os"

	"golang.org/x/mod/modfile"
)

type retract struct{ Low, High, Rationale string }

type result struct {
	OK         bool
	Error      string
	Module     []byte // bytes: JSON strings would lose invalid UTF-8
	Deprecated string
	Go         string
	Retract    []retract
	Format     []byte
}

func summarize(f *modfile.File, err error) result {
	if err != nil {
		return result{Error: err.Error()}
	}
	r := result{OK: true}
	if f.Module != nil {
		r.Module, r.Deprecated = []byte(f.Module.Mod.Path), f.Module.Deprecated
	}
	if f.Go != nil {
		r.Go = f.Go.Version
	}
	for _, x := range f.Retract {
		r.Retract = append(r.Retract, retract{x.Low, x.High, x.Rationale})
	}
	r.Format, _ = f.Format()
	return r
}

func main() {
	var inputs [][]byte
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := json.Unmarshal(data, &inputs); err != nil {
		panic(err)
	}
	type out struct {
		Strict, Lax result
		ModulePath  []byte
	}
	var outs []out
	for _, in := range inputs {
		outs = append(outs, out{
			Strict:     summarize(modfile.Parse("go.mod", in, nil)),
			Lax:        summarize(modfile.ParseLax("go.mod", in, nil)),
			ModulePath: []byte(modfile.ModulePath(in)),
		})
	}
	json.NewEncoder(os.Stdout).Encode(outs)
}
`;

function b64(s: string | null): string {
  return decodeGoString(Buffer.from(s ?? '', 'base64'));
}

function ours(f: () => ModFile): GoResult {
  try {
    const m = f();
    return {
      OK: true,
      Error: '',
      Module: m.module?.path ?? '',
      Deprecated: m.module?.deprecated ?? '',
      Go: m.go?.version ?? '',
      Retract:
        m.retract.length === 0
          ? null
          : m.retract.map((r) => ({ Low: r.low, High: r.high, Rationale: r.rationale })),
      Format: format(m),
    };
  } catch (e) {
    if (!(e instanceof ModfileError)) throw e;
    return {
      OK: false,
      Error: e.message,
      Module: '',
      Deprecated: '',
      Go: '',
      Retract: null,
      Format: null,
    };
  }
}

function theirs(r: GoResult): GoResult {
  return {
    ...r,
    Module: b64(r.Module),
    Format: r.OK ? b64(r.Format) : null,
  };
}

describeWithGo("modfile agrees with today's x/mod/modfile", () => {
  let work = '';
  let results: GoOut[] = [];

  beforeAll(async () => {
    const bin = await buildGoProgram({ name: 'modfile-oracle', mainGo: program });
    work = await tempDir('modseal-modfile-');
    const input = path.join(work, 'in.json');
    const texts = cases.map((c) =>
      (typeof c.text === 'string' ? encodeGoString(c.text) : c.text).toString('base64'),
    );
    fs.writeFileSync(input, JSON.stringify(texts));
    const out = execFileSync(bin, [input], { encoding: 'utf8', timeout: 20_000 });
    results = JSON.parse(out) as GoOut[];
  }, 60_000);

  it('ran every case', () => {
    expect(results).toHaveLength(cases.length);
  });

  cases.forEach((c, i) => {
    it(c.name, () => {
      const want = results[i];
      if (want === undefined) throw new Error('no oracle result');
      const data = typeof c.text === 'string' ? encodeGoString(c.text) : c.text;
      expect(modulePath(data)).toBe(b64(want.ModulePath));
      const check = (mode: 'strict' | 'lax', got: GoResult, exp: GoResult): void => {
        expect(got, `${mode} parse`).toEqual(theirs(exp));
      };
      check(
        'strict',
        ours(() => parse('go.mod', data)),
        want.Strict,
      );
      check(
        'lax',
        ours(() => parseLax('go.mod', data)),
        want.Lax,
      );
    });
  });
});
