// The real Go as the source of expected values: a small Go program, built
// offline against the x/mod source shipped with Debian, that answers queries
// about paths, versions, quoting and case folding. Requests and answers are
// hex-encoded fields, so invalid UTF-8 travels unharmed.
import { execFile } from 'node:child_process';

import { decodeGoString, encodeGoString } from '../../src/internal/go-string.js';
import { buildGoProgram } from './xmod-program.js';

const GO_MAIN = String.raw`package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

func errText(err error) string {
	if err == nil {
		return "-"
	}
	return hex.EncodeToString([]byte(err.Error()))
}

func h(s string) string { return hex.EncodeToString([]byte(s)) }

func b(v bool) string {
	if v {
		return h("true")
	}
	return h("false")
}

// foldKey maps each rune to the least rune of its SimpleFold cycle and
// lowers ASCII letters, the key x/mod's zip package uses for collisions.
func foldKey(s string) string {
	var sb strings.Builder
	for _, r := range s {
		for {
			next := unicode.SimpleFold(r)
			if next <= r {
				r = next
				break
			}
			r = next
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func withPanic(f func() string) (out string) {
	defer func() {
		if p := recover(); p != nil {
			out = "panic: " + fmt.Sprint(p)
		}
	}()
	return f()
}

func strErr(s string, err error) []string {
	if err != nil {
		return []string{"-", errText(err)}
	}
	return []string{h(s), "-"}
}

func answer(cmd string, a []string) []string {
	switch cmd {
	case "path":
		s := a[0]
		prefix, major, ok := module.SplitPathVersion(s)
		out := []string{errText(module.CheckPath(s)), errText(module.CheckImportPath(s)), errText(module.CheckFilePath(s)), h(prefix), h(major), b(ok)}
		e, err := module.EscapePath(s)
		out = append(out, strErr(e, err)...)
		u, err := module.UnescapePath(s)
		out = append(out, strErr(u, err)...)
		e, err = module.EscapeVersion(s)
		out = append(out, strErr(e, err)...)
		u, err = module.UnescapeVersion(s)
		out = append(out, strErr(u, err)...)
		return append(out, h(strconv.Quote(s)), h(fmt.Sprintf("%q", s)), h(foldKey(s)))
	case "ver":
		v := a[0]
		out := []string{b(semver.IsValid(v)), h(semver.Canonical(v)), h(semver.Major(v)), h(semver.MajorMinor(v)), h(semver.Prerelease(v)), h(semver.Build(v)), h(module.CanonicalVersion(v)), b(module.IsPseudoVersion(v)), b(module.IsZeroPseudoVersion(v))}
		t, err := module.PseudoVersionTime(v)
		out = append(out, strErr(strconv.FormatInt(t.Unix(), 10), err)...)
		r, err := module.PseudoVersionRev(v)
		out = append(out, strErr(r, err)...)
		base, err := module.PseudoVersionBase(v)
		return append(out, strErr(base, err)...)
	case "cmp":
		return []string{h(strconv.Itoa(semver.Compare(a[0], a[1]))), h(semver.Max(a[0], a[1]))}
	case "check":
		return []string{errText(module.Check(a[0], a[1]))}
	case "pm":
		return []string{errText(module.CheckPathMajor(a[0], a[1])), b(module.MatchPathMajor(a[0], a[1])), h(withPanic(func() string { return module.PathMajorPrefix(a[1]) }))}
	case "pseudo":
		sec, err := strconv.ParseInt(a[2], 10, 64)
		if err != nil {
			panic(err)
		}
		return []string{h(module.PseudoVersion(a[0], a[1], time.Unix(sec, 0), a[3]))}
	case "rune":
		n, err := strconv.ParseInt(a[0], 10, 64)
		if err != nil {
			panic(err)
		}
		return []string{h(fmt.Sprintf("%q", rune(n))), h(strconv.FormatInt(int64(unicode.SimpleFold(rune(n))), 10))}
	case "eqf":
		return []string{b(strings.EqualFold(a[0], a[1]))}
	case "match":
		return []string{b(module.MatchPrefixPatterns(a[0], a[1]))}
	case "sort":
		list := append([]string(nil), a...)
		semver.Sort(list)
		out := make([]string, len(list))
		for i, s := range list {
			out[i] = h(s)
		}
		return out
	}
	panic("unknown command " + cmd)
}

// ucd prints, for every rune, runs of (printable, assigned, letter) and
// every rune whose SimpleFold is another rune.
func ucd(w *bufio.Writer) {
	assigned := []*unicode.RangeTable{unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C}
	last := -1
	for r := rune(0); r <= unicode.MaxRune; r++ {
		bits := 0
		if strconv.IsPrint(r) {
			bits |= 1
		}
		if unicode.In(r, assigned...) {
			bits |= 2
		}
		if unicode.IsLetter(r) {
			bits |= 4
		}
		if bits != last {
			fmt.Fprintf(w, "run %d %d\n", r, bits)
			last = bits
		}
		if f := unicode.SimpleFold(r); f != r {
			fmt.Fprintf(w, "fold %d %d\n", r, f)
		}
	}
	fmt.Fprintf(w, "version %s\n", unicode.Version)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if len(os.Args) > 1 && os.Args[1] == "ucd" {
		ucd(w)
		return
	}
	for in.Scan() {
		fields := strings.Split(in.Text(), "\t")
		args := make([]string, len(fields)-1)
		for i, f := range fields[1:] {
			raw, err := hex.DecodeString(f)
			if err != nil {
				panic(err)
			}
			args[i] = string(raw)
		}
		fmt.Fprintln(w, strings.Join(answer(fields[0], args), "\t"))
	}
}
`;

/** One answer field: a Go string, or null for a nil error / absent value. */
export type Field = string | null;

export interface GoOracle {
  /** Sends every query in one run; each query is a command and its string arguments. */
  ask(queries: readonly (readonly [cmd: string, ...args: string[]])[]): Promise<Field[][]>;
  /** Unicode facts of the Go release: property runs, non-trivial SimpleFold pairs, version. */
  ucd(): Promise<{
    runs: [start: number, bits: number][];
    folds: Map<number, number>;
    version: string;
  }>;
}

/** Builds the oracle program (cached across runs; call once per test file). */
export async function buildGoOracle(): Promise<GoOracle> {
  const bin = await buildGoProgram({ name: 'module-oracle', mainGo: GO_MAIN });

  const run = (args: string[], input: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = execFile(
        bin,
        args,
        { maxBuffer: 1 << 28, timeout: 30_000, encoding: 'utf8' },
        (err, stdout, stderr) => {
          if (err) reject(new Error(`go oracle failed: ${err.message}\n${stderr}`));
          else resolve(stdout);
        },
      );
      child.stdin!.end(input);
    });

  return {
    async ask(queries) {
      const input = queries
        .map(([cmd, ...args]) =>
          [cmd, ...args.map((a) => encodeGoString(a).toString('hex'))].join('\t'),
        )
        .join('\n');
      const out = await run([], input + '\n');
      const lines = out.split('\n');
      lines.pop();
      if (lines.length !== queries.length) {
        throw new Error(`go oracle: ${queries.length} queries, ${lines.length} answers`);
      }
      return lines.map((line) =>
        line === ''
          ? []
          : line.split('\t').map((f) => (f === '-' ? null : decodeGoString(Buffer.from(f, 'hex')))),
      );
    },
    async ucd() {
      const out = await run(['ucd'], '');
      const runs: [number, number][] = [];
      const folds = new Map<number, number>();
      let version = '';
      for (const line of out.split('\n')) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'run') runs.push([Number(a), Number(b)]);
        else if (kind === 'fold') folds.set(Number(a), Number(b));
        else if (kind === 'version') version = a!;
      }
      return { runs, folds, version };
    },
  };
}
