import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface StaticFileOptions {
  readonly distDirectory: string;
  readonly assetsDirectory: string;
}

/**
 * The built add-in (dist/) at the root, `/playground/` as dist/playground/index.html, and the icons
 * under /assets/. Routes registered by name (/launchevent.js, /api/…) take precedence over these.
 */
export async function staticFileRoutes(app: FastifyInstance, options: StaticFileOptions): Promise<void> {
  await app.register(fastifyStatic, {
    root: options.distDirectory,
    prefix: '/',
    index: ['index.html'],
    redirect: true,
    dotfiles: 'ignore',
    cacheControl: true,
    maxAge: 0,
  });
  await app.register(fastifyStatic, {
    root: options.assetsDirectory,
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    dotfiles: 'ignore',
    maxAge: '1h',
  });
}
