// One helper for the token tries (names, titles, triggers): walk a path, creating nodes.

export interface Node<T> {
  readonly next: Map<string, Node<T>>;
  readonly items: T[];
}

export const newNode = <T>(): Node<T> => ({ next: new Map(), items: [] });

/** Every key below the first level of a trie: the words that can continue a phrase. */
export function continuationKeys<T>(root: ReadonlyMap<string, Node<T>>): Set<string> {
  const out = new Set<string>();
  const stack = [...root.values()];
  for (let n = stack.pop(); n; n = stack.pop()) {
    for (const [k, child] of n.next) {
      out.add(k);
      stack.push(child);
    }
  }
  return out;
}

/** The node at the end of `path` under `root`, created as needed. */
export function pathNode<T>(root: Map<string, Node<T>>, path: readonly string[]): Node<T> {
  let node = root.get(path[0]!);
  if (!node) root.set(path[0]!, (node = newNode<T>()));
  for (let i = 1; i < path.length; i++) {
    let child: Node<T> | undefined = node.next.get(path[i]!);
    if (!child) node.next.set(path[i]!, (child = newNode<T>()));
    node = child;
  }
  return node;
}
