import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickLocale, type Locale } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { contentDisposition } from '../links/content-disposition.js';
import type { LinkContext } from '../links/link-context.js';
import { renderLinkPage, type Notice } from '../links/link-page.js';
import {
  REFUSAL_STATUS,
  downloadFile,
  sendCode,
  viewLink,
  type Client,
  type LinkPage,
  type Refusal,
} from '../links/recipient-operations.js';

export interface RecipientRouteOptions {
  readonly context: LinkContext;
}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const PARAMS = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 128 } } } as const;
const LANG = { type: 'string', enum: ['ja', 'en'] } as const;
const HTML = { type: 'string' } as const;
const FORM_LIMIT = 4096;

function locale(request: FastifyRequest, chosen: string | undefined): Locale {
  if (chosen === 'ja' || chosen === 'en') return chosen;
  return pickLocale(request.headers['accept-language']?.split(',')[0]?.trim());
}

function client(request: FastifyRequest): Client {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

function noticeFor(language: Locale, refusal: Refusal, page: LinkPage | null, extra: Record<string, number> = {}): Notice {
  return { tone: 'error', text: translate(language, `links.page.${refusal}`, { left: page?.attemptsLeft ?? 0, ...extra }) };
}

/**
 * The recipient's pages. A GET only shows; codes and downloads are POSTs from buttons, so a mail
 * scanner that fetches the link consumes nothing. Tokens are in these paths, so the request log is
 * kept to warnings here (Fastify's per-request lines carry the URL).
 */
export async function recipientRoutes(app: FastifyInstance, options: RecipientRouteOptions): Promise<void> {
  const { context } = options;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
    const fields: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(body as string)) {
      if (name !== '__proto__' && name !== 'constructor' && name !== 'prototype') fields[name] = value;
    }
    done(null, fields);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store').header('X-Robots-Tag', 'noindex, nofollow').header('Referrer-Policy', 'no-referrer');
  });

  const render = (
    reply: FastifyReply,
    status: number,
    token: string,
    language: Locale,
    page: LinkPage | null,
    notice: Notice | null,
  ): FastifyReply =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderLinkPage({ locale: language, token, page, notice, limits: context.limits }));
  /** The page for a refusal: its status, and its notice over the page when the refusal shows one. */
  const refuse = (
    reply: FastifyReply,
    token: string,
    language: Locale,
    refusal: { readonly refusal: Refusal; readonly page: LinkPage | null },
  ): FastifyReply =>
    render(reply, REFUSAL_STATUS[refusal.refusal], token, language, refusal.page, noticeFor(language, refusal.refusal, refusal.page));

  app.get(
    '/d/:token',
    {
      logLevel: 'warn',
      schema: {
        summary: "A recipient's landing page (reads only: opening it downloads and consumes nothing)",
        tags: ['recipient'],
        params: PARAMS,
        querystring: { type: 'object', properties: { lang: LANG } },
        response: { 200: HTML, 404: HTML, 410: HTML, 423: HTML },
      },
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const language = locale(request, (request.query as { lang?: string }).lang);
      if (!TOKEN.test(token)) return refuse(reply, token, language, { refusal: 'notFound', page: null });
      const outcome = await viewLink(context, token, client(request));
      if (!outcome.ok) return refuse(reply, token, language, outcome);
      return render(reply, 200, token, language, outcome.page, null);
    },
  );

  app.post(
    '/d/:token/otp',
    {
      logLevel: 'warn',
      schema: {
        summary: "Send a one-time code to the recipient's address",
        tags: ['recipient'],
        params: PARAMS,
        body: { type: 'object', additionalProperties: false, properties: { lang: LANG } },
        response: { 200: HTML, 404: HTML, 409: HTML, 410: HTML, 423: HTML, 429: HTML, 503: HTML },
      },
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const language = locale(request, (request.body as { lang?: string } | undefined)?.lang);
      if (!TOKEN.test(token)) return refuse(reply, token, language, { refusal: 'notFound', page: null });
      const outcome = await sendCode(context, token, client(request), language);
      if (!outcome.ok) return refuse(reply, token, language, outcome);
      const text = translate(language, 'links.page.codeSent', {
        recipient: outcome.page.view.recipient.address,
        minutes: context.limits.codeMinutes,
      });
      return render(reply, 200, token, language, outcome.page, { tone: 'info', text });
    },
  );

  app.post(
    '/d/:token/download',
    {
      logLevel: 'warn',
      schema: {
        summary: 'Download one file of the link (with the one-time code when the link needs one)',
        tags: ['recipient'],
        params: PARAMS,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            file: { type: 'integer', minimum: 0, maximum: 1000, default: 0 },
            code: { type: 'string', maxLength: 16 },
            lang: LANG,
          },
        },
      },
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const body = (request.body ?? {}) as { file?: number; code?: string; lang?: string };
      const language = locale(request, body.lang);
      if (!TOKEN.test(token)) return refuse(reply, token, language, { refusal: 'notFound', page: null });
      const code = body.code?.replace(/[\s-]/g, '');
      const outcome = await downloadFile(context, token, body.file ?? 0, code, client(request));
      if (!outcome.ok) return refuse(reply, token, language, outcome);
      const { file, content } = outcome.download;
      return reply
        .code(200)
        .header('Content-Type', 'application/octet-stream')
        .header('Content-Disposition', contentDisposition(file.name))
        .header('Content-Length', String(file.size))
        .header('X-Content-Type-Options', 'nosniff')
        .send(Readable.from(content));
    },
  );
}
