import { KeywordCollector } from './keyword-collector.js';

/** The order docs/policy.md lists the keys in, so an imported document reads like a written one. */
const KEY_ORDER = [
  'version',
  'internalDomains',
  'trustedDomains',
  'blockedRecipients',
  'attentionRecipients',
  'keywords',
  'bccSuggestThreshold',
  'confirmInternalOnly',
  'severities',
  'encryptedAttachments',
  'partners',
  'bccAction',
  'delaySend',
] as const;

export type DraftSetting = Exclude<
  (typeof KEY_ORDER)[number],
  'version' | 'internalDomains' | 'trustedDomains' | 'blockedRecipients' | 'attentionRecipients' | 'keywords' | 'severities' | 'partners'
>;

export interface DraftPartner {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly domains: string[];
}

/** A policy being filled from another product's settings; only what was carried over ends up in the document. */
export class PolicyDraft {
  readonly internalDomains: string[] = [];
  readonly trustedDomains: string[] = [];
  readonly blockedRecipients: string[] = [];
  readonly attentionRecipients: string[] = [];
  readonly keywords = new KeywordCollector();
  readonly partners: DraftPartner[] = [];
  readonly severities = new Map<string, string>();
  private readonly settings = new Map<DraftSetting, unknown>();

  set(key: DraftSetting, value: unknown): void {
    this.settings.set(key, value);
  }

  document(): Record<string, unknown> {
    const values: Record<string, unknown> = {
      version: 1,
      internalDomains: this.internalDomains,
      trustedDomains: this.trustedDomains,
      blockedRecipients: this.blockedRecipients,
      attentionRecipients: this.attentionRecipients,
      keywords: this.keywords.keywords(),
      severities: Object.fromEntries(this.severities),
      partners: this.partners,
      ...Object.fromEntries(this.settings),
    };
    const document: Record<string, unknown> = {};
    for (const key of KEY_ORDER) {
      const value = values[key];
      if (value === undefined || isEmpty(value)) continue;
      document[key] = value;
    }
    return document;
  }
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
