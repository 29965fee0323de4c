#!/usr/bin/env node
// `npm run manifest -- --base-url https://preflight.example.co.jp [--out FILE] [--support-url URL]
//   [--permissions ReadWriteItem|ReadWriteMailbox] [--id GUID]`
// Writes the production manifest: manifest.xml with every development URL moved to the given origin,
// the organisation's own add-in Id (never manifest.xml's, which developers sideload) and a header that
// says it is the production manifest. The Id is what Integrated apps knows the add-in by, so it is kept
// from one run to the next: --id, else PREFLIGHT_MANIFEST_ID, else the Id in the existing output file,
// else a new one (docs/deploy.md, "Make the production manifest").
// ReadWriteMailbox lets the review pane send the message itself (item.sendAsync, Mailbox 1.15): what IT
// trades for it is in docs/deploy.md.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_ELEMENT = /<Id>([^<]*)<\/Id>/;

const USAGE = `Usage: npm run manifest -- [--base-url https://HOST[:PORT]] [--out FILE] [--support-url URL] [--permissions P] [--id GUID]

  --base-url     the HTTPS origin that serves Preflight (no path): every ${DEVELOPMENT_ORIGIN} URL becomes it
                 (default ${DEVELOPMENT_ORIGIN}: a development manifest)
  --out          where to write the manifest (default ${DEFAULT_OUT})
  --support-url  the page the add-in's "Support" link opens, e.g. your help desk (default: the playground)
  --permissions  ReadWriteItem (default) or ReadWriteMailbox, which adds "Confirm and send" to the review
                 pane (item.sendAsync); docs/deploy.md says what it grants
  --id           the add-in Id (a GUID) your organisation deploys; default PREFLIGHT_MANIFEST_ID, else the
                 Id already in the output file, else a new one. Never the development Id of manifest.xml`;

class UsageError extends Error {}
/** The input files are wrong, not the command line. */
class DataError extends Error {}

function parseArguments(argv) {
  const options = new Map();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') return { help: true };
    const match = /^--(base-url|out|support-url|permissions|id)(?:=(.*))?$/.exec(argument);
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
    id: options.get('id'),
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
  return manifest
    .replace(pattern, `<Permissions>${permissions}</Permissions>`)
    .split('/taskpane.html"')
    .join(`/taskpane.html?${PANE_SENDS_QUERY}"`);
}

/** The `<Id>` of a manifest's text, or undefined. */
export function manifestId(manifest) {
  return ID_ELEMENT.exec(manifest)?.[1]?.trim();
}

function sameId(left, right) {
  return left !== undefined && right !== undefined && left.toLowerCase() === right.toLowerCase();
}

/** The manifest with `id` and a first comment saying that it is the production manifest for `origin`. */
function withProductionIdentity(manifest, origin, id) {
  if (!GUID.test(id)) throw new UsageError(`the add-in Id must be a GUID such as ${randomUUID()}: ${id}`);
  if (!ID_ELEMENT.test(manifest)) throw new Error('manifest.xml has no <Id> to replace');
  const header = /<!--[\s\S]*?-->/;
  if (!header.test(manifest)) throw new Error('manifest.xml has no header comment to replace');
  return manifest
    .replace(ID_ELEMENT, `<Id>${id}</Id>`)
    .replace(
      header,
      [
        '<!--',
        `  Preflight, PRODUCTION manifest for ${origin}, not the development one: written by`,
        '  scripts/manifest.js from manifest.xml. Upload it in Microsoft 365 admin center > Settings > Integrated apps.',
        `  Id ${id} is this organisation's own add-in Id: keep it in every update,`,
        '  or Integrated apps sees another add-in.',
        '  Bump Version on every change; new or changed events or permissions need the admin to consent again.',
        '-->',
      ].join('\n'),
    );
}

/**
 * The Id for a production manifest written to `out`, and a note when it is new or replaces one: `--id`,
 * else PREFLIGHT_MANIFEST_ID, else the Id already in `out`, else a new GUID. The development Id is refused
 * wherever it comes from: it is public in this repository and in every developer's sideloaded copy, and
 * the Id must be unique to the add-in (https://learn.microsoft.com/javascript/api/manifest/id).
 */
function chooseId({ given, environment, existing, developmentId, out }) {
  const named = given ?? environment;
  const source = given !== undefined ? '--id' : 'PREFLIGHT_MANIFEST_ID';
  if (named !== undefined) {
    if (sameId(named, developmentId))
      throw new UsageError(
        `${source} is the development Id of manifest.xml (${developmentId}); a production manifest needs your organisation's own`,
      );
    if (!GUID.test(named)) throw new UsageError(`${source} must be a GUID such as ${randomUUID()}: ${named}`);
    const note =
      existing !== undefined && GUID.test(existing) && !sameId(existing, named)
        ? `Note: ${out} had the add-in Id ${existing}; it now has ${named}. Integrated apps treats a new Id as another add-in.`
        : undefined;
    return { id: named.toLowerCase(), note };
  }
  if (existing !== undefined && sameId(existing, developmentId)) {
    throw new DataError(
      `${out} carries the development Id of manifest.xml (${developmentId}), which must not be deployed for production. ` +
        "Pass --id with your organisation's Id (the one Integrated apps shows, if you deployed one), or remove the file for a new Id (docs/deploy.md).",
    );
  }
  if (existing !== undefined && GUID.test(existing)) return { id: existing.toLowerCase(), note: undefined };
  const id = randomUUID();
  return {
    id,
    note: `New add-in Id ${id}: this is your organisation's add-in from now on. Keep ${out}, or pass --id ${id}, for every later manifest.`,
  };
}

export function productionManifest(source, origin, supportUrl, permissions = 'ReadWriteItem', id = undefined) {
  let manifest = withPermissions(source.split(DEVELOPMENT_ORIGIN).join(origin), permissions);
  if (id !== undefined) manifest = withProductionIdentity(manifest, origin, id);
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

export function main(argv, env = process.env) {
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
    const source = readFileSync(SOURCE, 'utf8');
    // A development manifest keeps manifest.xml's Id; a production one never does.
    if (isLoopback(origin) && options.id !== undefined)
      throw new UsageError('--id is for a production manifest (with --base-url); a development manifest keeps the Id of manifest.xml');
    const chosen = isLoopback(origin)
      ? { id: undefined, note: undefined }
      : chooseId({
          given: options.id,
          environment: env.PREFLIGHT_MANIFEST_ID?.trim() || undefined,
          existing: existsSync(out) ? manifestId(readFileSync(out, 'utf8')) : undefined,
          developmentId: manifestId(source),
          out: options.out,
        });
    const manifest = productionManifest(source, origin, options.supportUrl, options.permissions, chosen.id);
    if (!isLoopback(origin) && /localhost|127\.0\.0\.1/.test(manifest)) {
      console.error(`manifest.xml has a local address that is not ${DEVELOPMENT_ORIGIN}; fix manifest.xml first.`);
      return EX_DATAERR;
    }
    writeFileSync(out, manifest);
    if (isLoopback(origin)) console.error(`Note: ${origin} is a local address; this manifest is for development only.`);
    if (chosen.note !== undefined) console.error(chosen.note);
    console.log(
      `Wrote ${options.out} for ${origin} with add-in Id ${manifestId(manifest)}. Upload it in Microsoft 365 admin center > Settings > Integrated apps (docs/deploy.md).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      console.error(`manifest: ${error.message}`);
      return EX_DATAERR;
    }
    if (!(error instanceof UsageError)) throw error;
    console.error(`manifest: ${error.message}\n\n${USAGE}`);
    return EX_USAGE;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
