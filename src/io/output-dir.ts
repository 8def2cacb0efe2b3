// The output directory of a run. Every path written goes through `path()`, which refuses
// anything that would land outside the directory; names come from the program, never from
// document ids. Write failures (disk full, read-only, permissions) become an OutputError
// with a message a user can act on.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AtomicFileWriter, nodeFileOps, writeFileAtomic, writeFileAtomicFrom, type FileOps } from './atomic.js';

const HINTS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a path component is not a directory',
  EEXIST: 'a file is in the way',
  EIO: 'input/output error',
};

/** The output directory cannot be created or written: exit status 2, the directory stays consistent. */
export class OutputError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'OutputError';
    this.code = code;
  }
}

export const describeFsError = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  const hint = err.code ? HINTS[err.code] : undefined;
  return hint ? `${hint} (${err.code})` : err.message;
};

export class OutputDir {
  readonly root: string;
  private constructor(
    root: string,
    readonly ops: FileOps,
  ) {
    this.root = resolve(root);
  }

  /** Creates the directory if needed and checks that it is a writable directory. */
  static open(root: string, ops: FileOps = nodeFileOps): OutputDir {
    const dir = new OutputDir(root, ops);
    try {
      try {
        mkdirSync(dir.root, { recursive: true });
      } catch (e) {
        // Recursive mkdir says ENOENT for most failures; a plain one names the real cause (EROFS, EACCES).
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(dirname(dir.root))) throw e;
        mkdirSync(dir.root);
      }
      if (!statSync(dir.root).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      readdirSync(dir.root);
    } catch (e) {
      throw new OutputError(`cannot use output directory ${root}: ${describeFsError(e)}`, (e as NodeJS.ErrnoException).code);
    }
    dir.guard(() => writeFileAtomic(dir.path('.shabaka-probe'), 'ok\n', ops), '.shabaka-probe');
    rmSync(dir.path('.shabaka-probe'), { force: true });
    return dir;
  }

  /** A path inside the directory; throws on absolute paths, `..` or anything that escapes it. */
  path(...parts: string[]): string {
    for (const p of parts) if (isAbsolute(p)) throw new OutputError(`refusing to write outside ${this.root}: absolute path ${p}`);
    const full = resolve(this.root, ...parts);
    const rel = relative(this.root, full);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new OutputError(`refusing to write outside ${this.root}: ${parts.join('/')}`);
    }
    return full;
  }

  mkdir(...parts: string[]): string {
    const p = this.path(...parts);
    this.guard(() => mkdirSync(p, { recursive: true }), parts.join('/'));
    return p;
  }

  writeAtomic(name: string, data: string | Uint8Array): void {
    const p = this.path(name);
    this.guard(() => writeFileAtomic(p, data, this.ops), name);
  }

  /** Streams a file through `fill`, made visible atomically once complete. */
  writeStreamAtomic(name: string, fill: (write: (data: string | Uint8Array) => void) => void): void {
    const p = this.path(name);
    this.guard(() => writeFileAtomicFrom(p, fill, this.ops), name);
  }

  /**
   * A file written piece by piece into a temporary file that becomes `name` only on commit (each
   * piece goes to disk as it comes instead of being held until the end); errors name the file.
   */
  openAtomic(name: string): { write(data: string | Uint8Array): void; commit(): void; abort(): void } {
    const p = this.path(name);
    const w = this.guard(() => new AtomicFileWriter(p, this.ops), name);
    return {
      write: (d) => this.guard(() => w.write(d), name),
      commit: () => this.guard(() => w.commit(), name),
      abort: () => w.abort(),
    };
  }

  /** Deletes temporary files an interrupted writer left behind (`.<name>.<pid>.tmp`) in these subdirectories. */
  removeTemporaries(...dirs: string[]): void {
    for (const d of dirs) {
      const p = d === '.' ? this.root : this.path(d);
      let names: string[];
      try {
        names = readdirSync(p);
      } catch {
        continue;
      }
      for (const n of names) if (/^\..+\.\d+\.tmp$/.test(n)) this.remove(d === '.' ? n : `${d}/${n}`);
    }
  }

  remove(name: string): void {
    const p = this.path(name);
    this.guard(() => rmSync(p, { recursive: true, force: true }), name);
  }

  /** Runs a file operation; system errors become an OutputError naming the file. */
  guard<T>(fn: () => T, name: string): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof OutputError || !(e as NodeJS.ErrnoException).code) throw e;
      throw new OutputError(`cannot write ${this.path(name)}: ${describeFsError(e)}`, (e as NodeJS.ErrnoException).code);
    }
  }
}
