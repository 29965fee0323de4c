// Readers for the organisation's controls at Send: `bccAction`, `delaySend` and `autoBcc` (docs/policy.md).
import { normalizeAddress } from './domain.js';
import { objectReader, readChoice, readField, readInteger, readNormalizedList } from './policy-fields.js';
import type { AutoBccPolicy, BccAction, ControlScope, DelaySendPolicy } from './types.js';

export const BCC_ACTIONS: readonly BccAction[] = ['suggest', 'move'];
export const CONTROL_SCOPES: readonly ControlScope[] = ['external', 'always'];
/** A hold longer than a working day is a scheduled send, not a chance to cancel. */
export const MAX_DELAY_MINUTES = 24 * 60;
/** Each added address is one more copy of every outside message; a handful is what supervisors need. */
export const MAX_AUTO_BCC = 10;

export const DEFAULT_DELAY_SEND: DelaySendPolicy = Object.freeze({ minutes: 0, when: 'external' });
export const DEFAULT_AUTO_BCC: AutoBccPolicy = Object.freeze({ addresses: Object.freeze([]) as readonly string[], when: 'external' });

export const readBccAction = readChoice(BCC_ACTIONS);
const readScope = readChoice(CONTROL_SCOPES);

export const readDelaySend = objectReader(['minutes', 'when'], ' with "minutes" and "when"', (record, path, problems): DelaySendPolicy => ({
  minutes: readField(record, 'minutes', path, problems, readInteger(0, MAX_DELAY_MINUTES), DEFAULT_DELAY_SEND.minutes),
  when: readField(record, 'when', path, problems, readScope, DEFAULT_DELAY_SEND.when),
}));

export const readAddresses = readNormalizedList({ one: 'an email address', many: 'email addresses' }, normalizeAddress, (text) => ({
  message: `not a valid email address: ${JSON.stringify(text)}`,
  code: 'policy.invalid-address',
  params: { value: JSON.stringify(text) },
}));

export const readAutoBcc = objectReader(['addresses', 'when'], ' with "addresses" and "when"', (record, path, problems): AutoBccPolicy => {
  const addresses = readField(record, 'addresses', path, problems, readAddresses, DEFAULT_AUTO_BCC.addresses);
  if (addresses.length > MAX_AUTO_BCC)
    problems.push({
      path: `${path}.addresses`,
      message: `at most ${MAX_AUTO_BCC} addresses`,
      code: 'policy.too-many-addresses',
      params: { maximum: MAX_AUTO_BCC },
    });
  return { addresses, when: readField(record, 'when', path, problems, readScope, DEFAULT_AUTO_BCC.when) };
});
