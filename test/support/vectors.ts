// Test vectors live next to the repository (in ../shared/vectors), not inside it.
import path from 'node:path';

/** Absolute path of the shared test-vector folder (`xmod/`, `gitzip/`, `sumdb/`). */
export const vectorsDir: string = path.resolve(import.meta.dirname, '../../../shared/vectors');
