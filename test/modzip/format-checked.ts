// x/mod's test helper formatCheckedFiles, the text its zip testdata expects
// for CheckFiles, CheckDir and CheckZip; the x/mod oracle prints the same.
import type { CheckedFiles } from '../../src/modzip/index.js';

/** The valid, omitted and invalid lists as x/mod's tests print them. */
export function formatCheckedFiles(cf: CheckedFiles): string {
  let s = 'valid:\n';
  for (const p of cf.valid) s += p + '\n';
  s += '\nomitted:\n';
  for (const e of cf.omitted) s += `${e.path}: ${e.reason}\n`;
  s += '\ninvalid:\n';
  for (const e of cf.invalid) s += `${e.path}: ${e.reason}\n`;
  return s;
}
