import { domainOfAddress, normalizeAddress } from '../domain.js';
import { addressDigest } from './history-digest.js';
import { historyIndex, type RecipientHistory } from './recipient-history.js';

const LOCAL_CHARACTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789._-'];
const SEPARATORS = ['.', '_', '-'];
const ALPHANUMERIC = LOCAL_CHARACTERS.filter((character) => !SEPARATORS.includes(character));
/** Longer local parts are not typed by hand; their candidates would cost more than they find. */
const MAX_LOCAL_LENGTH = 40;

function* singleEdits(local: string): Generator<string> {
  for (let at = 0; at < local.length; at += 1) yield local.slice(0, at) + local.slice(at + 1);
  for (let at = 0; at + 1 < local.length; at += 1) yield local.slice(0, at) + local[at + 1] + local[at] + local.slice(at + 2);
  for (let at = 0; at < local.length; at += 1) {
    for (const character of LOCAL_CHARACTERS) yield local.slice(0, at) + character + local.slice(at + 1);
  }
  for (let at = 0; at <= local.length; at += 1) {
    for (const character of LOCAL_CHARACTERS) yield local.slice(0, at) + character + local.slice(at);
  }
}

/** `tanaka.k` → `tanaka`, `k.tanaka` → `tanaka`: a part of the name dropped at a separator. */
function* droppedParts(local: string): Generator<string> {
  for (let at = 0; at < local.length; at += 1) {
    if (!SEPARATORS.includes(local[at] as string)) continue;
    yield local.slice(0, at);
    yield local.slice(at + 1);
  }
}

/** `tanaka` → `tanaka.k`, `k.tanaka`, `tanaka_kj`: an initial added at a separator, or two at the end. */
function* addedInitials(local: string): Generator<string> {
  for (const separator of SEPARATORS) {
    for (const first of ALPHANUMERIC) {
      yield `${local}${separator}${first}`;
      yield `${first}${separator}${local}`;
    }
  }
  for (const separator of SEPARATORS) {
    for (const first of ALPHANUMERIC) {
      for (const second of ALPHANUMERIC) yield `${local}${separator}${first}${second}`;
    }
  }
}

/**
 * The known address nearest to a new one at a known domain, found without storing any address: candidates
 * one typing slip away, or with an initial added or dropped, are digested and looked up (docs/policy.md,
 * "First-time recipients" gives the false-match rate). Null when none is in the history.
 */
export function nearestKnownAddress(history: RecipientHistory, address: string): string | null {
  const normalized = normalizeAddress(address);
  const domain = normalized === null ? null : domainOfAddress(normalized);
  if (normalized === null || domain === null) return null;
  const local = normalized.slice(0, normalized.lastIndexOf('@'));
  if (local.length === 0 || local.length > MAX_LOCAL_LENGTH) return null;
  const known = historyIndex(history).addresses;
  const tried = new Set<string>([local]);
  for (const candidates of [singleEdits(local), droppedParts(local), addedInitials(local)]) {
    for (const candidate of candidates) {
      if (candidate.length === 0 || tried.has(candidate)) continue;
      tried.add(candidate);
      const candidateAddress = `${candidate}@${domain}`;
      if (known.has(addressDigest(history.key, candidateAddress))) return candidateAddress;
    }
  }
  return null;
}
