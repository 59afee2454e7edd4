/**
 * Reading what the AST panel's query box holds: a pattern string, or a rule written in YAML (as ast-grep's
 * rule files) or JSON, with a syntax error's line and column when it does not parse. A YAML rule file's
 * `language` is reported so the panel can follow it. Parsing only; the worker does every match.
 */
export type QueryMode = 'pattern' | 'rule';

export type ParsedQuery =
  | { ok: true; query: string | Record<string, unknown>; language?: string }
  | { ok: false; message: string; line?: number; column?: number };

/** Only the keys ast-grep's matcher takes; a rule file's id, message, severity, ... are left out. */
const CONFIG_KEYS = ['rule', 'constraints', 'utils', 'transform'];

export async function parseQuery(mode: QueryMode, text: string): Promise<ParsedQuery> {
  if (mode === 'pattern') {
    return text.trim() === '' ? { ok: false, message: 'Write a pattern, e.g. console.log($$$ARGS).' } : { ok: true, query: text };
  }
  if (text.trim() === '') return { ok: false, message: 'Write a rule, e.g. "kind: call_expression" or {"pattern": "f($A)"}.' };
  // JSON is YAML 1.2 (flow style), so one parser reads both and places errors in either.
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text);
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    // The first line of yaml's message, without its own " at line L, column C:" (the panel shows the place).
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, message, ...(pos ? { line: pos.line, column: pos.col } : {}) };
  }
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'A rule must be a mapping, e.g. "pattern: f($A)" or "rule: {kind: call_expression}".' };
  }
  const o = value as Record<string, unknown>;
  const language = typeof o.language === 'string' ? o.language : undefined;
  let query: Record<string, unknown> = o;
  if ('rule' in o) query = Object.fromEntries(Object.entries(o).filter(([k]) => CONFIG_KEYS.includes(k)));
  else if (language !== undefined) query = Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'language'));
  return language !== undefined ? { ok: true, query, language } : { ok: true, query };
}
