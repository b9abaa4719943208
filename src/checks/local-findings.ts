// What the local rebuild alone proves wrong with a version: Go refuses it for
// the path, go.mod names another module, or the tree cannot become a module
// zip. Such a version is never sent to the mirror (it would remember the miss
// for about 30 minutes).
import { modulePathMismatch, versionInvalid, zipInvalid, type Where } from './findings.js';
import type { LocalModule } from './ports.js';
import type { Finding } from './types.js';

/** Where findings about the version point: go.mod's `module` directive. */
export function atModuleLine(
  m: Pick<LocalModule, 'goModPath' | 'moduleLine'>,
): Where & { file: string } {
  return { file: m.goModPath, ...m.moduleLine };
}

/** The local problems of `local` released as `tag`; empty when the version is valid. */
export function localFindings(local: LocalModule, tag: string): Finding[] {
  const at = atModuleLine(local);
  const out: Finding[] = [];
  if (local.versionError !== undefined) out.push(versionInvalid(local.versionError.text, tag, at));
  if (local.declaredModulePath !== undefined && local.declaredModulePath !== local.modulePath) {
    out.push(
      modulePathMismatch({ declared: local.declaredModulePath, path: local.modulePath, tag, at }),
    );
  }
  if (local.zipError !== undefined) out.push(zipInvalid(local.zipError.text));
  return out;
}
