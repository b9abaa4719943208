// The HTTP stack under the GOPROXY and checksum-database clients: a Node
// client with hard limits, outbound proxies as the go command reads them,
// credentials (.netrc, tokens) and their redaction, one deadline for a whole
// check, and the typed failures of an exchange.
export {
  HttpError,
  NotFoundError,
  ServerError,
  TimeoutError,
  DeadlineError,
  TooLargeError,
  ProtocolError,
  NetworkError,
  isTransient,
  type HttpAnswerFields,
} from './errors.js';
export { formatErrorDetail, formatHttpError, unreachableFix } from './error-detail.js';
export { redactUrl, redactSecrets } from './redact.js';
export {
  parseNetrc,
  readNetrcFile,
  type NetrcProblem,
  createCredentials,
  type NetrcEntry,
  type CredentialSource,
  type CredentialOptions,
} from './netrc.js';
export { withDeadline, type DeadlineOptions } from './deadline.js';
export {
  createNodeHttpClient,
  type MinRate,
  type NodeHttpClient,
  type NodeHttpClientOptions,
  type NodeHttpResponse,
  type NodeHttpStreamResponse,
} from './node-http-client.js';
