// Typed arrays for one batch of documents, cut from a few large buffers that the next batch reuses.
// A fresh typed array of a few kilobytes costs microseconds (a zeroed allocation outside V8's heap,
// then its collection): a dozen per document was a tenth of a pipeline's time on short news
// articles. A view of a reused buffer costs tens of nanoseconds, and the reused memory stays in the
// CPU's caches. Only for arrays that end with the batch: the pipeline resets its arena when the
// next batch starts, and a document graph holds plain numbers, never these arrays.

/** Offsets are kept to multiples of 8 bytes (every typed array's alignment). */
const ALIGN = 8;

export class TypedArena {
  private readonly chunks: ArrayBuffer[] = [];
  private index = 0;
  private offset = 0;
  private current: ArrayBuffer | undefined;

  /**
   * @param chunkBytes size of each buffer; a larger array is allocated on its own.
   * @param keepChunks buffers kept across a reset (a batch of huge documents does not pin its memory).
   */
  constructor(
    private readonly chunkBytes = 1 << 22,
    private readonly keepChunks = 4,
  ) {}

  /** Starts over: every array handed out since the last reset may now be overwritten. */
  reset(): void {
    this.index = 0;
    this.offset = 0;
    if (this.chunks.length > this.keepChunks) this.chunks.length = this.keepChunks;
    this.current = this.chunks[0];
  }

  /** The byte offset of `bytes` free bytes in `this.current`, or -1 when they do not fit in a chunk. */
  private take(bytes: number): number {
    if (bytes > this.chunkBytes) return -1;
    if (this.current === undefined || this.offset + bytes > this.chunkBytes) {
      if (this.current !== undefined) this.index++;
      if (this.index === this.chunks.length) this.chunks.push(new ArrayBuffer(this.chunkBytes));
      this.current = this.chunks[this.index]!;
      this.offset = 0;
    }
    const at = this.offset;
    this.offset = (at + bytes + ALIGN - 1) & ~(ALIGN - 1);
    return at;
  }

  // One method per element type, not one taking the constructor: each call site then constructs
  // a single kind of array, which V8 keeps monomorphic on these hot paths.

  /** A zeroed Int32Array of n elements. */
  int32(n: number): Int32Array {
    const at = this.take(n * 4);
    return at < 0 ? new Int32Array(n) : new Int32Array(this.current!, at, n).fill(0);
  }

  uint32(n: number): Uint32Array {
    const at = this.take(n * 4);
    return at < 0 ? new Uint32Array(n) : new Uint32Array(this.current!, at, n).fill(0);
  }

  uint16(n: number): Uint16Array {
    const at = this.take(n * 2);
    return at < 0 ? new Uint16Array(n) : new Uint16Array(this.current!, at, n).fill(0);
  }

  uint8(n: number): Uint8Array {
    const at = this.take(n);
    return at < 0 ? new Uint8Array(n) : new Uint8Array(this.current!, at, n).fill(0);
  }
}

/** Zeroed arrays from `arena`, or fresh ones without (a document run alone, whose arrays outlive any batch). */
export const int32s = (arena: TypedArena | undefined, n: number): Int32Array => (arena ? arena.int32(n) : new Int32Array(n));
export const uint32s = (arena: TypedArena | undefined, n: number): Uint32Array => (arena ? arena.uint32(n) : new Uint32Array(n));
export const uint16s = (arena: TypedArena | undefined, n: number): Uint16Array => (arena ? arena.uint16(n) : new Uint16Array(n));
export const uint8s = (arena: TypedArena | undefined, n: number): Uint8Array => (arena ? arena.uint8(n) : new Uint8Array(n));
