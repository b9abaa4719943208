import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, type ReleaseReport } from '../../src/checks/types.js';
import { toAnnotations } from '../../src/report/annotations.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';

const FIX =
  'Publish v1.2.4 from the commit you want, with this line added to go.mod:\n    retract v1.2.3 // tag v1.2.3 moved after publication; use v1.2.4';

function movedReport(): ReleaseReport {
  return {
    schema: REPORT_SCHEMA,
    verdict: 'fail',
    tag: 'v1.2.3',
    module: 'example.com/m',
    version: 'v1.2.3',
    commit: '1111111111111111111111111111111111111111',
    goMod: { file: 'go.mod', line: 1, column: 1 },
    hashes: {
      local: { zip: 'h1:LOCAL=', mod: 'h1:MOD=' },
      mirror: { zip: 'h1:OLD=', mod: 'h1:MOD=' },
      sumdb: { zip: 'h1:OLD=', mod: 'h1:MOD=' },
    },
    mirrorCommit: '2222222222222222222222222222222222222222',
    mirrorUrl: 'https://proxy.golang.org',
    sumdbName: 'sum.golang.org',
    steps: [
      { name: 'local', status: 'ok', detail: 'example.com/m@v1.2.3' },
      { name: 'sumdb', status: 'ok', detail: 'sum.golang.org records h1:OLD=' },
    ],
    findings: [
      {
        code: 'tag-moved',
        severity: 'error',
        message: 'v1.2.3 now points at 1111111, but sum.golang.org records other bytes',
        file: 'go.mod',
        line: 1,
        column: 1,
        fix: FIX,
      },
      {
        code: 'deprecated',
        severity: 'warning',
        message: 'go.mod marks example.com/m as deprecated: use <n> | x',
      },
    ],
    diff: {
      added: ['new.go'],
      removed: ['old.go'],
      changed: [
        {
          name: 'm.go',
          mirrorSha256: 'aa',
          localSha256: 'bb',
          diff: '--- mirror/m.go\n+++ local/m.go\n@@ -1 +1 @@\n-const V = 1 // <b>\n+const V = 2\n',
        },
      ],
    },
    remedy: {
      nextVersion: 'v1.2.4',
      retract: 'retract v1.2.3 // tag v1.2.3 moved after publication; use v1.2.4',
    },
  };
}

describe('renderers', () => {
  it('renders text', () => {
    expect(renderText(movedReport())).toMatchInlineSnapshot(`
      "modseal release gate: FAIL  example.com/m@v1.2.3 (tag v1.2.3)
        commit   1111111111111111111111111111111111111111
        local    zip h1:LOCAL=  go.mod h1:MOD=
        mirror   zip h1:OLD=  go.mod h1:MOD=
        sumdb    zip h1:OLD=  go.mod h1:MOD=

      steps:
        local          ok        example.com/m@v1.2.3
        sumdb          ok        sum.golang.org records h1:OLD=

      findings:
        error tag-moved go.mod:1:1
          v1.2.3 now points at 1111111, but sum.golang.org records other bytes
          fix: Publish v1.2.4 from the commit you want, with this line added to go.mod:
              retract v1.2.3 // tag v1.2.3 moved after publication; use v1.2.4
        warning deprecated
          go.mod marks example.com/m as deprecated: use <n> | x

      files (mirror -> tag now):
        added    new.go
        removed  old.go
        changed  m.go

        --- mirror/m.go
        +++ local/m.go
        @@ -1 +1 @@
        -const V = 1 // <b>
        +const V = 2
      "
    `);
  });

  it('renders Markdown with everything foreign escaped', () => {
    const md = renderMarkdown(movedReport());
    expect(md).toMatchInlineSnapshot(`
      "## modseal release gate: ❌ fail

      <code>example.com/m@v1.2.3</code> from tag <code>v1.2.3</code> at <code>1111111111111111111111111111111111111111</code>

      | source | zip | go.mod |
      |---|---|---|
      | tag now (local rebuild) | <code>h1:LOCAL=</code> | <code>h1:MOD=</code> |
      | mirror https://proxy.golang.org | <code>h1:OLD=</code> | <code>h1:MOD=</code> |
      | checksum database sum.golang.org | <code>h1:OLD=</code> | <code>h1:MOD=</code> |

      The mirror fetched commit <code>2222222222222222222222222222222222222222</code>.

      ### Findings

      | severity | code | where | message |
      |---|---|---|---|
      | error | <code>tag-moved</code> | <code>go.mod:1</code> | v1.2.3 now points at 1111111, but sum.golang.org records other bytes |
      | warning | <code>deprecated</code> |  | go.mod marks example.com/m as deprecated: use &#60;n&#62; &#124; x |

      ### Fix

      <pre>Publish v1.2.4 from the commit you want, with this line added to go.mod:
          retract v1.2.3 // tag v1.2.3 moved after publication; use v1.2.4</pre>

      ### Files that differ (mirror → tag now)

      - added <code>new.go</code>
      - removed <code>old.go</code>
      - changed <code>m.go</code>

      <details>
      <summary>diff <code>m.go</code></summary>

      <pre>--- mirror/m.go
      +++ local/m.go
      @@ -1 +1 @@
      -const V = 1 // &lt;b&gt;
      +const V = 2
      </pre>
      </details>

      <details>
      <summary>Steps</summary>

      | step | status | detail |
      |---|---|---|
      | local | ok | example.com/m@v1.2.3 |
      | sumdb | ok | sum.golang.org records h1:OLD= |

      </details>
      "
    `);
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('<n>');
    expect(md).toContain('&lt;b&gt;');
  });

  it('escapes a hostile server body in the Markdown', () => {
    const r = movedReport();
    r.findings = [
      {
        code: 'mirror-rejected',
        severity: 'error',
        message: 'not found: <img src=x onerror=alert(1)> | </td> `x` [a](http://evil)',
      },
    ];
    r.diff = undefined;
    const md = renderMarkdown(r);
    expect(md).not.toMatch(/<img|<\/td>|\]\(http/);
    const row = md.split('\n').find((l) => l.includes('mirror-rejected')) ?? '';
    // The row keeps its four cells: the body's "|" cannot add columns.
    expect(row.split('|').length).toBe(6);
  });

  it('renders a stable JSON document', () => {
    const json = renderJson(movedReport());
    expect(json).toMatchInlineSnapshot(`
      "{
        "schema": "modseal.release-report/v1",
        "verdict": "fail",
        "tag": "v1.2.3",
        "module": "example.com/m",
        "version": "v1.2.3",
        "commit": "1111111111111111111111111111111111111111",
        "mirrorCommit": "2222222222222222222222222222222222222222",
        "goMod": {
          "file": "go.mod",
          "line": 1,
          "column": 1
        },
        "hashes": {
          "local": {
            "zip": "h1:LOCAL=",
            "mod": "h1:MOD="
          },
          "mirror": {
            "zip": "h1:OLD=",
            "mod": "h1:MOD="
          },
          "sumdb": {
            "zip": "h1:OLD=",
            "mod": "h1:MOD="
          }
        },
        "mirrorUrl": "https://proxy.golang.org",
        "sumdbName": "sum.golang.org",
        "steps": [
          {
            "name": "local",
            "status": "ok",
            "detail": "example.com/m@v1.2.3"
          },
          {
            "name": "sumdb",
            "status": "ok",
            "detail": "sum.golang.org records h1:OLD="
          }
        ],
        "findings": [
          {
            "code": "tag-moved",
            "severity": "error",
            "message": "v1.2.3 now points at 1111111, but sum.golang.org records other bytes",
            "file": "go.mod",
            "line": 1,
            "column": 1,
            "fix": "Publish v1.2.4 from the commit you want, with this line added to go.mod:\\n    retract v1.2.3 // tag v1.2.3 moved after publication; use v1.2.4"
          },
          {
            "code": "deprecated",
            "severity": "warning",
            "message": "go.mod marks example.com/m as deprecated: use <n> | x"
          }
        ],
        "diff": {
          "added": [
            "new.go"
          ],
          "removed": [
            "old.go"
          ],
          "changed": [
            {
              "name": "m.go",
              "mirrorSha256": "aa",
              "localSha256": "bb",
              "diff": "--- mirror/m.go\\n+++ local/m.go\\n@@ -1 +1 @@\\n-const V = 1 // <b>\\n+const V = 2\\n"
            }
          ]
        },
        "remedy": {
          "nextVersion": "v1.2.4",
          "retract": "retract v1.2.3 // tag v1.2.3 moved after publication; use v1.2.4"
        }
      }
      "
    `);
    const doc = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'schema',
      'verdict',
      'tag',
      'module',
      'version',
      'commit',
      'mirrorCommit',
      'goMod',
      'hashes',
      'mirrorUrl',
      'sumdbName',
      'steps',
      'findings',
      'diff',
      'remedy',
    ]);
  });

  it('turns findings into annotations, errors first, with the fix', () => {
    const r = movedReport();
    r.findings.reverse();
    const a = toAnnotations(r);
    expect(a.map((x) => x.severity)).toEqual(['error', 'warning']);
    expect(a[0]).toMatchObject({ file: 'go.mod', line: 1, column: 1, title: 'modseal: tag-moved' });
    expect(a[0]?.message).toContain(FIX);
    expect(a[1]?.file).toBeUndefined();
  });
});
