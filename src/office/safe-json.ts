import { jsonValue } from '../policy/index.js';

/**
 * What the add-in reads back from sessionData, or undefined when it is not JSON. A `__proto__` key is refused:
 * these values are read without a key check, and a spread or Object.assign of one would set a prototype.
 */
export function parseJson(text: string): unknown {
  return jsonValue(text, { forbidProtoKeys: true });
}
