/** One shared, lazy Monaco load: requested after first paint so the page is interactive before 4 MB of editor. */
type MonacoModule = typeof import('./monaco.ts');
let pending: Promise<MonacoModule> | null = null;

export function loadMonaco(): Promise<MonacoModule> {
  pending ??= import('./monaco.ts');
  return pending;
}
