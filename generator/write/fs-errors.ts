/** File-system errors in words: `permission denied`, not `EACCES: permission denied, mkdir '/x/y'`. */

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way',
  ENOENT: 'no such file or folder, and it cannot be created there',
  EEXIST: 'something else is already there',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

export function explainFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code && WORDS[code]) ?? (e instanceof Error ? e.message : String(e));
}
