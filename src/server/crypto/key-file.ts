import { randomBytes } from 'node:crypto';
import { access, link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `text` to a new file beside `path`, readable only by the service, synced to disk; returns its path. */
async function writtenBeside(path: string, text: string): Promise<string> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
}

/**
 * Puts `text` at `path` unless a file is there, and says whether it did: written beside and hard-linked
 * into place, so two processes starting at the same moment never both win and neither reads a
 * half-written file.
 */
export async function createdOnce(path: string, text: string): Promise<boolean> {
  const temporary = await writtenBeside(path, text);
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    await unlink(temporary);
  }
}

/** A key file in `<dataDirectory>/keys/`, made by `generate` on first start (createdOnce) and read as it is afterwards. */
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
  if (!exists) await createdOnce(path, await generate());
  return { path, text: await readFile(path, 'utf8') };
}

/**
 * Replaces key file `name` with `after` while it still reads `before`, and says whether it did: written
 * beside and renamed into place, so a crash leaves the old text or the new, never part of either. The
 * embedded store has one instance, so nothing writes between the read and the rename.
 */
export async function replaceKeyFileText(dataDirectory: string, name: string, before: string, after: string): Promise<boolean> {
  const path = join(dataDirectory, 'keys', name);
  if ((await readFile(path, 'utf8')) !== before) return false;
  const temporary = await writtenBeside(path, after);
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return true;
}
