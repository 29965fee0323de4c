import { randomBytes } from 'node:crypto';
import { access, link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A key file in `<dataDirectory>/keys/`, made by `generate` on first start and read as it is afterwards.
 * Written beside and hard-linked into place, as the generated KEK is, so two starts never both win.
 */
export async function keyFileText(
  dataDirectory: string,
  name: string,
  generate: () => Promise<string>,
): Promise<{ readonly path: string; readonly text: string }> {
  const directory = join(dataDirectory, 'keys');
  const path = join(directory, name);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const temporary = join(directory, `${name}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(await generate());
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
  }
  return { path, text: await readFile(path, 'utf8') };
}
