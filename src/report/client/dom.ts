/// <reference lib="dom" />
// Small DOM helpers: elements are built with text nodes, never from HTML strings, so names
// and sentences from the corpus cannot inject markup.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Replaces the children of `el`, skipping empty slots. */
export function fill(el: HTMLElement, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`report page: element #${id} is missing`);
  return el as T;
}

/** Direction of a text in a document language: Arabic (and other RTL scripts) right to left. */
export const dirOf = (lang: string): 'rtl' | 'ltr' => (/^(ar|fa|ur|he)\b/.test(lang) ? 'rtl' : 'ltr');
