// The mirror's `.mod` and `.zip` of a version it serves: what users download.
import { firstLine, mv, unreached, type StepContext } from './context.js';
import { mirrorRejected, unreachable } from './findings.js';
import type { Mirror, MirrorZip, Unreachable } from './ports.js';
import type { Finding, HashPair } from './types.js';

export interface Downloaded {
  /** The mirror's hashes, when both `.mod` and `.zip` were read. */
  hashes?: HashPair;
  zip?: MirrorZip;
  mirrorDown?: string;
  findings: Finding[];
}

/**
 * Downloads `.mod` and `.zip` of a version the mirror named (its `.info`
 * answer or its list), and records the `mirror-content` step.
 */
export async function downloadPublished(
  ctx: StepContext,
  mirror: Mirror,
  module: { modulePath: string; version: string },
): Promise<Downloaded> {
  const { asker, ledger } = ctx;
  const { modulePath: path, version } = module;
  ctx.logger.info(`Downloading ${mv(module)} .mod and .zip from ${mirror.url}`);
  const modAsked = await asker.ask(`${mirror.url} .mod of ${mv(module)}`, () =>
    mirror.mod(path, version),
  );
  const zipAsked = await asker.ask(`${mirror.url} .zip of ${mv(module)}`, () =>
    mirror.zip(path, version),
  );
  ledger.count('mirror-content', modAsked.attempts + zipAsked.attempts);
  const mod = modAsked.result;
  const zip = zipAsked.result;
  if (mod.kind === 'ok' && zip.kind === 'ok') {
    ledger.set('mirror-content', 'ok', `the mirror serves ${zip.h1}`);
    return { hashes: { zip: zip.h1, mod: mod.h1 }, zip, findings: [] };
  }
  const problems = [mod, zip].filter((r) => r.kind !== 'ok');
  const down = problems.filter((r): r is Unreachable => r.kind === 'unreachable');
  if (down.length > 0) {
    const fix = mirror.unreachableFix;
    return unreached(
      ledger,
      down[0]!,
      ['mirror-content'],
      unreachable({
        kind: 'download',
        mirror: mirror.url,
        mv: mv(module),
        reasons: down.map((r) => r.reason).join('; '),
        ...(fix !== undefined ? { fix } : {}),
      }),
      'download failed',
    );
  }
  const text = problems
    .map((r) => (r.kind === 'not-found' ? r.body : r.kind === 'invalid' ? r.reason : ''))
    .join('; ');
  ledger.set('mirror-content', 'failed', firstLine(text));
  return {
    findings: [mirrorRejected({ kind: 'content', mirror: mirror.url, mv: mv(module), text })],
  };
}
