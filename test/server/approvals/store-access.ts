import type { FastifyInstance } from 'fastify';
import type { Storage } from '../../../src/server/storage/open-storage.js';

/** The store behind the approval routes, to look at what is kept on disk. */
export function approvalStoreOf(app: FastifyInstance): Storage {
  const approvals = app.approvals;
  if (approvals === undefined) throw new Error('approvals are not configured');
  return approvals.context.storage;
}
