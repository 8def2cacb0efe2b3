// Items by token index within one document: the get/has/set of a Map<number, T>, over a typed
// array from the batch arena. The title and organization passes each kept Maps from token to
// mention (three per document): 5 % of everything the pipeline allocated.
import { int32s, type TypedArena } from './arena.js';

export interface TokenLookup<T> {
  get(token: number): T | undefined;
  has(token: number): boolean;
}

export class TokenSlots<T> implements TokenLookup<T> {
  /** 0: nothing at the token; else 1 + the item's index in `items`. */
  private readonly at: Int32Array;
  private readonly items: T[] = [];

  /** Tokens 0 … size-1 (an end index may equal the token count: pass count + 1). */
  constructor(arena: TypedArena | undefined, size: number) {
    this.at = int32s(arena, size);
  }

  get(token: number): T | undefined {
    if (token < 0 || token >= this.at.length) return undefined;
    const x = this.at[token]!;
    return x === 0 ? undefined : this.items[x - 1];
  }

  has(token: number): boolean {
    return this.get(token) !== undefined;
  }

  set(token: number, item: T): void {
    if (token < 0 || token >= this.at.length) throw new RangeError(`token ${token} outside 0…${this.at.length - 1}`);
    this.items.push(item);
    this.at[token] = this.items.length;
  }
}
