// The SARIF project's own validator (`@microsoft/sarif-multitool validate`,
// with its GitHub code scanning rules), for every test that writes SARIF.
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Log } from 'sarif';
import { spawnCollect } from '../support/spawn.js';
import { tempDir } from '../support/temp-dir.js';

const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;

export interface Verdict {
  level: string;
  ruleId: string;
  text: string;
}

/** Validates `files` in one run; the validator's results per file name. */
export async function validate(files: Record<string, string>): Promise<Map<string, Verdict[]>> {
  const dir = await tempDir('modseal-sarif-');
  const names = Object.keys(files);
  for (const n of names) await writeFile(path.join(dir, n), files[n] ?? '');
  const out = path.join(dir, 'validation.json');
  const r = await spawnCollect(
    multitool,
    [
      'validate',
      ...names.map((n) => path.join(dir, n)),
      '--rule-kind',
      'Sarif;Gh',
      '--output',
      out,
      '--log',
      'ForceOverwrite',
    ],
    { cwd: dir, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } },
  );
  expect(r.code, r.stdout.toString() + r.stderr.toString()).toBe(0);
  const log = JSON.parse(await readFile(out, 'utf8')) as Log;
  const byFile = new Map<string, Verdict[]>(names.map((n) => [n, []]));
  for (const res of log.runs[0]?.results ?? []) {
    const uri = res.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    byFile.get(name)?.push({
      // SARIF's default level is warning.
      level: res.level ?? 'warning',
      ruleId: res.ruleId ?? '',
      text:
        res.message.text ?? `${res.message.id ?? ''}: ${(res.message.arguments ?? []).join(' | ')}`,
    });
  }
  return byFile;
}
