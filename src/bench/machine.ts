import { arch, cpus, platform, release, totalmem } from 'node:os';

/** What the figures were measured on, printed before them. */
export function describeMachine(): string[] {
  const processors = cpus();
  return [
    `CPU:    ${processors[0]?.model.trim() ?? 'unknown'} (${processors.length} cores)`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS:     ${platform()} ${release()} ${arch()}`,
    `Node:   ${process.version}`,
  ];
}
