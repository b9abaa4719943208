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
