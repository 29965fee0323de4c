// The one body of every refusal the API sends: Fastify's own error shape, so framework and schema errors
// read like the routes' own; `reason` tells refusals with one status apart (docs/approval.md), `problems`
// lists a refused policy's problems with their JSON paths, `activeVersion` names the policy in force.
import { parsePolicyProblems, type PolicyProblemOnWire } from './admin-policy.js';
import { fieldsOf } from './fields.js';

export interface ApiErrorBody {
  readonly statusCode: number;
  /** The status's name, e.g. "Not Found". */
  readonly error: string;
  readonly message: string;
  readonly reason?: string;
  readonly problems?: readonly PolicyProblemOnWire[];
  readonly activeVersion?: number;
}

/** What a client reads of a refusal: '' and [] for what the body lacks, or for a body that is not one. */
export interface ApiRefusal {
  readonly message: string;
  readonly reason?: string;
  readonly problems: readonly PolicyProblemOnWire[];
}

export function parseApiErrorBody(value: unknown): ApiRefusal {
  const fields = fieldsOf(value);
  const message = fields?.['message'];
  const reason = fields?.['reason'];
  return {
    message: typeof message === 'string' ? message : '',
    ...(typeof reason === 'string' && reason !== '' ? { reason } : {}),
    problems: parsePolicyProblems(value),
  };
}
