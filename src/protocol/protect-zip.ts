import { isZipMethod, type ZipMethod } from '../policy/index.js';
import { fieldsOf, isCount, isText } from './fields.js';

export { ZIP_METHODS, isZipMethod, type ZipMethod } from '../policy/index.js';

export interface ProtectZipRequest {
  /** Omitted: aes256. */
  readonly method?: ZipMethod;
  readonly archiveName?: string;
  readonly files: readonly { readonly name: string; readonly contentBase64: string }[];
}

export interface ProtectZipAnswer {
  readonly name: string;
  readonly size: number;
  readonly method: ZipMethod;
  readonly password: string;
  readonly contentBase64: string;
}

/** Null when the answer lacks a field the add-in needs. */
export function parseProtectZipAnswer(value: unknown): ProtectZipAnswer | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const { name, size, method, password, contentBase64 } = fields;
  if (!isText(name) || !isCount(size)) return null;
  if (!isZipMethod(method)) return null;
  if (typeof password !== 'string' || password.length < 16 || typeof contentBase64 !== 'string' || contentBase64 === '') return null;
  return { name, size, method, password, contentBase64 };
}
