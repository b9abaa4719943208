// .netrc parsing as the go command does it (Go's own test table).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNetrc } from '../../src/http/index.js';
import { oracle } from '../oracle/find-go.js';

// Read from the oracle's GOROOT (inside .cache/go-oracle), never from the machine's.
const goNetrcTest =
  oracle === undefined
    ? ''
    : path.join(oracle.goroot, 'src', 'cmd', 'go', 'internal', 'auth', 'netrc_test.go');

describe('netrc (Go TestParseNetrc table)', () => {
  // The input is Go's own test file, read where Go's source is installed.
  it.skipIf(goNetrcTest === '' || !existsSync(goNetrcTest))('parses like the go command', () => {
    const m = /var testNetrc = `([\s\S]*?)`/.exec(readFileSync(goNetrcTest, 'utf8'));
    expect(m).not.toBeNull();
    expect(parseNetrc(m?.[1] ?? '')).toEqual([
      { machine: 'api.github.com', login: 'user', password: 'pwd' },
      { machine: 'test.host', login: 'user2', password: 'pwd2' },
      { machine: 'oneline', login: 'user3', password: 'pwd3' },
      { machine: 'hasmacro.too', login: 'user4', password: 'pwd4' },
    ]);
  });
});
