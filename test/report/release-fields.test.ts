// What the text and JSON reports say about what was checked: the sides
// compared, a pass that compared nothing remote, request counts per step,
// and the remedy's caveat.
import { describe, expect, it } from 'vitest';
import type { ReleaseReport } from '../../src/checks/types.js';
import { renderJson } from '../../src/report/json.js';
import { renderText } from '../../src/report/text.js';
import { sampleReport } from '../support/sample-report.js';

function report(over: Partial<ReleaseReport>): ReleaseReport {
  const r = sampleReport({
    hashes: { local: { zip: 'h1:L=', mod: 'h1:M=' }, mirror: {}, sumdb: {} },
    steps: [
      { name: 'local', status: 'ok', detail: 'rebuilt' },
      { name: 'warm', status: 'ok', detail: 'the mirror serves it (3 attempts)', attempts: 3 },
    ],
    ...over,
  });
  // The text renderer's fields, without the commit and go.mod position.
  if (!('commit' in over)) delete r.commit;
  if (!('goMod' in over)) delete r.goMod;
  return r;
}

describe('what was checked', () => {
  it('a pass that compared nothing remote reads "pass (local only)" with the reason', () => {
    const r = report({
      compared: ['local'],
      localOnly: 'GONOPROXY/GOPRIVATE matches example.com/m: only the local rebuild was checked',
    });
    const lines = renderText(r).split('\n');
    expect(lines[0]).toBe(
      'modseal release gate: PASS (local only)  example.com/m@v1.2.3 (tag v1.2.3)',
    );
    expect(lines[1]).toBe(`  local only: ${r.localOnly}`);
    expect(lines[2]).toBe('  compared local');
    const doc = JSON.parse(renderJson(r)) as Record<string, unknown>;
    expect(doc.verdict).toBe('pass');
    expect(doc.compared).toEqual(['local']);
    expect(doc.localOnly).toBe(r.localOnly);
  });

  it('a full pass names the three sides and keeps the plain headline', () => {
    const text = renderText(report({}));
    expect(text.split('\n')[0]).toBe(
      'modseal release gate: PASS  example.com/m@v1.2.3 (tag v1.2.3)',
    );
    expect(text).toContain('\n  compared local, mirror, sumdb\n');
    expect(text).not.toContain('local only');
    const doc = JSON.parse(renderJson(report({}))) as Record<string, unknown>;
    expect(doc).not.toHaveProperty('localOnly');
    expect(Object.keys(doc).slice(0, 3)).toEqual(['schema', 'verdict', 'compared']);
  });

  it('request counts and the remedy caveat reach both reports', () => {
    const caveat = 'This advice may be wrong: this checkout is shallow';
    const r = report({
      verdict: 'fail',
      remedy: { nextVersion: 'v1.2.4', retract: 'retract v1.2.3 // moved', caveat },
    });
    expect(renderText(r)).toContain('the mirror serves it (3 attempts) [3 requests]');
    const doc = JSON.parse(renderJson(r)) as {
      steps: { name: string; attempts?: number }[];
      remedy: Record<string, string>;
    };
    expect(doc.steps.map((s) => s.attempts)).toEqual([undefined, 3]);
    expect(doc.remedy).toEqual({
      nextVersion: 'v1.2.4',
      retract: 'retract v1.2.3 // moved',
      caveat,
    });
  });
});
