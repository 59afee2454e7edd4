/**
 * Which metavariable names a query can bind, so that a match can report every binding as plain data
 * (@ast-grep/wasm only answers `getMatch(name)` for names you ask about). Text scanning, no parsing: a name
 * listed here that a pattern does not really bind just comes back unbound.
 */
import type { AstQuery } from './types.ts';

export interface MetaVariableNames {
  /** `$NAME` and `$$NAME`. */
  single: string[];
  /** `$$$NAME`. */
  multi: string[];
  /** Keys of the config's `transform`. */
  transformed: string[];
}

// A metavariable is a whole token: `$`, `$$` or `$$$`, then [A-Z_][A-Z0-9_]* (core/src/meta_var.rs). Names that
// start with `_` never capture. The look-arounds keep `a$A` and `$Abc` (ordinary identifiers) out.
const META = /(?<![A-Za-z0-9_$])(\${1,3})([A-Z_][A-Z0-9_]*)(?![A-Za-z0-9_])/g;

export function metaVariableNames(query: AstQuery): MetaVariableNames {
  const single = new Set<string>();
  const multi = new Set<string>();
  const scan = (pattern: string): void => {
    for (const m of pattern.matchAll(META)) {
      const [, dollars = '', name = ''] = m;
      if (name.startsWith('_')) continue;
      (dollars.length === 3 ? multi : single).add(name);
    }
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'pattern' && typeof child === 'string') scan(child);
      else if (key === 'pattern' && isObject(child) && typeof child.context === 'string') scan(child.context);
      else walk(child);
    }
  };
  if (typeof query === 'string') scan(query);
  else walk(query);
  const transformed = typeof query !== 'string' && isObject(query.transform) ? Object.keys(query.transform) : [];
  return { single: [...single], multi: [...multi], transformed };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
