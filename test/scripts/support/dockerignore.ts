// .dockerignore as Docker reads it (https://docs.docker.com/build/concepts/context/#dockerignore-files):
// patterns relative to the context root, "*" and "?" within a path segment, "**" across segments, "!"
// re-includes, the last matching line wins, and a pattern that matches a folder excludes what is in it.

interface Rule {
  readonly pattern: RegExp;
  readonly exclude: boolean;
  readonly text: string;
}

function toRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern[index] ?? '';
    if (pattern.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (pattern.startsWith('**', index)) {
      source += '.*';
      index += 1;
    } else if (character === '*') source += '[^/]*';
    else if (character === '?') source += '[^/]';
    else source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function dockerignore(text: string): (path: string) => string | null {
  const rules: Rule[] = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const exclude = !line.startsWith('!');
      const pattern = (exclude ? line : line.slice(1)).replace(/^\/+|\/+$/g, '').replace(/^\.\//, '');
      return { pattern: toRegExp(pattern), exclude, text: line };
    });
  /** The rule that excludes `path` (relative, "/" separated), or null when the build sees it. */
  return (path) => {
    const segments = path.split('/');
    const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
    let verdict: Rule | null = null;
    for (const rule of rules) if (prefixes.some((prefix) => rule.pattern.test(prefix))) verdict = rule;
    return verdict?.exclude === true ? verdict.text : null;
  };
}
