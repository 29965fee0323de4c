// `evaluate` in Node (the pure core the handler and the pane both run) beside a bare classifier on the
// same recipients, alternating so both see the same machine.
import { evaluate, recipientListOf, type MessageSnapshot, type Policy, type Recipient } from '../policy/index.js';
import { bareClassify } from './bare-classifier.js';
import { sampleSnapshot } from './sample-message.js';
import { median } from './statistics.js';

/** A kind of new message: evaluate on it, and the bare classifier on an equal message of its own. */
export interface NewMessageFigure {
  readonly medianMs: number;
  readonly bareMedianMs: number;
}

export interface EvaluateFigures {
  readonly recipients: number;
  readonly outsideDomains: number;
  readonly policyDomains: number;
  readonly iterations: number;
  readonly medianMs: number;
  readonly bareMedianMs: number;
  /** Each message new: addresses and outside domains never seen, so nothing remembered helps. */
  readonly cold: NewMessageFigure;
  /** New addresses at the outside domains seen before: mail to known partners' other people. */
  readonly newAddresses: NewMessageFigure;
  /** The same as `cold` with the verdict's fingerprint read, as the pane does and the handler sometimes. */
  readonly coldFingerprint: NewMessageFigure;
  readonly decision: string;
}

/**
 * The message with every address, and unless `sameDomains` every outside domain, renamed for run `run`.
 * Through JSON, as Office hands recipients over: a string built by a template is a rope that its first
 * reader flattens, which made evaluate pay for the bench's own renaming.
 */
function renamed(snapshot: MessageSnapshot, run: number, internal: string, sameDomains = false): MessageSnapshot {
  const rename = (recipient: Recipient): Recipient => {
    const [local = '', domain = ''] = recipient.address.split('@');
    return { ...recipient, address: `${local}.${run}@${domain === internal || sameDomains ? domain : `r${run}-${domain}`}` };
  };
  const message = { ...snapshot, to: snapshot.to.map(rename), cc: snapshot.cc.map(rename), bcc: snapshot.bcc.map(rename) };
  return JSON.parse(JSON.stringify(message)) as MessageSnapshot;
}

function addressesOf(snapshot: MessageSnapshot): string[] {
  return [...snapshot.to, ...snapshot.cc, ...snapshot.bcc].map((recipient) => recipient.address);
}

/** The policy with `count` internal and trusted domains in all, so the lookups have a list to search. */
export function withPolicyDomains(policy: Policy, count: number): Policy {
  const extra = Array.from(
    { length: Math.max(0, count - policy.internalDomains.length - policy.trustedDomains.length) },
    (_, index) => `group-${index}.example.co.jp`,
  );
  return { ...policy, trustedDomains: [...policy.trustedDomains, ...extra] };
}

export function benchEvaluate(given: Policy, recipients: number, iterations: number, policyDomains = 50): EvaluateFigures {
  const policy = withPolicyDomains(given, policyDomains);
  const internal = recipientListOf(policy.internalDomains).domains[0] ?? 'example.co.jp';
  const snapshot = sampleSnapshot(recipients, internal);
  const addresses = addressesOf(snapshot);
  const known = new Set([...policy.internalDomains, ...policy.trustedDomains]);
  const context = {};
  let decision = evaluate(snapshot, policy, context).decision;
  let inside = 0;
  // Warm-up: let the JIT settle before anything is timed.
  for (let run = 0; run < Math.min(20, iterations); run += 1) {
    decision = evaluate(snapshot, policy, context).decision;
    inside += bareClassify(addresses, known);
  }
  const samples: number[] = [];
  const bareSamples: number[] = [];
  for (let run = 0; run < iterations; run += 1) {
    const started = performance.now();
    evaluate(snapshot, policy, context);
    const between = performance.now();
    inside += bareClassify(addresses, known);
    bareSamples.push(performance.now() - between);
    samples.push(between - started);
  }
  if (inside === 0) throw new Error('the bare classifier found no internal recipient: the sample is wrong');
  // New messages of three kinds taken in turn, so that each meets the collector in the same state: every
  // address and outside domain new, the same with the fingerprint read, and new addresses at the outside
  // domains seen before. Each message is made, untimed, just before it is evaluated, and the bare
  // classifier reads an equal message of its own, new to it too: its anchor above reads the same strings
  // every time. The first rounds only warm up the paths a message seen before never takes.
  const kind = (sameDomains: boolean, readFingerprint: boolean) => ({
    samples: [] as number[],
    bare: [] as number[],
    sameDomains,
    readFingerprint,
  });
  const cold = kind(false, false);
  const coldFingerprint = kind(false, true);
  const newAddresses = kind(true, false);
  const kinds = [cold, coldFingerprint, newAddresses];
  const rounds = Math.min(iterations, 100);
  const warmUp = Math.min(10, rounds);
  for (let round = 0; round < warmUp + rounds; round += 1) {
    kinds.forEach(({ samples, bare, sameDomains, readFingerprint }, offset) => {
      const run = kinds.length * round + offset;
      const message = renamed(snapshot, run, internal, sameDomains);
      const started = performance.now();
      const verdict = evaluate(message, policy, context);
      if (readFingerprint && verdict.fingerprint === '') throw new Error('an empty fingerprint');
      const evaluated = performance.now() - started;
      const equal = addressesOf(renamed(snapshot, run, internal, sameDomains));
      const bareStarted = performance.now();
      inside += bareClassify(equal, known);
      const bareMs = performance.now() - bareStarted;
      if (round >= warmUp) {
        samples.push(evaluated);
        bare.push(bareMs);
      }
    });
  }
  const figure = ({ samples, bare }: { samples: number[]; bare: number[] }): NewMessageFigure => ({
    medianMs: median(samples),
    bareMedianMs: median(bare),
  });
  const outsideDomains = new Set(
    addresses.map((address) => address.slice(address.lastIndexOf('@') + 1)).filter((domain) => !known.has(domain)),
  ).size;
  return {
    recipients,
    outsideDomains,
    policyDomains: known.size,
    iterations,
    medianMs: median(samples),
    bareMedianMs: median(bareSamples),
    cold: figure(cold),
    newAddresses: figure(newAddresses),
    coldFingerprint: figure(coldFingerprint),
    decision,
  };
}
