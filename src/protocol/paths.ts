// Every path of the server's API that the add-in's pages call, each written once: the server registers
// these patterns (src/server/routes), the pages fill them in (src/api-client), and
// test/server/api-routes.test.ts checks that the server registers each of API_ROUTES with its method.

export type ApiMethod = 'GET' | 'POST' | 'PUT';

export interface ApiRoute {
  readonly method: ApiMethod;
  /** Fastify's pattern: `:name` for a parameter. */
  readonly pattern: string;
}

/** The `:name` parameters of a route pattern, so a missing or misspelt one is a compile error. */
type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The pattern with each `:name` replaced by its value, URI-encoded. */
export function fillPath<P extends string>(pattern: P, params: Readonly<Record<ParamsOf<P>, string | number>>): string {
  const values = params as Readonly<Record<string, string | number>>;
  return pattern.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(String(values[name])));
}

/** docs/policy.md: the policy document, for the handler's fetch and the pane. */
export const POLICY_PATH = '/api/policy';
/** How a page gets a token (docs/api.md). */
export const AUTH_CONFIG_PATH = '/api/auth-config';
/** `POST`: files in, an encrypted ZIP out (docs/protection.md "The API"). */
export const PROTECT_ZIP_PATH = '/api/protect/zip';

/** The secure-link API (docs/protection.md "The API"): create, upload each file, complete; list and revoke. */
export const LINKS_PATH = '/api/links';
export const MY_LINKS_PATH = '/api/links/mine';
/** The server hands each file's upload path out in CreatedLinks; the pane PUTs to it as given. */
export const LINK_FILE_ROUTE = '/api/links/:id/files/:fileId';
export const LINK_COMPLETE_ROUTE = '/api/links/:id/complete';
export const LINK_REVOKE_ROUTE = '/api/links/:id/revoke';

/** Supervisor approval (docs/approval.md). */
export const APPROVALS_PATH = '/api/approvals';
export const APPROVAL_PUBLIC_KEY_PATH = '/api/approvals/public-key';
/** Classic Outlook's handler asks its own origin for a verified approval (src/launchevent/approval-lookup.ts). */
export const APPROVAL_GRANTED_PATH = '/api/approvals/granted';
export const APPROVAL_ROUTE = '/api/approvals/:id';
export const APPROVAL_CONTENT_ROUTE = '/api/approvals/:id/content';
export const APPROVAL_ATTACHMENT_ROUTE = '/api/approvals/:id/attachments/:index';
export const APPROVAL_DECISION_ROUTE = '/api/approvals/:id/decision';

/** Audit (docs/admin.md "Audit"). */
export const AUDIT_EVENTS_PATH = '/api/audit/events';
/** Without sign-in: the send handler has no token (docs/admin.md). */
export const AUDIT_HANDLER_EVENTS_PATH = '/api/audit/handler-events';
export const ADMIN_AUDIT_PATH = '/api/admin/audit';
export const ADMIN_STATS_PATH = '/api/admin/stats';

/** Policy versions (docs/admin.md "Policy versions"). */
export const ADMIN_POLICY_PATH = '/api/admin/policy';
export const ADMIN_POLICY_VERSIONS_PATH = '/api/admin/policy/versions';
export const ADMIN_POLICY_ROLLBACK_PATH = '/api/admin/policy/rollback';

/** The development server's mail catcher (docs/playground.md "Mail catcher"). */
export const DEV_MAIL_PATH = '/api/dev/mail';

export function completeLinksPath(packageId: string): string {
  return fillPath(LINK_COMPLETE_ROUTE, { id: packageId });
}

export function revokeLinksPath(packageId: string): string {
  return fillPath(LINK_REVOKE_ROUTE, { id: packageId });
}

export function linkFilePath(packageId: string, fileId: string): string {
  return fillPath(LINK_FILE_ROUTE, { id: packageId, fileId });
}

export function approvalPath(id: string): string {
  return fillPath(APPROVAL_ROUTE, { id });
}

export function approvalContentPath(id: string): string {
  return fillPath(APPROVAL_CONTENT_ROUTE, { id });
}

export function approvalAttachmentPath(id: string, index: number): string {
  return fillPath(APPROVAL_ATTACHMENT_ROUTE, { id, index });
}

export function approvalDecisionPath(id: string): string {
  return fillPath(APPROVAL_DECISION_ROUTE, { id });
}

/** Every call the pages and the handler make, as the server must register it. */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', pattern: POLICY_PATH },
  { method: 'GET', pattern: AUTH_CONFIG_PATH },
  { method: 'POST', pattern: PROTECT_ZIP_PATH },
  { method: 'POST', pattern: LINKS_PATH },
  { method: 'GET', pattern: MY_LINKS_PATH },
  { method: 'PUT', pattern: LINK_FILE_ROUTE },
  { method: 'POST', pattern: LINK_COMPLETE_ROUTE },
  { method: 'POST', pattern: LINK_REVOKE_ROUTE },
  { method: 'POST', pattern: APPROVALS_PATH },
  { method: 'GET', pattern: APPROVALS_PATH },
  { method: 'GET', pattern: APPROVAL_PUBLIC_KEY_PATH },
  { method: 'GET', pattern: APPROVAL_GRANTED_PATH },
  { method: 'GET', pattern: APPROVAL_ROUTE },
  { method: 'GET', pattern: APPROVAL_CONTENT_ROUTE },
  { method: 'GET', pattern: APPROVAL_ATTACHMENT_ROUTE },
  { method: 'POST', pattern: APPROVAL_DECISION_ROUTE },
  { method: 'POST', pattern: AUDIT_EVENTS_PATH },
  { method: 'POST', pattern: AUDIT_HANDLER_EVENTS_PATH },
  { method: 'GET', pattern: ADMIN_AUDIT_PATH },
  { method: 'GET', pattern: ADMIN_STATS_PATH },
  { method: 'GET', pattern: ADMIN_POLICY_PATH },
  { method: 'POST', pattern: ADMIN_POLICY_PATH },
  { method: 'GET', pattern: ADMIN_POLICY_VERSIONS_PATH },
  { method: 'POST', pattern: ADMIN_POLICY_ROLLBACK_PATH },
  { method: 'GET', pattern: DEV_MAIL_PATH },
];
