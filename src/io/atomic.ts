// Atomic file writes: write to a temporary file in the same directory, fsync, rename.
// A reader (or a resumed run) never sees a half-written file. The file operations are
// injectable so tests can make a disk "full" at any chosen write.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The few synchronous file operations the writers use (node:fs by default). */
export interface FileOps {
  openSync(path: string, flags: string): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

export const nodeFileOps: FileOps = {
  openSync: (p, f) => fs.openSync(p, f),
  writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
};

const tmpName = (file: string): string => join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);

/** Writes all of `data`, looping over short writes. */
function writeAll(ops: FileOps, fd: number, data: string | Uint8Array): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < buf.length) off += ops.writeSync(fd, buf, off, buf.length - off);
}

/** Removes a temporary file after a failed write; the original error is what matters. */
function discard(ops: FileOps, tmp: string): void {
  try {
    ops.unlinkSync(tmp);
  } catch {
    /* already gone */
  }
}

export function writeFileAtomic(file: string, data: string | Uint8Array, ops: FileOps = nodeFileOps): void {
  writeFileAtomicFrom(file, (write) => write(data), ops);
}

/** Writes what `fill` hands to `write`, piece by piece; `file` appears only once all of it is written. */
export function writeFileAtomicFrom(file: string, fill: (write: (data: string | Uint8Array) => void) => void, ops: FileOps = nodeFileOps): void {
  const w = new AtomicFileWriter(file, ops);
  try {
    fill((d) => w.write(d));
  } catch (e) {
    w.abort();
    throw e;
  }
  w.commit();
}

/** Streams data into a temporary file that becomes `file` only on commit(). */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd: number | undefined;
  private buffer: (string | Uint8Array)[] = [];
  private size = 0;
  constructor(
    private readonly file: string,
    private readonly ops: FileOps = nodeFileOps,
  ) {
    this.tmp = tmpName(file);
    this.fd = ops.openSync(this.tmp, 'w');
  }
  write(data: string | Uint8Array): void {
    this.buffer.push(data);
    this.size += data.length;
    // Small enough that pieces go out while still young (a held document line would reach V8's old
    // generation, where garbage waits for a full collection).
    if (this.size > 1 << 18) this.flush();
  }
  flush(): void {
    if (this.fd === undefined) throw new Error(`${this.file}: write after commit or abort`);
    for (const b of this.buffer) writeAll(this.ops, this.fd, b);
    this.buffer = [];
    this.size = 0;
  }
  commit(): void {
    try {
      this.flush();
      this.ops.fsyncSync(this.fd!);
      this.ops.closeSync(this.fd!);
      this.fd = undefined;
      this.ops.renameSync(this.tmp, this.file);
    } catch (e) {
      this.abort();
      throw e;
    }
  }
  /** Drops the temporary file; the target keeps its previous content (or stays absent). */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        this.ops.closeSync(this.fd);
      } catch {
        /* closing a broken descriptor */
      }
      this.fd = undefined;
    }
    this.buffer = [];
    discard(this.ops, this.tmp);
  }
}
