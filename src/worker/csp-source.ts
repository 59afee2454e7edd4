/**
 * The Content-Security-Policy source expression for the Python package index the user chose: its origin and
 * path, so the sandbox may fetch only under that folder. CSP matches a source ending in `/` as a path prefix;
 * characters CSP gives a meaning to (`;`, `,`, spaces, quotes) are refused rather than escaped.
 */
export function packageIndexSource(baseUrl: string): string[] {
  if (!/^https?:\/\/[^\s'";,]+$/.test(baseUrl)) return [];
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    return [];
  }
  if (u.username || u.password) return [];
  const dir = u.pathname.endsWith('/') ? u.pathname : u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
  return [`${u.origin}${dir}`];
}
