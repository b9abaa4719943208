// The oracle for reading imports: a small Go program (standard library
// only) that asks go/build — the code `go list` runs — what each file
// imports, where, and what error it has, ignoring build constraints
// (Context.UseAllFiles) so constrained files are read too. Each file must
// be alone in its directory. For the columns of path literals and names,
// which go/build does not keep, it also parses the file with go/parser in
// ImportsOnly mode (after dropping a leading byte order mark, as go/build
// does), with physical positions (PositionFor(pos, false)). A file whose
// build constraint is malformed is one go/build refuses outright; the reader
// does not parse constraints, so for such a file the oracle also reports
// what go/build reads once the constraint lines are plain comments.
import { execFile } from 'node:child_process';
import { buildGoProgram } from '../oracle/xmod-program.js';

const MAIN_GO = String.raw`package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type pos struct{ Line, Column, Offset int }

type imp struct {
	Path []byte
	Pos  pos
}

type spec struct {
	Name    string
	HasName bool
	NamePos pos
	Path    []byte
	Literal []byte
	PathPos pos
	PathEnd pos
}

type errOut struct {
	Msg  []byte
	Pos  *pos
	Text []byte
}

type result struct {
	Name          string
	ConstraintErr *errOut
	Imports  []imp
	Err      *errOut
	Specs    []spec
	ParseErr *errOut
}

func describe(err error) *errOut {
	if err == nil {
		return nil
	}
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		p := list[0].Pos
		return &errOut{Msg: []byte(list[0].Msg), Pos: &pos{p.Line, p.Column, p.Offset}, Text: []byte(err.Error())}
	}
	var one *scanner.Error
	if errors.As(err, &one) {
		p := one.Pos
		return &errOut{Msg: []byte(one.Msg), Pos: &pos{p.Line, p.Column, p.Offset}, Text: []byte(err.Error())}
	}
	return &errOut{Msg: []byte(err.Error()), Text: []byte(err.Error())}
}

func physical(fset *token.FileSet, p token.Pos) pos {
	q := fset.PositionFor(p, false)
	return pos{q.Line, q.Column, q.Offset}
}

func one(file string) result {
	var r result
	ctxt := build.Default
	ctxt.UseAllFiles = true
	ctxt.CgoEnabled = true
	p, err := ctxt.ImportDir(filepath.Dir(file), 0)
	if err != nil && strings.HasPrefix(err.Error(), filepath.Base(file)+": ") {
		// A malformed build constraint: go/build refuses the file before
		// looking at its imports. Read a copy whose constraint lines are
		// plain comments of the same length, so every position is kept.
		r.ConstraintErr = describe(err)
		src, _ := os.ReadFile(file)
		src = bytes.ReplaceAll(src, []byte("//go:build"), []byte("//go:BUILD"))
		src = bytes.ReplaceAll(src, []byte("+build"), []byte("+BUILD"))
		dir, derr := os.MkdirTemp("", "neutral-")
		if derr != nil {
			panic(derr)
		}
		defer os.RemoveAll(dir)
		if werr := os.WriteFile(filepath.Join(dir, filepath.Base(file)), src, 0o666); werr != nil {
			panic(werr)
		}
		p, err = ctxt.ImportDir(dir, 0)
	}
	r.Err = describe(err)
	if p != nil {
		r.Name = p.Name
		for _, m := range []map[string][]token.Position{p.ImportPos, p.TestImportPos, p.XTestImportPos} {
			for path, ps := range m {
				for _, q := range ps {
					r.Imports = append(r.Imports, imp{[]byte(path), pos{q.Line, q.Column, q.Offset}})
				}
			}
		}
		sort.Slice(r.Imports, func(i, j int) bool { return r.Imports[i].Pos.Offset < r.Imports[j].Pos.Offset })
	}
	src, _ := os.ReadFile(file)
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	fset := token.NewFileSet()
	f, perr := parser.ParseFile(fset, file, src, parser.ImportsOnly|parser.ParseComments)
	r.ParseErr = describe(perr)
	for _, s := range f.Imports {
		var sp spec
		if s.Name != nil {
			sp.HasName = true
			sp.Name = s.Name.Name
			sp.NamePos = physical(fset, s.Name.Pos())
		}
		sp.Literal = []byte(s.Path.Value)
		if v, err := strconv.Unquote(s.Path.Value); err == nil {
			sp.Path = []byte(v)
		}
		sp.PathPos = physical(fset, s.Path.Pos())
		sp.PathEnd = physical(fset, s.Path.End())
		r.Specs = append(r.Specs, sp)
	}
	return r
}

func main() {
	var files []string
	if err := json.NewDecoder(os.Stdin).Decode(&files); err != nil {
		panic(err)
	}
	out := []result{}
	for _, f := range files {
		out = append(out, one(f))
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
`;

export interface OraclePos {
  Line: number;
  Column: number;
  Offset: number;
}

/** An error as the oracle describes it; byte fields are base64 (Go's []byte in JSON). */
export interface OracleError {
  Msg: string;
  Pos: OraclePos | null;
  Text: string;
}

export interface OracleResult {
  /** go/build's package name ('' when it ignored or could not read the file). */
  Name: string;
  /** go/build's ImportPos, TestImportPos and XTestImportPos, in offset order. */
  Imports: { Path: string; Pos: OraclePos }[] | null;
  /**
   * go/build's refusal of a malformed build constraint; the other fields
   * then describe the same file with its constraint lines made plain comments.
   */
  ConstraintErr: OracleError | null;
  /** go/build's error for the directory. */
  Err: OracleError | null;
  /** go/parser's import specs (whole file, ImportsOnly), physical positions. */
  Specs:
    | {
        Name: string;
        HasName: boolean;
        NamePos: OraclePos;
        Path: string | null;
        Literal: string;
        PathPos: OraclePos;
        PathEnd: OraclePos;
      }[]
    | null;
  ParseErr: OracleError | null;
}

/** Runs the oracle on `files` (absolute paths, each alone in its directory). */
export async function runImportsOracle(
  files: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<OracleResult[]> {
  const bin = await buildGoProgram({ name: 'imports-oracle', mainGo: MAIN_GO });
  const out = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      bin,
      [],
      { env, timeout: 120_000, maxBuffer: 256 << 20, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`imports oracle: ${err.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
    child.stdin?.end(JSON.stringify(files));
  });
  return JSON.parse(out) as OracleResult[];
}

/** A base64 field of the oracle's output as bytes. */
export function b64(s: string | null | undefined): Buffer {
  return Buffer.from(s ?? '', 'base64');
}
