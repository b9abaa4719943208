// The GOPROXY protocol: GOPROXY/GOPRIVATE semantics, the client (list, info,
// mod, zip), warming and the cached-only view. HTTP itself is ../http.
export {
  parseGoproxy,
  goEnvFromProcess,
  useProxyFor,
  useSumdbFor,
  type GoEnv,
  type ProxyEntry,
  type Fallback,
} from './env.js';
export { SkippedError } from './errors.js';
// TEMP(issue 9): re-export for checks/wire until they import ../http
export {
  DeadlineError,
  NotFoundError,
  ProtocolError,
  createCredentials,
  createNodeHttpClient,
  isTransient,
  parseNetrc,
  redactUrl,
  unreachableFix,
  withDeadline,
} from '../http/index.js';
// TEMP(issue 9): re-export for checks/wire until they import ../internal
export {
  systemClock,
  retryLoop,
  type Clock,
  type AttemptReport,
  type LoopEnd,
} from '../internal/retry.js';
export { parseInfo, type RevInfo, type Origin } from './info.js';
export {
  GoproxyClient,
  type GoproxyClientOptions,
  type Answered,
  type ProxyAttempt,
  type ListedVersion,
  type DownloadedZip,
} from './client.js';
export {
  warmOnce,
  cachedOnly,
  classifyNotFound,
  type WarmAttempt,
  type NotFoundKind,
} from './warm.js';
