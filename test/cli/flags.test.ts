// Which flag a mistyped or misremembered one most likely meant, and how
// node:util's parse errors read once reworded.
import { describe, expect, it } from 'vitest';
import { parseFlags, suggestFlag, UsageError } from '../../src/cli/flags.js';
import { captureIo } from '../support/cli-io.js';

const verifyFlags = [
  'repo',
  'tag',
  'module',
  'proxy',
  'sumdb',
  'no-warm',
  'warm-timeout',
  'sumdb-cache',
  'json',
];

describe('suggestFlag', () => {
  it.each([
    ['ref', 'tag', { ref: 'tag' }],
    ['goproxy', 'proxy', {}],
    ['tga', 'tag', {}],
    ['jsno', 'json', {}],
    ['warm-timout', 'warm-timeout', {}],
    ['nowarm', 'no-warm', {}],
    ['sumdb-cach', 'sumdb-cache', {}],
    ['warm', 'no-warm', { warm: 'no-warm' }],
  ])('--%s: --%s', (name, expected, aliases) => {
    expect(suggestFlag(name, verifyFlags, aliases)).toBe(expected);
  });

  it.each(['colour', 'x', 'verbose', 'timeout-ms'])('--%s: nothing close enough', (name) => {
    expect(suggestFlag(name, verifyFlags)).toBeUndefined();
  });

  it('a unique prefix', () => {
    expect(suggestFlag('zip', ['zip-out', 'json'])).toBe('zip-out');
    expect(suggestFlag('sumdb-c', verifyFlags)).toBe('sumdb-cache');
  });

  it('an alias to a flag the command lacks is no suggestion', () => {
    expect(suggestFlag('ref', ['json'], { ref: 'tag' })).toBeUndefined();
  });
});

describe('parseFlags', () => {
  const options = { repo: { type: 'string' }, json: { type: 'boolean' } } as const;
  const parse = (argv: string[]) =>
    parseFlags('cmd', 'usage: modseal cmd\n', options, argv, captureIo('/').io);
  const message = (argv: string[]) => {
    try {
      parse(argv);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as UsageError).message;
    }
    throw new Error('no error');
  };

  it('values and help', () => {
    expect(parse(['--repo', 'x', '--json'])).toEqual({ repo: 'x', json: true });
    expect(parse(['--repo=x'])).toEqual({ repo: 'x' });
    expect(parse(['--help'])).toBe(0);
  });

  it.each([
    [['--repo'], '--repo needs a value'],
    [['--repo', '--json'], '--repo needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['stray'], 'unexpected argument "stray": every value follows its flag (--name value)'],
    [['--repo', '-x'], 'the value of --repo starts with "-": write it as --repo=VALUE'],
    [['-j'], 'unknown flag -j'],
    [['-json'], 'unknown flag -json; did you mean --json?'],
    [['--rep', 'x'], 'unknown flag --rep; did you mean --repo?'],
  ])('%j: %s', (argv, expected) => {
    expect(message(argv)).toBe(expected);
  });
});
