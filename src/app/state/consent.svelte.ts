/**
 * Consent for model calls: a workspace that came from elsewhere (a link, a file, #url=) makes no call to the
 * user's model endpoint until the user allows it for that workspace (ConsentBar.svelte). The choice lasts for
 * the browser session. The plain logic is in consent.ts.
 */
import type { StoredWorkspace } from '../../share/store.ts';
import { allows, readAllowed, writeAllowed } from './consent.ts';

export class ModelConsent {
  private allowed = $state<string[]>([]);

  constructor(private readonly storage: Storage | undefined = globalThis.sessionStorage) {
    this.allowed = readAllowed(storage);
  }

  /** Whether model calls are allowed for this workspace (always for the user's own). */
  allows(ws: { id: string; origin: StoredWorkspace['origin'] }): boolean {
    return allows(this.allowed, ws);
  }

  allow(id: string) {
    if (this.allowed.includes(id)) return;
    this.allowed = [...this.allowed, id];
    writeAllowed(this.storage, this.allowed);
  }
}
