/**
 * Watches a set of files for changes. It watches their folders rather than the files: an editor that saves by
 * writing a new file and renaming it over the old one (vim, IntelliJ, many others) replaces the inode that a
 * watch on the file would follow, while the folder's watch sees the new file under the same name.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** In a folder's names: every file of the folder. */
const ANY = '*';

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

export class PathWatcher {
  private readonly folders = new Map<string, { watcher: FSWatcher | undefined; names: Set<string> }>();

  /** `onChange` gets the absolute path of a watched file that changed (possibly several times per save). */
  constructor(private readonly onChange: (path: string) => void) {}

  /**
   * Watches exactly `paths` from now on (absolute or relative to the current folder). A folder among them (a plan
   * that is a folder of Iglu schemas) is watched for any change of its files, so that a new schema is seen.
   */
  set(paths: Iterable<string>): void {
    const wanted = new Map<string, Set<string>>();
    for (const p of paths) {
      const abs = resolve(p);
      if (isFolder(abs)) {
        if (!wanted.has(abs)) wanted.set(abs, new Set());
        wanted.get(abs)!.add(ANY);
      }
      const dir = dirname(abs);
      if (!wanted.has(dir)) wanted.set(dir, new Set());
      wanted.get(dir)!.add(basename(abs));
    }
    for (const [dir, entry] of this.folders) {
      if (!wanted.has(dir)) {
        entry.watcher?.close();
        this.folders.delete(dir);
      }
    }
    for (const [dir, names] of wanted) {
      const entry = this.folders.get(dir);
      if (entry) {
        entry.names = names;
        if (!entry.watcher) entry.watcher = this.open(dir);
      } else {
        this.folders.set(dir, { watcher: this.open(dir), names });
      }
    }
  }

  close(): void {
    for (const entry of this.folders.values()) entry.watcher?.close();
    this.folders.clear();
  }

  private open(dir: string): FSWatcher | undefined {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true }, (_event, name) => {
        const entry = this.folders.get(dir);
        // some platforms do not say which file changed: then any of the folder's files may have
        if (!entry) return;
        if (name === null || name === undefined) {
          for (const n of entry.names) this.onChange(join(dir, n));
        } else if (entry.names.has(String(name)) || entry.names.has(ANY)) {
          this.onChange(join(dir, String(name)));
        }
      });
    } catch {
      // the folder is not there (yet): the next set() tries again
      return undefined;
    }
    watcher.on('error', () => {
      // the folder went away: forget its watcher, and report its files as changed so that the next cycle says so
      watcher.close();
      const entry = this.folders.get(dir);
      if (entry) {
        entry.watcher = undefined;
        for (const n of entry.names) this.onChange(join(dir, n));
      }
    });
    return watcher;
  }
}
