// Builds the two committed bundles. The output must be byte-for-byte
// reproducible: CI rebuilds and compares it with the committed dist/.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

// Some CommonJS dependencies (tunnel inside @actions/http-client) call
// require() for Node built-ins; an ESM bundle needs a real require for them.
const banner = {
  js: "import { createRequire as __modsealCreateRequire } from 'node:module';\nconst require = __modsealCreateRequire(import.meta.url);",
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
  banner,
  // `modseal --version` (src/cli/version.ts) without shipping package.json.
  define: { MODSEAL_VERSION: JSON.stringify(version) },
};

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node\n' + banner.js },
});
await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: 'dist/index.js' });
// The bin must be runnable directly (./dist/cli.js) as well as through npx.
chmodSync('dist/cli.js', 0o755);
