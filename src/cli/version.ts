// modseal's own version, as package.json says. The bundle (dist/cli.js) gets
// it from scripts/build.mjs, which replaces MODSEAL_VERSION with the string;
// run from source (tests), package.json is read next to src/.
import { readFileSync } from 'node:fs';

declare const MODSEAL_VERSION: string | undefined;

export function modsealVersion(): string {
  if (typeof MODSEAL_VERSION === 'string') return MODSEAL_VERSION;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
