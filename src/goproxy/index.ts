// GOPROXY client: environment semantics, HTTP with hard limits, warming, downloads.
export {
  parseGoproxy,
  goEnvFromProcess,
  useProxyFor,
  useSumdbFor,
  defaultGoproxy,
  defaultGosumdb,
  type GoEnv,
  type ProxyEntry,
  type Fallback,
} from './env.js';
export {
  GoproxyError,
  NotFoundError,
  ServerError,
  TimeoutError,
  DeadlineError,
  TooLargeError,
  ProtocolError,
  NetworkError,
  SkippedError,
  isTransient,
  type HttpAnswerFields,
} from './errors.js';
export {
  formatErrorDetail,
  formatHttpError,
  isShowableContentType,
  unreachableFix,
} from './error-detail.js';
export { redactUrl, redactSecrets } from './redact.js';
export {
  parseNetrc,
  createCredentials,
  publicGoHosts,
  type NetrcEntry,
  type CredentialSource,
  type CredentialOptions,
} from './netrc.js';
// TEMP(issue 9): re-export for checks/wire until they import ../internal
export {
  systemClock,
  retryLoop,
  type Clock,
  type AttemptReport,
  type LoopEnd,
} from '../internal/retry.js';
export { withDeadline, type DeadlineOptions } from './deadline-http.js';
export {
  createNodeHttpClient,
  defaultMinRate,
  type MinRate,
  type NodeHttpClient,
  type NodeHttpClientOptions,
  type NodeHttpResponse,
  type NodeHttpStreamResponse,
} from './node-http-client.js';
export { parseInfo, type RevInfo, type Origin } from './info.js';
export {
  GoproxyClient,
  parseList,
  pathEscape,
  maxZipBytes,
  maxModBytes,
  maxSmallBytes,
  type GoproxyClientOptions,
  type Answered,
  type ProxyAttempt,
  type ListedVersion,
  type DownloadedZip,
} from './client.js';
export {
  warmOnce,
  cachedOnly,
  cachedOnlyHosts,
  classifyNotFound,
  type WarmAttempt,
  type NotFoundKind,
} from './warm.js';
