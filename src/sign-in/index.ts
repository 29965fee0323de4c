// How a page gets its bearer token for the Preflight API (docs/approval.md, "Approver's page").
export {
  tokenSource,
  TokenUnavailable,
  type TokenClient,
  type TokenProblem,
  type TokenRequest,
  type TokenSourceDependencies,
} from './token-source.js';
export { redirectClient, redirectTokenSource, redirectUri } from './redirect-client.js';
export { canRetry, pageProblemOf, type SharedProblem } from './page-problem.js';
