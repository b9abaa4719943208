// One parser for the check's settings: the Action's inputs and the CLI's
// flags give the same values for the same text, and every message starts
// with the name the user wrote.
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { InputError } from '../../src/internal/errors.js';
import {
  FLAG_NAMES,
  INPUT_NAMES,
  parseCheckSettings,
  type RawSettings,
} from '../../src/wire/index.js';

const both = (raw: RawSettings) => ({
  action: parseCheckSettings(raw, INPUT_NAMES),
  cli: parseCheckSettings(raw, FLAG_NAMES),
});

describe('parseCheckSettings', () => {
  it('has the same defaults for the Action and the CLI', () => {
    const { action, cli } = both({});
    expect(action).toEqual({ warmTimeoutMs: 600_000, timeoutMs: 900_000 });
    expect(cli).toEqual(action);
  });

  it('reads the same values from the same text', () => {
    const raw: RawSettings = {
      goproxy: ' https://goproxy.example|direct ',
      gosumdb: 'off',
      goprivate: ' example.com/a , ,corp.example/* ',
      gonosumdb: 'example.com/x',
      proxyToken: 'secret',
      warmTimeout: '90s',
      timeout: '1h',
    };
    const { action, cli } = both(raw);
    expect(action).toEqual({
      goproxy: 'https://goproxy.example|direct',
      gosumdb: 'off',
      goprivate: 'example.com/a,corp.example/*',
      gonosumdb: 'example.com/x',
      proxyToken: 'secret',
      warmTimeoutMs: 90_000,
      timeoutMs: 3_600_000,
    });
    expect(cli).toEqual(action);
  });

  it('lets the timeout default follow warm-timeout', () => {
    expect(parseCheckSettings({ warmTimeout: '1h' }, FLAG_NAMES).timeoutMs).toBe(65 * 60_000);
  });

  it.each([
    [{ goproxy: 'proxy' }, '--proxy: invalid proxy URL missing scheme: proxy', 'goproxy: '],
    [{ gosumdb: 'a b c' }, '--sumdb: invalid GOSUMDB: too many fields', 'gosumdb: '],
    [
      { warmTimeout: '5 parsecs' },
      '--warm-timeout: "5 parsecs" is not a duration (use a number and a unit: 90s, 10m, 1h30m)',
      'warm-timeout: ',
    ],
    [{ warmTimeout: '0s' }, '--warm-timeout: must be longer than 0, not 0s', 'warm-timeout: '],
    [{ warmTimeout: '7h' }, '--warm-timeout: 7h is longer than the limit of 6h', 'warm-timeout: '],
    [{ timeout: '25h' }, '--timeout: 25h is longer than the limit of 24h', 'timeout: '],
  ] as [RawSettings, string, string][])(
    'words %j the same for both, behind the name used',
    (raw, cliText, inputPrefix) => {
      expect(() => parseCheckSettings(raw, FLAG_NAMES)).toThrow(new InputError(cliText));
      const actionText = inputPrefix + cliText.slice(cliText.indexOf(': ') + 2);
      expect(() => parseCheckSettings(raw, INPUT_NAMES)).toThrow(new InputError(actionText));
    },
  );

  it('is what the Action reads its inputs with', () => {
    const config = parseInputs(
      (name) =>
        ({ goproxy: 'off', 'warm-timeout': '2m', timeout: '3m', goprivate: 'a.example' })[name] ??
        '',
    );
    expect(config).toMatchObject(
      parseCheckSettings(
        { goproxy: 'off', warmTimeout: '2m', timeout: '3m', goprivate: 'a.example' },
        INPUT_NAMES,
      ),
    );
  });
});
