// Regenerates the inputs and outputs tables in README.md from action.yml,
// between <!-- action-docs:start --> and <!-- action-docs:end -->.
//
//   node scripts/gen-action-docs.mjs [--check] [--action FILE] [--readme FILE]
//
// --check changes nothing and exits 1 when README.md is out of date (for CI).
// action.yml is read with a parser for the small YAML subset it uses (block
// mappings, plain/quoted/block scalars), so no YAML dependency is needed.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const START = '<!-- action-docs:start -->';
const END = '<!-- action-docs:end -->';

function fail(message, code = 2) {
  process.stderr.write(`gen-action-docs: ${message}\n`);
  process.exit(code);
}

/** One scalar as written after "key:", without comments. */
function scalar(raw, where) {
  const s = raw.trim();
  if (s.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(s);
    if (!m) fail(`${where}: unterminated double-quoted string`);
    return m[1].replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\' })[c] ?? c);
  }
  if (s.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(s);
    if (!m) fail(`${where}: unterminated single-quoted string`);
    return m[1].replace(/''/g, "'");
  }
  return s.replace(/\s+#.*$/, '');
}

/** Parses `inputs:`/`outputs:` of action.yml into {name: {key: value}} maps. */
export function parseActionYaml(text) {
  const lines = text.split(/\r?\n/);
  const result = { inputs: {}, outputs: {} };
  let section;
  let entry;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = /^ */.exec(line)[0].length;
    const m = /^ *([A-Za-z0-9_-]+):(.*)$/.exec(line);
    if (!m) {
      if (section) fail(`line ${i + 1}: cannot read ${JSON.stringify(line.trim())}`);
      continue;
    }
    const [, key, rest] = m;
    if (indent === 0) {
      section = key === 'inputs' || key === 'outputs' ? result[key] : undefined;
      entry = undefined;
    } else if (section && indent === 2) {
      entry = section[key] = {};
    } else if (section && entry && indent === 4) {
      const value = rest.trim();
      if (value === '|' || value === '>' || value === '|-' || value === '>-') {
        const block = [];
        while (i + 1 < lines.length && (/^\s*$/.test(lines[i + 1]) || /^ {6}/.test(lines[i + 1]))) {
          block.push(lines[++i].slice(6));
        }
        while (block.length > 0 && block[block.length - 1].trim() === '') block.pop();
        entry[key] = value.startsWith('|')
          ? block.join('\n')
          : block.join(' ').replace(/\s+/g, ' ');
      } else {
        entry[key] = scalar(value, `line ${i + 1}`);
      }
    }
  }
  return result;
}

const esc = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function renderTables(spec) {
  const out = ['### Inputs', '', '| input | description | default |', '|---|---|---|'];
  for (const [name, p] of Object.entries(spec.inputs)) {
    const def = p.default ?? '';
    out.push(
      `| \`${name}\` | ${esc(p.description ?? '')} | ${def === '' ? '' : `\`${esc(def)}\``} |`,
    );
  }
  out.push('', '### Outputs', '', '| output | description |', '|---|---|');
  for (const [name, p] of Object.entries(spec.outputs)) {
    out.push(`| \`${name}\` | ${esc(p.description ?? '')} |`);
  }
  return out.join('\n');
}

function main(argv) {
  const root = path.resolve(import.meta.dirname, '..');
  let actionFile = path.join(root, 'action.yml');
  let readmeFile = path.join(root, 'README.md');
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') check = true;
    else if (argv[i] === '--action') actionFile = argv[++i];
    else if (argv[i] === '--readme') readmeFile = argv[++i];
    else fail(`unknown argument ${JSON.stringify(argv[i])}`);
  }
  const readme = readFileSync(readmeFile, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) fail(`${readmeFile} has no ${START} … ${END} markers`);
  const tables = renderTables(parseActionYaml(readFileSync(actionFile, 'utf8')));
  const next = `${readme.slice(0, start + START.length)}\n${tables}\n${readme.slice(end)}`;
  if (next === readme) return;
  if (check) fail(`${readmeFile} is out of date: run node scripts/gen-action-docs.mjs`, 1);
  writeFileSync(readmeFile, next);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
