/**
 * Reads `public/_headers` (Netlify / Cloudflare Pages format), the one source of the app's HTTP headers, so
 * that `vite preview` and `vite dev` serve what the static hosts serve. Only the rules this project uses:
 * path patterns `/*` (everything) and exact paths, each followed by indented `Name: value` lines.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules[rules.length - 1];
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!rule || !m) throw new Error(`_headers: cannot read the line "${line}"`);
    rule.headers[m[1]!] = m[2]!;
  }
  return rules;
}

/** The headers for a request path (rules apply in file order; a later one overrides a header). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const hit = r.pattern.endsWith('*') ? path.startsWith(r.pattern.slice(0, -1)) : path === r.pattern;
    if (hit) Object.assign(out, r.headers);
  }
  return out;
}

export function staticHostHeaders(file = 'public/_headers'): Plugin {
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));
  const use = (req: { url?: string }, res: { setHeader(n: string, v: string): void }, next: () => void) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    for (const [name, value] of Object.entries(headersFor(rules, path))) res.setHeader(name, value);
    next();
  };
  return {
    name: 'grader-playground:static-host-headers',
    configureServer: (server) => void server.middlewares.use(use),
    configurePreviewServer: (server) => void server.middlewares.use(use),
  };
}
