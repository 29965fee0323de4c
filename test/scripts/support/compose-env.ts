// compose.yaml's environment as the container would see it, and which variables the server reads.
// Interpolation per https://docs.docker.com/reference/compose-file/interpolation/ (${VAR}, ${VAR:-default},
// ${VAR:?error}); only what compose.yaml uses.

export function interpolate(text: string, variables: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g, (_whole, name: string, operator?: string, word?: string) => {
    const value = variables[name];
    if (value !== undefined && value !== '') return value;
    if (operator === ':?') throw new Error(`${name}: ${word ?? 'required'}`);
    return operator === ':-' ? (word ?? '') : '';
  });
}

/** An environment that notes every name read from it, to learn what readEnvironment looks at. */
export function recordingEnvironment(values: Readonly<Record<string, string>>): {
  env: Record<string, string | undefined>;
  read: Set<string>;
} {
  const read = new Set<string>();
  const env = new Proxy({ ...values } as Record<string, string | undefined>, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return typeof name === 'string' ? target[name] : undefined;
    },
  });
  return { env, read };
}
