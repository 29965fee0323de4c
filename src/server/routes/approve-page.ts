import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface ApprovePageOptions {
  readonly distDirectory: string;
}

/**
 * The approver's page (docs/approval.md, "Approver's page"): one built HTML file for every request id,
 * which the page reads from its own path. The file is read on each load, like the static files, so a
 * rebuild is served without a restart; the security headers are the app's global ones.
 */
export async function approvePageRoutes(app: FastifyInstance, options: ApprovePageOptions): Promise<void> {
  const file = join(options.distDirectory, 'approve.html');
  const send = async (_request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    let html: Buffer;
    try {
      html = await readFile(file);
    } catch {
      return reply.code(404).type('text/plain; charset=utf-8').send("The approver's page is not built (npm run build:web)");
    }
    // no-store: the page is the same for every id, but an old build must not outlive a deployment.
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
  };
  app.get('/approve/:id', { schema: { summary: "The approver's page for one approval request", hide: true } }, send);
  // Where Entra ID returns after sign-in (src/approve/page-token.ts); MSAL then goes back to the request's page.
  app.get('/approve/', { schema: { summary: "The approver's page's sign-in return address", hide: true } }, send);
}
