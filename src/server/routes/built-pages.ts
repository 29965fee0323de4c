import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface BuiltPagesOptions {
  readonly distDirectory: string;
}

interface BuiltPage {
  /** The built HTML file in dist/. */
  readonly file: string;
  /** What the 404 names when the file is not built. */
  readonly name: string;
  /** The page's own address, which is also where Entra ID returns after sign-in (src/sign-in/redirect-client.ts). */
  readonly root: string;
  /** The addresses under it the page reads from its path: a request id, a console tab. */
  readonly under: string;
  readonly summary: string;
}

// One built HTML file each, for its root and every address under it; the page reads the rest of its path.
const PAGES: readonly BuiltPage[] = [
  {
    file: 'approve.html',
    name: "The approver's page",
    root: '/approve/',
    under: '/approve/:id',
    summary: "The approver's page for one approval request (docs/approval.md)",
  },
  {
    file: 'admin.html',
    name: 'The admin console',
    root: '/admin/',
    under: '/admin/*',
    summary: 'The admin console (docs/admin.md, "Console")',
  },
];

/**
 * The server's own pages built by webpack. Each file is read on each load, like the static files, so a
 * rebuild is served without a restart; the security headers are the app's global ones.
 */
export async function builtPageRoutes(app: FastifyInstance, options: BuiltPagesOptions): Promise<void> {
  for (const page of PAGES) {
    const file = join(options.distDirectory, page.file);
    const send = async (_request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      let html: Buffer;
      try {
        html = await readFile(file);
      } catch {
        return reply.code(404).type('text/plain; charset=utf-8').send(`${page.name} is not built (npm run build:web)`);
      }
      // no-store: the page is the same for every address under it, but an old build must not outlive a deployment.
      return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
    };
    app.get(page.under, { schema: { summary: page.summary, hide: true } }, send);
    app.get(page.root, { schema: { summary: `${page.name}: its address and sign-in return address`, hide: true } }, send);
  }
}
