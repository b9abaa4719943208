// The checks the go command applies to a zip it downloaded, through the
// zip and dirhash packages: first its own prefix check (modfetch.downloadZip,
// with its message), then x/mod's consumer rules and the h1: hash.
import { hashZipContent, openModuleZip } from '../modzip/index.js';

/** The zip's h1: and, when Go would refuse the zip, Go's reason. */
export interface ZipVerdict {
  h1: string;
  problem?: string;
}

/** Checks and hashes a downloaded module zip; rejects only when the file cannot be read as a zip. */
export async function checkAndHashZip(
  m: { path: string; version: string },
  zipPath: string,
): Promise<ZipVerdict> {
  const prefix = `${m.path}@${m.version}/`;
  const zip = await openModuleZip(zipPath);
  let stray: string | undefined;
  try {
    stray = zip.entries.find((e) => !e.name.startsWith(prefix))?.name;
  } finally {
    zip.close();
  }
  const report = await hashZipContent(m, zipPath);
  if (stray !== undefined) {
    return {
      h1: report.hash,
      problem: `zip for ${prefix.slice(0, -1)} has unexpected file ${stray}`,
    };
  }
  if (report.error !== undefined) return { h1: report.hash, problem: report.error.message };
  return { h1: report.hash };
}
