// Builds (offline) and runs a small Go program over the oracle's x/mod
// sources, so differential tests can ask x/mod itself for zip hashes,
// reports and error texts. Only used under describeWithGo.
import { execFile } from 'node:child_process';

import { buildGoProgram } from './xmod-program.js';

// Test harness program (ours): reads a JSON array of jobs on stdin and
// prints a JSON array of results. Byte fields travel as base64 so names and
// messages that are not UTF-8 survive.
const MAIN_GO = `package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/dirhash"
	modzip "golang.org/x/mod/zip"
)

type job struct {
	Op      string
	Path    []byte
	Version string
	Dir     string
	Zip     string
	Prefix  string
}

type result struct {
	Hash   string
	Err    []byte
	Report []byte
}

func report(cf modzip.CheckedFiles) []byte {
	var b bytes.Buffer
	b.WriteString("valid:\\n")
	for _, f := range cf.Valid {
		b.WriteString(f + "\\n")
	}
	b.WriteString("\\nomitted:\\n")
	for _, f := range cf.Omitted {
		fmt.Fprintf(&b, "%s: %v\\n", f.Path, f.Err)
	}
	b.WriteString("\\ninvalid:\\n")
	for _, f := range cf.Invalid {
		fmt.Fprintf(&b, "%s: %v\\n", f.Path, f.Err)
	}
	if cf.SizeError != nil {
		fmt.Fprintf(&b, "\\nsize: %v\\n", cf.SizeError)
	}
	return b.Bytes()
}

func run(j job) (r result) {
	m := module.Version{Path: string(j.Path), Version: j.Version}
	setErr := func(err error) { r.Err = []byte(err.Error()) }
	switch j.Op {
	case "createFromDir":
		f, err := os.Create(j.Zip)
		if err != nil {
			setErr(err)
			return
		}
		err = modzip.CreateFromDir(f, m, j.Dir)
		f.Close()
		if err != nil {
			setErr(err)
			return
		}
		h, err := dirhash.HashZip(j.Zip, dirhash.Hash1)
		if err != nil {
			setErr(err)
			return
		}
		r.Hash = h
	case "hashZip":
		h, err := dirhash.HashZip(j.Zip, dirhash.Hash1)
		if err != nil {
			setErr(err)
			return
		}
		r.Hash = h
	case "hashDir":
		h, err := dirhash.HashDir(j.Dir, j.Prefix, dirhash.Hash1)
		if err != nil {
			setErr(err)
			return
		}
		r.Hash = h
	case "checkZip":
		cf, err := modzip.CheckZip(m, j.Zip)
		r.Report = report(cf)
		if err != nil {
			setErr(err)
		}
	case "checkDir":
		cf, err := modzip.CheckDir(j.Dir)
		r.Report = report(cf)
		if err != nil {
			setErr(err)
		}
	case "unzip":
		if err := modzip.Unzip(j.Dir, m, j.Zip); err != nil {
			setErr(err)
			return
		}
		h, err := dirhash.HashDir(j.Dir, j.Prefix, dirhash.Hash1)
		if err != nil {
			setErr(err)
			return
		}
		r.Hash = h
	default:
		setErr(fmt.Errorf("unknown op %q", j.Op))
	}
	return r
}

func main() {
	var jobs []job
	if err := json.NewDecoder(os.Stdin).Decode(&jobs); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := make([]result, len(jobs))
	for i, j := range jobs {
		out[i] = run(j)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
`;

export interface OracleJob {
  op: 'createFromDir' | 'hashZip' | 'hashDir' | 'checkZip' | 'checkDir' | 'unzip';
  path?: Buffer;
  version?: string;
  dir?: string;
  zip?: string;
  prefix?: string;
}

export interface OracleResult {
  hash: string;
  /** Go's error text (bytes as a Go string is not needed: messages are quoted). */
  err?: Buffer;
  report?: Buffer;
}

export interface XmodOracle {
  run(jobs: OracleJob[]): Promise<OracleResult[]>;
}

function exec(file: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      [],
      { maxBuffer: 64 << 20, timeout: 120_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${file}: ${err.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
    child.stdin?.end(input);
  });
}

/** Builds the oracle (offline, cached across runs); every job names absolute paths. */
export async function buildXmodOracle(): Promise<XmodOracle> {
  const bin = await buildGoProgram({ name: 'xmod-oracle', mainGo: MAIN_GO });
  return {
    async run(jobs) {
      const input = JSON.stringify(
        jobs.map((j) => ({
          Op: j.op,
          Path: (j.path ?? Buffer.alloc(0)).toString('base64'),
          Version: j.version ?? '',
          Dir: j.dir ?? '',
          Zip: j.zip ?? '',
          Prefix: j.prefix ?? '',
        })),
      );
      const out = await exec(bin, input);
      const parsed = JSON.parse(out) as {
        Hash: string;
        Err: string | null;
        Report: string | null;
      }[];
      return parsed.map((r) => {
        const res: OracleResult = { hash: r.Hash };
        if (r.Err !== null) res.err = Buffer.from(r.Err, 'base64');
        if (r.Report !== null) res.report = Buffer.from(r.Report, 'base64');
        return res;
      });
    },
  };
}
