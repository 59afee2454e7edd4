/**
 * The course's addresses: `#learn/course` (the first unfinished step) and `#learn/course/<chapter>/<step>`, and
 * the embed's `embed.html?course=<chapter>/<step>`. Pure: reads the strings it is given, never `location`.
 */
const ROUTE = /^#learn\/course(?:\/([a-z0-9-]+\/[a-z0-9-]+))?\/?$/;

/** null: not a course address; '': the course without a step; else the step's path. */
export function coursePathFromHash(hash: string): string | null {
  const m = ROUTE.exec(hash);
  if (!m) return null;
  return m[1] ?? '';
}

export function courseHash(path: string): string {
  return path ? `#learn/course/${path}` : '#learn/course';
}

/** The embed page's address for a step, next to the app's page. */
export function courseEmbedUrl(appUrl: string, path: string): string {
  return new URL(`embed.html?course=${encodeURIComponent(path).replace(/%2F/g, '/')}`, appUrl.split('#')[0]).href;
}
