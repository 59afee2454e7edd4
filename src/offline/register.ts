/**
 * Registers the service worker (src/offline/sw.ts) in a production build, once the page has loaded, so its
 * precache download never competes with the first paint and the first grade. Never in dev (the files change
 * under it), never in the sandbox frame (it does not run this code and could not: its origin is opaque).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((e: unknown) => {
      console.warn('offline support is off: the service worker did not register', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
