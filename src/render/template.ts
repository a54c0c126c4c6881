// A very small mustache: {{x}} escaped, {{{x}}} raw, {{#x}}…{{/x}} for lists and
// conditions ({{.}} is the current item), {{^x}}…{{/x}} when x is empty.
//
// Data is never code. A template is parsed once, into a tree, from the template
// file alone; rendering walks that tree and only ever *inserts* values, so text
// from a manuscript is never scanned for `{{…}}` again. A raw slot ({{{x}}})
// takes only `Html` — markup made by our own code (CSS, slide markup, text that
// `words()` escaped) — and refuses a plain string, so manuscript text cannot
// reach the page unescaped by mistake.

export type Ctx = { [k: string]: unknown };

/** Markup our own code made; the only thing a raw slot ({{{x}}}) accepts. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** Mark trusted markup (never manuscript text that was not escaped). */
export const html = (markup: string): Html => new Html(markup);

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type TNode =
  | { t: 'text'; text: string }
  | { t: 'var'; key: string; raw: boolean }
  | { t: 'section'; key: string; inverted: boolean; children: TNode[] };

const TAG = /\{\{(\{)?\s*([#^/]?)\s*([\w.]+)\s*\}?\}\}/g;

/** Parse a template into a tree; unbalanced sections are a bug in the template. */
export function parseTemplate(tpl: string): TNode[] {
  const root: TNode[] = [];
  const stack: Array<{ key: string; children: TNode[] }> = [{ key: '', children: root }];
  let last = 0;
  for (const m of tpl.matchAll(TAG)) {
    const top = stack[stack.length - 1]!;
    if (m.index! > last) top.children.push({ t: 'text', text: tpl.slice(last, m.index) });
    last = m.index! + m[0].length;
    const [, brace, sigil, key] = m as unknown as [string, string | undefined, string, string];
    if (sigil === '#' || sigil === '^') {
      const node: TNode = { t: 'section', key, inverted: sigil === '^', children: [] };
      top.children.push(node);
      stack.push({ key, children: node.children });
    } else if (sigil === '/') {
      if (stack.length < 2 || top.key !== key) throw new Error(`template: {{/${key}}} closes nothing open`);
      stack.pop();
    } else {
      top.children.push({ t: 'var', key, raw: !!brace });
    }
  }
  if (stack.length > 1) throw new Error(`template: {{#${stack[stack.length - 1]!.key}}} is never closed`);
  if (last < tpl.length) root.push({ t: 'text', text: tpl.slice(last) });
  return root;
}

function lookup(ctx: unknown, key: string): unknown {
  if (key === '.') return ctx;
  if (ctx && typeof ctx === 'object' && key in (ctx as Ctx)) return (ctx as Ctx)[key];
  return undefined;
}

function empty(v: unknown): boolean {
  return v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0);
}

function text(v: unknown, raw: boolean, key: string): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Html) return v.markup;
  if (raw && typeof v === 'string') throw new Error(`template: {{{${key}}}} was given a plain string; wrap trusted markup with html()`);
  return escapeHtml(String(v));
}

function renderNodes(nodes: TNode[], scopes: unknown[]): string {
  const find = (key: string) => {
    for (const c of scopes) {
      const v = lookup(c, key);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.text;
    else if (n.t === 'var') out += text(find(n.key), n.raw, n.key);
    else {
      const v = find(n.key);
      if (n.inverted) {
        if (empty(v)) out += renderNodes(n.children, scopes);
      } else if (!empty(v)) {
        if (Array.isArray(v)) {
          v.forEach((item, i) => {
            const scope = item && typeof item === 'object' && !(item instanceof Html) ? { ...item, index: i + 1 } : item;
            out += renderNodes(n.children, [scope, ...scopes]);
          });
        } else out += renderNodes(n.children, scopes);
      }
    }
  }
  return out;
}

const parsed = new Map<string, TNode[]>();

/** Fill a template (parsed once and cached) from `ctx`. */
export function renderTemplate(tpl: string, ctx: unknown): string {
  let tree = parsed.get(tpl);
  if (!tree) parsed.set(tpl, (tree = parseTemplate(tpl)));
  return renderNodes(tree, [ctx]);
}
