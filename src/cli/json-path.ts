const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.to[1].address`: the form policy problems use too, so one reader learns one notation. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

export const ROOT_PATH = '$';
