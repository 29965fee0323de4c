// A small Dockerfile reader for the container test: the instructions the Dockerfile uses (FROM, WORKDIR,
// RUN, COPY, ENV, USER, VOLUME, EXPOSE, HEALTHCHECK, CMD), grouped by stage. Syntax per
// https://docs.docker.com/reference/dockerfile/ (line continuations with "\", "#" comment lines,
// exec form as a JSON array); no ARG substitution, heredocs or parser directives, which it does not use.

export interface Instruction {
  readonly keyword: string;
  /** Everything after the keyword, continuations joined. */
  readonly text: string;
  readonly line: number;
}

export interface Stage {
  readonly name: string;
  readonly base: string;
  readonly instructions: readonly Instruction[];
}

export interface Copy {
  readonly from?: string;
  readonly sources: readonly string[];
  readonly destination: string;
}

export function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) return;
    if (pending !== '' && line.startsWith('#')) return;
    if (pending === '') start = index + 1;
    const continued = line.endsWith('\\');
    pending += `${continued ? line.slice(0, -1) : line} `;
    if (continued) return;
    const match = /^(\S+)\s*(.*)$/.exec(pending.trim());
    if (match !== null)
      result.push({ keyword: (match[1] ?? '').toUpperCase(), text: (match[2] ?? '').replace(/\s+/g, ' ').trim(), line: start });
    pending = '';
  });
  return result;
}

export function stages(text: string): Stage[] {
  const result: { name: string; base: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.text.replace(/--\S+\s*/g, '').split(' ');
      result.push({ name: as?.toUpperCase() === 'AS' && name !== undefined ? name : String(result.length), base, instructions: [] });
    } else {
      const stage = result.at(-1);
      if (stage === undefined) throw new Error(`line ${instruction.line}: ${instruction.keyword} before FROM`);
      stage.instructions.push(instruction);
    }
  }
  return result;
}

/** `--flag=value` options in front of the arguments, and what is left. */
export function flags(text: string): { readonly flags: ReadonlyMap<string, string>; readonly rest: string } {
  const found = new Map<string, string>();
  let rest = text;
  for (let match = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest); match !== null; match = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest)) {
    found.set(match[1] ?? '', match[2] ?? '');
    rest = rest.slice(match[0].length);
  }
  return { flags: found, rest };
}

/** A command in exec form (JSON array) or shell form, as the argv Docker runs. */
export function command(text: string): string[] {
  if (text.startsWith('[')) return JSON.parse(text) as string[];
  return ['/bin/sh', '-c', text];
}

export function parseCopy(instruction: Instruction): Copy {
  const { flags: options, rest } = flags(instruction.text);
  const parts = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : rest.split(' ');
  const destination = parts.at(-1);
  if (destination === undefined || parts.length < 2) throw new Error(`line ${instruction.line}: COPY needs a source and a destination`);
  const from = options.get('from');
  return { ...(from === undefined ? {} : { from }), sources: parts.slice(0, -1), destination };
}

/** ENV in its `KEY=value …` form (values without spaces or quotes, as the Dockerfile writes them). */
export function parseEnv(instruction: Instruction): Map<string, string> {
  const values = new Map<string, string>();
  for (const pair of instruction.text.split(' ')) {
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new Error(`line ${instruction.line}: ENV ${pair} is not KEY=value`);
    values.set(pair.slice(0, separator), pair.slice(separator + 1));
  }
  return values;
}

export function all(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword);
}

/** The last of a keyword in the stage (USER, WORKDIR, CMD, HEALTHCHECK: the last one counts). */
export function last(stage: Stage, keyword: string): Instruction | undefined {
  return all(stage, keyword).at(-1);
}
