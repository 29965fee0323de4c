import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Calls `onChange` after the directory holding `file` settles. The directory is watched, not the file,
 * because editors save by writing a new file and renaming it over the old one, which ends a watch on the
 * old inode. Every event counts, whatever its name: Kubernetes ConfigMap and Secret volumes update by
 * renaming a `..data_tmp` symlink over `..data`, so the policy file itself is never named
 * (https://kubernetes.io/docs/concepts/configuration/configmap/#mounted-configmaps-are-updated-automatically).
 * A reload of unchanged content costs little: the store compares the file's SHA-256.
 */
export function watchFile(file: string, onChange: () => void, settleMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(file), { persistent: false }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
