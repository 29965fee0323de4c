import { STATUS_CODES } from 'node:http';
import type { ApiErrorBody } from '../protocol/index.js';

/** A refusal's body (src/protocol/api-error-body.ts), named by its status as Fastify names its own. */
export function errorBody(
  status: number,
  message: string,
  more: Pick<ApiErrorBody, 'reason' | 'problems' | 'activeVersion'> = {},
): ApiErrorBody {
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, ...more };
}
