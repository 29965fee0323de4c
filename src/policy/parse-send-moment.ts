// Readers for how the send moment asks: `dialogConfirm` (low-risk mail confirmed in the Smart Alerts
// dialog itself) and `confirmPer` (one tick per recipient or per outside domain). docs/policy.md.
import { objectReader, readArray, readBoolean, readChoice, readField, readInteger, type FieldReader } from './policy-fields.js';
import { RULE_IDS, type ConfirmPer, type DialogConfirmPolicy, type RuleId } from './types.js';

export const DIALOG_CONFIRM_KEYS = ['rules', 'trustedDomainsOnly', 'maxExternalRecipients'] as const;
export const CONFIRM_PER: readonly ConfirmPer[] = ['recipient', 'domain'];
/** The Smart Alerts text has 500 characters; more addresses than this cannot all be listed in it. */
export const MAX_DIALOG_RECIPIENTS = 10;

/**
 * What a person must see in the pane whatever the policy says: personal data and unprotected attachments
 * need the pane's detail and its Protect action, an approval its Request button; the dialog offers none.
 */
/**
 * Confirmed only in the pane. first-time-recipient too: Send Anyway's answer never reaches the handler,
 * so an address confirmed in the dialog would never be recorded and would be new at every mail
 * (docs/policy.md "First-time recipients").
 */
export const NEVER_DIALOG_RULES: readonly RuleId[] = [
  'personal-data',
  'unprotected-attachment',
  'approval-required',
  'first-time-recipient',
];

/**
 * One outside recipient of a trusted partner, or up to three, is the everyday mail FlexConfirmMail users
 * tick through; Send Anyway in the dialog is that confirmation in two actions instead of five.
 */
export const DEFAULT_DIALOG_CONFIRM: DialogConfirmPolicy = Object.freeze({
  rules: Object.freeze(['external-recipient'] as RuleId[]),
  trustedDomainsOnly: true,
  maxExternalRecipients: 3,
});

const readRuleId: FieldReader<RuleId> = (value, path, problems) => {
  const rule = readChoice(RULE_IDS)(value, path, problems);
  if (rule !== undefined && NEVER_DIALOG_RULES.includes(rule)) {
    problems.push({
      path,
      message: `"${rule}" is always confirmed in the review pane, never in the dialog`,
      code: 'policy.rule-not-in-dialog',
      params: { rule },
    });
    return undefined;
  }
  return rule;
};

const readRules: FieldReader<readonly RuleId[]> = (value, path, problems) => {
  const rules = readArray(value, path, problems, 'rule ids', readRuleId);
  return rules === undefined ? undefined : rules.filter((rule, index) => rules.indexOf(rule) === index);
};

export const readDialogConfirm = objectReader(
  DIALOG_CONFIRM_KEYS,
  ' with "rules", "trustedDomainsOnly", "maxExternalRecipients"',
  (record, path, problems): DialogConfirmPolicy => ({
    rules: readField(record, 'rules', path, problems, readRules, DEFAULT_DIALOG_CONFIRM.rules),
    trustedDomainsOnly: readField(record, 'trustedDomainsOnly', path, problems, readBoolean, DEFAULT_DIALOG_CONFIRM.trustedDomainsOnly),
    maxExternalRecipients: readField(
      record,
      'maxExternalRecipients',
      path,
      problems,
      readInteger(0, MAX_DIALOG_RECIPIENTS),
      DEFAULT_DIALOG_CONFIRM.maxExternalRecipients,
    ),
  }),
);

export const readConfirmPer = readChoice(CONFIRM_PER);
