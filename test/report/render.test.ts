import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, type ReleaseReport } from '../../src/checks/types.js';
import { findingsToShow, toAnnotations } from '../../src/report/annotations.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { renderGfm } from './github-render.js';

const FIX =
  'Publish v1.2.4 from the commit you want, with this line added to go.mod:\n    retract v1.2.3 // tag v1.2.3 moved after publication; use v1.2.4';

function movedReport(): ReleaseReport {
  return {
    schema: REPORT_SCHEMA,
    verdict: 'fail',
    compared: ['local', 'mirror', 'sumdb'],
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
        compared local, mirror, sumdb
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

      \`example.com/m@v1.2.3\` from tag \`v1.2.3\` at commit \`111111111111\`. Compared the local rebuild of the tag with the mirror \`https://proxy.golang.org\` and the checksum database \`sum.golang.org\`.

      ### Fix

      Publish v1.2.4 from the commit you want, with this line added to go.mod:

      \`\`\`
      retract v1.2.3 // tag v1.2.3 moved after publication; use v1.2.4
      \`\`\`

      **Who is affected.** Users who fetch \`example.com/m@v1.2.3\` through the mirror keep getting the old bytes of commit \`222222222222\`; anyone who fetches the tag directly gets the new commit and \`verifying module: checksum mismatch … SECURITY ERROR\`. Moving the tag back is safe only if nobody fetched the new commit.

      ### Findings

      - ❌ **error** \`tag-moved\`: v1.2.3 now points at 1111111, but sum.golang.org records other bytes
      - ⚠️ **warning** \`deprecated\`: go.mod marks example.com/m as deprecated: use &#60;n&#62; &#124; x

      ### Hashes

      | hash | source | h1 |
      |---|---|---|
      | **zip** | tag now (local rebuild) | \`h1:LOCAL=\` |
      | | mirror | ❌ **\`h1:OLD=\` differs** |
      | | checksum database | ❌ **\`h1:OLD=\` differs** |
      | **go.mod** | tag now (local rebuild) | \`h1:MOD=\` |
      | | mirror | ✅ \`h1:MOD=\` |
      | | checksum database | ✅ \`h1:MOD=\` |

      ✅ same as the tag now · ❌ differs from the tag now

      ### Files that differ (mirror → tag now)

      - added \`new.go\`
      - removed \`old.go\`
      - changed \`m.go\`

      <details open>
      <summary>diff <code>m.go</code></summary>

      \`\`\`diff
      --- mirror/m.go
      +++ local/m.go
      @@ -1 +1 @@
      -const V = 1 // <b>
      +const V = 2
      \`\`\`

      </details>

      <details>
      <summary>Steps</summary>

      | step | status | requests | detail |
      |---|---|---|---|
      | local | ok |  | \`example.com/m@v1.2.3\` |
      | sumdb | ok |  | sum.golang.org records h1:OLD= |

      </details>
      "
    `);

    // Outside fenced blocks nothing foreign stays raw HTML.
    const outsideFences = md.replace(/^```[^]*?^```$/gm, '');
    expect(outsideFences).not.toContain('<b>');
    expect(outsideFences).not.toContain('<n>');
    expect(md).toContain('&#60;n&#62;');
    // Inside the diff's fence it is verbatim, which is safe there.
    expect(md).toContain('```diff\n--- mirror/m.go');
    expect(md).toContain('-const V = 1 // <b>\n');
  });

  it('escapes a hostile server body in the Markdown', () => {
    const r = movedReport();
    r.findings = [
      {
        code: 'mirror-rejected',
        severity: 'error',
        message:
          'not found: <img src=x onerror=alert(1)> | </td> `x` ``y`` [a](http://evil) https://evil.example/x www.evil.example ops@evil.example\n- injected item\n# heading',
      },
    ];
    r.steps = [{ name: 'warm', status: 'failed', detail: 'a | b </td><script>x</script>' }];
    r.diff = undefined;
    const md = renderMarkdown(r);
    const html = renderGfm(md);
    expect(html).not.toMatch(
      /<img|<\/td>\s*<\/td>|<script|href="http:\/\/evil|href="https:\/\/evil|href="http:\/\/www|mailto:/,
    );
    // One list item: the body's newlines cannot start another item or a heading.
    const item = /<li>❌ <strong>error<\/strong> <code>mirror-rejected<\/code>:([^]*?)<\/li>/.exec(
      html,
    );
    expect(item?.[1]).toContain('- injected item');
    expect(html).not.toContain('<h1>heading');
    // The steps row keeps its four cells: the "|" cannot add columns.
    const row = /<tr>\s*<td>warm<\/td>([^]*?)<\/tr>/.exec(html)?.[0] ?? '';
    expect(row.match(/<td>/g)).toHaveLength(4);
  });

  it('renders a stable JSON document', () => {
    const json = renderJson(movedReport());
    expect(json).toMatchInlineSnapshot(`
      "{
        "schema": "modseal.release-report/v1",
        "verdict": "fail",
        "compared": [
          "local",
          "mirror",
          "sumdb"
        ],
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
      'compared',
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

  it('turns findings into annotations, errors first, with the fix, only version problems on go.mod', () => {
    const r = movedReport();
    r.findings.push({
      code: 'version-invalid',
      severity: 'error',
      message: 'example.com/m@v1.2.3: invalid version',
      file: 'sub/go.mod',
      line: 3,
      column: 1,
    });
    r.findings.reverse();
    const a = toAnnotations(r);
    expect(a.map((x) => [x.severity, x.title])).toEqual([
      ['error', 'modseal: version-invalid'],
      ['error', 'modseal: tag-moved'],
      ['warning', 'modseal: deprecated'],
    ]);
    expect(a[0]).toMatchObject({ file: 'sub/go.mod', line: 3, column: 1 });
    // A moved tag is not a problem of go.mod line 1: job level.
    expect(a[1]?.file).toBeUndefined();
    expect(a[1]?.line).toBeUndefined();
    expect(a[1]?.message).toContain(FIX);
    // deprecated is placed by the gate only when it knows the line.
    expect(a[2]?.file).toBeUndefined();
  });

  it('reports a moved tag once: Origin is evidence inside tag-moved', () => {
    const r = movedReport();
    r.findings.splice(1, 0, {
      code: 'origin-mismatch',
      severity: 'error',
      message:
        'the mirror fetched v1.2.3 at commit 2222222222222222222222222222222222222222, but v1.2.3 now points at 1111111111111111111111111111111111111111.',
      file: 'go.mod',
      line: 1,
      column: 1,
      fix: FIX,
    });
    const codes = (xs: { title: string }[]): string[] => xs.map((x) => x.title);
    expect(codes(toAnnotations(r))).toEqual(['modseal: tag-moved', 'modseal: deprecated']);
    expect(findingsToShow(r).map((f) => f.code)).toEqual(['tag-moved', 'deprecated']);
    // The commit is named in tag-moved, as evidence.
    expect(findingsToShow(r)[0]?.message).toContain('2222222222222222222222222222222222222222');
    const md = renderMarkdown(r);
    expect(md).not.toContain('origin-mismatch');
    // One fix, shown once.
    expect(md.split('retract v1.2.3 //').length - 1).toBe(1);

    // Without tag-moved (content identical), origin-mismatch is the finding itself.
    r.findings = r.findings.filter((f) => f.code !== 'tag-moved');
    expect(findingsToShow(r).map((f) => f.code)).toEqual(['origin-mismatch', 'deprecated']);
  });
});
