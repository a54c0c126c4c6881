// A very small mustache: {{x}} escaped, {{{x}}} raw, {{#x}}…{{/x}} for lists and
// conditions ({{.}} is the current string), {{^x}}…{{/x}} when x is empty.
// Escaping is the default so that manuscript text can never become markup.

export type Ctx = { [k: string]: unknown };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function lookup(ctx: unknown, key: string): unknown {
  if (key === '.') return ctx;
  if (ctx && typeof ctx === 'object' && key in (ctx as Ctx)) return (ctx as Ctx)[key];
  return undefined;
}

function empty(v: unknown): boolean {
  return v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0);
}

export function renderTemplate(tpl: string, ctx: unknown, parents: unknown[] = []): string {
  const find = (key: string) => {
    for (const c of [ctx, ...parents]) {
      const v = lookup(c, key);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const section = /\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g;
  let out = tpl.replace(section, (_, kind: string, key: string, inner: string) => {
    const v = find(key);
    if (kind === '^') return empty(v) ? renderTemplate(inner, ctx, parents) : '';
    if (empty(v)) return '';
    if (Array.isArray(v)) return v.map((item, i) => renderTemplate(inner, typeof item === 'object' ? { ...item, index: i + 1 } : item, [ctx, ...parents])).join('');
    return renderTemplate(inner, ctx, parents);
  });
  out = out.replace(/\{\{\{\s*([\w.]+)\s*\}\}\}/g, (_, key: string) => String(find(key) ?? ''));
  out = out.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => escapeHtml(String(find(key) ?? '')));
  return out;
}
