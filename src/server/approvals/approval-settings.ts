/**
 * The server's own input for approvals. The policy key that will feed it is parsed elsewhere; until then
 * ServerConfig.approvals (or these defaults) decide.
 */
export interface ApprovalSettings {
  /** Days the content stays readable after the decision, before its key and blob are destroyed. */
  readonly retentionDays: number;
  /** Most bytes of the uploaded message (its JSON, attachments in base64 included). */
  readonly maxContentBytes: number;
  readonly maxApprovers: number;
  readonly purgeIntervalMinutes: number;
}

export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = {
  retentionDays: 7,
  maxContentBytes: 35 * 1024 * 1024,
  maxApprovers: 20,
  purgeIntervalMinutes: 15,
};

export const HOUR_MS = 60 * 60 * 1000;
export const MIN_EXPIRY_HOURS = 1;
export const MAX_EXPIRY_HOURS = 168;
