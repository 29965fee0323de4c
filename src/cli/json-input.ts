import { ROOT_PATH } from './json-path.js';
import { problem, type Parsed } from './problem.js';

/** UTF-8 (a BOM is allowed), then JSON; both failures are problems at `$`. */
export function decodeJson(bytes: Uint8Array): Parsed<unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [problem(ROOT_PATH, 'cli.input.notUtf8')] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem(ROOT_PATH, 'cli.input.badJson', { detail })] };
  }
}
