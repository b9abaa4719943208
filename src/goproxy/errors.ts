// The one failure of the GOPROXY protocol that is not an HTTP answer: the
// client did not ask at all. The HTTP-level failures live in ../http.
import { HttpError } from '../http/errors.js';

/**
 * We did not ask: the module matches GOPRIVATE/GONOPROXY, or the list
 * reached `direct` or `off`. modseal never fetches from version control, so
 * this is "could not check", not "not found". An HttpError (its url names
 * the entry: `direct`, `off`, or `noproxy`) so that whoever handles "this
 * server could not answer" handles it as well.
 */
export class SkippedError extends HttpError {
  override name = 'SkippedError';
  readonly code = 'skipped';
}
