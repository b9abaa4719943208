// Test vectors live inside the repository, under test/vectors/ (see its
// README for where each file came from); they are byte-exact (`-text`).
import path from 'node:path';

/** Absolute path of the test-vector folder (`xmod/`, `gitzip/`, `sumdb/`). */
export const vectorsDir: string = path.resolve(import.meta.dirname, '../vectors');
