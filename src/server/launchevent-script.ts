import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApprovalPublicJwk } from '../protocol/index.js';
import { entityTag } from './policy-file.js';
import { displayPath } from './policy-store.js';
import { StartupError } from './startup-error.js';

export interface LaunchEventScript {
  readonly body: string;
  readonly etag: string;
}

/**
 * JSON allows U+2028 and U+2029 inside strings but JavaScript before ES2019 does not, and classic
 * Outlook may parse the file as ES2016; escaped, they mean the same in both.
 */
function escapeLineTerminators(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The line the handler reads as PREFLIGHT_BOOT (cross-part contract). `approvalKey`, the public JWK that
 * verifies signed approvals, is there only when the server can sign them (secure-link mode).
 */
export function bootPrelude(origin: string, policyJson: string, approvalKey?: ApprovalPublicJwk): string {
  const key = approvalKey === undefined ? '' : `,"approvalKey":${JSON.stringify(approvalKey)}`;
  return `var PREFLIGHT_BOOT = ${escapeLineTerminators(`{"origin":${JSON.stringify(origin)},"policy":${policyJson}${key}}`)};\n`;
}

export function composeLaunchEventScript(
  origin: string,
  policyJson: string,
  bundle: string,
  approvalKey?: ApprovalPublicJwk,
): LaunchEventScript {
  const body = bootPrelude(origin, policyJson, approvalKey) + bundle;
  return { body, etag: entityTag(body) };
}

/** The built handler bundle; without it there is no add-in to serve. */
export async function readHandlerBundle(distDirectory: string): Promise<string> {
  const file = join(distDirectory, 'launchevent.js');
  const exists = await stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  );
  if (!exists) {
    throw new StartupError('missing-dist', `${displayPath(file)} is missing: build the add-in first with \`npm run build\`.`, [
      `PREFLIGHT_DIST points at ${displayPath(distDirectory)}`,
    ]);
  }
  return readFile(file, 'utf8');
}

/**
 * The bundle's source map as served beside the composed script: the PREFLIGHT_BOOT line comes first,
 * so every generated line moves down one, which a leading `;` in `mappings` says (Source Map v3,
 * https://tc39.es/ecma426/#sec-mappings). Null when the map is missing or not a source map.
 */
export function shiftedSourceMap(mapJson: string, prependedLines: number): string | null {
  let map: unknown;
  try {
    map = JSON.parse(mapJson);
  } catch {
    return null;
  }
  if (typeof map !== 'object' || map === null || typeof (map as { mappings?: unknown }).mappings !== 'string') return null;
  const mappings = (map as { mappings: string }).mappings;
  return JSON.stringify({ ...map, mappings: ';'.repeat(prependedLines) + mappings });
}

/** The built bundle's map, shifted for the boot line; null when the build has none (an older dist/). */
export async function readHandlerSourceMap(distDirectory: string): Promise<string | null> {
  const text = await readFile(join(distDirectory, 'launchevent.js.map'), 'utf8').catch(() => null);
  return text === null ? null : shiftedSourceMap(text, 1);
}
