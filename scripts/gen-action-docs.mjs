// Regenerates the inputs and outputs tables in README.md from action.yml,
// between <!-- action-docs:start --> and <!-- action-docs:end -->.
//
//   node scripts/gen-action-docs.mjs [--check] [--action FILE] [--readme FILE]
//
// --check changes nothing and exits 1 when README.md is out of date (for CI).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const START = '<!-- action-docs:start -->';
const END = '<!-- action-docs:end -->';

function fail(message, code = 2) {
  process.stderr.write(`gen-action-docs: ${message}\n`);
  process.exit(code);
}

/** The `inputs:` and `outputs:` maps of action.yml, as {name: {description, default}}. */
export function parseActionYaml(text) {
  let doc;
  try {
    doc = parse(text);
  } catch (e) {
    fail(`action.yml: ${e instanceof Error ? e.message : String(e)}`);
  }
  const section = (name) => {
    const value = doc?.[name] ?? {};
    if (typeof value !== 'object' || Array.isArray(value))
      fail(`action.yml: ${name} is not a mapping`);
    const out = {};
    for (const [key, entry] of Object.entries(value)) {
      out[key] = {};
      for (const field of ['description', 'default']) {
        // Scalars as the runner passes them: strings (a YAML true is "true").
        if (entry?.[field] !== undefined && entry[field] !== null)
          out[key][field] = String(entry[field]);
      }
    }
    return out;
  };
  return { inputs: section('inputs'), outputs: section('outputs') };
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
