#!/usr/bin/env node
// `npm run manifest -- --base-url https://preflight.example.co.jp [--out FILE] [--support-url URL]
//   [--permissions ReadWriteItem|ReadWriteMailbox]`
// Writes the production manifest: manifest.xml with every development URL moved to the given origin.
// ReadWriteMailbox lets the review pane send the message itself (item.sendAsync, Mailbox 1.15): what IT
// trades for it is in docs/deploy.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEVELOPMENT_ORIGIN = 'https://localhost:3000';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(root, 'manifest.xml');
const DEFAULT_OUT = 'manifest.production.xml';
const EX_USAGE = 64;
const EX_DATAERR = 65;

export const PERMISSIONS = ['ReadWriteItem', 'ReadWriteMailbox'];
/** The query the pane reads to know it may call item.sendAsync (src/taskpane/index.tsx). */
export const PANE_SENDS_QUERY = 'send=mailbox';

const USAGE = `Usage: npm run manifest -- [--base-url https://HOST[:PORT]] [--out FILE] [--support-url URL] [--permissions P]

  --base-url     the HTTPS origin that serves Preflight (no path): every ${DEVELOPMENT_ORIGIN} URL becomes it
                 (default ${DEVELOPMENT_ORIGIN}: a development manifest)
  --out          where to write the manifest (default ${DEFAULT_OUT})
  --support-url  the page the add-in's "Support" link opens, e.g. your help desk (default: the playground)
  --permissions  ReadWriteItem (default) or ReadWriteMailbox, which adds "Confirm and send" to the review
                 pane (item.sendAsync); docs/deploy.md says what it grants`;

class UsageError extends Error {}

function parseArguments(argv) {
  const options = new Map();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') return { help: true };
    const match = /^--(base-url|out|support-url|permissions)(?:=(.*))?$/.exec(argument);
    if (match === null) throw new UsageError(`unknown argument: ${argument}`);
    const [, name, inline] = match;
    const value = inline ?? argv[(index += 1)];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    if (options.has(name)) throw new UsageError(`--${name} given twice`);
    options.set(name, value);
  }
  const permissions = options.get('permissions') ?? 'ReadWriteItem';
  if (!PERMISSIONS.includes(permissions)) throw new UsageError(`--permissions must be ${PERMISSIONS.join(' or ')}: ${permissions}`);
  return {
    help: false,
    baseUrl: options.get('base-url') ?? DEVELOPMENT_ORIGIN,
    out: options.get('out') ?? DEFAULT_OUT,
    supportUrl: options.get('support-url'),
    permissions,
  };
}

function parseHttpsUrl(text, what) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${what} is not a URL: ${text}`);
  }
  if (url.protocol !== 'https:') throw new UsageError(`${what} must use https:// (Outlook loads add-ins over HTTPS only): ${text}`);
  if (url.username !== '' || url.password !== '') throw new UsageError(`${what} must not contain a user name or password: ${text}`);
  return url;
}

/** The origin of `text`, refusing anything after it: the server serves the add-in at its root. */
export function parseBaseUrl(text) {
  const url = parseHttpsUrl(text, '--base-url');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new UsageError(`--base-url must be an origin such as https://preflight.example.com, without a path, query or #: ${text}`);
  }
  return url.origin;
}

function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The manifest with `permissions`; with ReadWriteMailbox the pane's URL tells it that it may send. */
export function withPermissions(manifest, permissions) {
  if (permissions === 'ReadWriteItem') return manifest;
  const pattern = /<Permissions>ReadWriteItem<\/Permissions>/;
  if (!pattern.test(manifest)) throw new Error('manifest.xml has no <Permissions>ReadWriteItem</Permissions> to replace');
  return manifest.replace(pattern, `<Permissions>${permissions}</Permissions>`).split('/taskpane.html"').join(`/taskpane.html?${PANE_SENDS_QUERY}"`);
}

export function productionManifest(source, origin, supportUrl, permissions = 'ReadWriteItem') {
  let manifest = withPermissions(source.split(DEVELOPMENT_ORIGIN).join(origin), permissions);
  if (supportUrl !== undefined) {
    const href = parseHttpsUrl(supportUrl, '--support-url').href;
    const pattern = /<SupportUrl DefaultValue="[^"]*"\/>/;
    if (!pattern.test(manifest)) throw new Error('manifest.xml has no <SupportUrl DefaultValue="…"/> to replace');
    manifest = manifest.replace(pattern, `<SupportUrl DefaultValue="${escapeAttribute(href)}"/>`);
  }
  return manifest;
}

function isLoopback(origin) {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function main(argv) {
  let options;
  try {
    options = parseArguments(argv);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    const origin = parseBaseUrl(options.baseUrl);
    const out = resolve(process.cwd(), options.out);
    if (out === SOURCE) throw new UsageError('--out must not be manifest.xml itself (it is the development manifest)');
    const manifest = productionManifest(readFileSync(SOURCE, 'utf8'), origin, options.supportUrl, options.permissions);
    if (!isLoopback(origin) && /localhost|127\.0\.0\.1/.test(manifest)) {
      console.error(`manifest.xml has a local address that is not ${DEVELOPMENT_ORIGIN}; fix manifest.xml first.`);
      return EX_DATAERR;
    }
    writeFileSync(out, manifest);
    if (isLoopback(origin)) console.error(`Note: ${origin} is a local address; this manifest is for development only.`);
    console.log(`Wrote ${options.out} for ${origin}. Upload it in Microsoft 365 admin center > Settings > Integrated apps (docs/deploy.md).`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`manifest: ${error.message}\n\n${USAGE}`);
    return EX_USAGE;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
