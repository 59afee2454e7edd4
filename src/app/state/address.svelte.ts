/**
 * The address bar always names what the editors hold: the share link just opened or shared (until the next
 * edit), else the local workspace as `#w=<id>`. So reload, back/forward and a restored tab show the latest edit.
 * Opening a link that was opened (or shared) before opens that workspace again instead of a duplicate; when it
 * was edited since, the user may take a fresh copy. Also saves unsaved edits when the page goes away.
 * Must not: decode links itself (share/codec.ts does) or decide how saving works (the manager does).
 */
import { untrack } from 'svelte';
import { rememberLinkEngine } from './link-engine.svelte.ts';
import { decodeShare, loadWorkspaceFromUrl, parseUrlFragment } from '../../share/codec.ts';
import type { OpenedWorkspace } from '../../share/doc.ts';
import { linkFingerprint, type StoredWorkspace } from '../../share/store.ts';
import { sameAsLink, workspaceHash, workspaceIdFromHash } from './address-hash.ts';
import type { WorkspaceManager } from './workspaces.svelte.ts';

export class AddressBar {
  /** A problem opening the address: shown, and nothing is loaded over the user's work. */
  linkError = $state<string | null>(null);
  /** The workspace was opened from a link in this visit (for the sandbox banner). */
  fromLink = $state(false);
  /** A link opened again whose copy was edited since: the user's copy is open; a fresh copy is offered. */
  linkChoice = $state.raw<{ doc: OpenedWorkspace; origin: StoredWorkspace['origin']; link: string } | null>(null);
  private started = $state(false);
  private lastId: string | null = null;
  private lastSig = '';
  /** The next workspace switch came from the address (a link): leave the address as it is. */
  private keepAddress = false;

  constructor(private readonly manager: WorkspaceManager) {}

  /** Effects and listeners; call once from the component that owns the page. Returns the cleanup. */
  connect(): () => void {
    $effect(() => {
      if (!this.started) return;
      const ws = this.manager.workspace;
      const id = ws.id;
      const sig = ws.signature();
      untrack(() => this.follow(id, sig));
    });
    const onNavigate = () => void this.navigate();
    const onHide = () => this.manager.leave();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') this.manager.flush();
    };
    window.addEventListener('hashchange', onNavigate);
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('hashchange', onNavigate);
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  /** First load: the workspace the address names, or the last one; then a link in the address, if any. */
  async start() {
    const id = workspaceIdFromHash(location.hash);
    await this.manager.init(id);
    if (id && this.manager.workspace.id !== id) {
      this.linkError =
        'The address names a workspace that is not saved in this browser (workspaces stay in the browser that made them; Share makes a link that works anywhere). Your last workspace is open instead.';
    }
    await this.openLink();
    this.started = true;
  }

  private follow(id: string, sig: string) {
    if (id !== this.lastId) {
      const first = this.lastId === null;
      this.lastId = id;
      this.lastSig = sig;
      if (this.keepAddress) {
        this.keepAddress = false;
        return;
      }
      if (workspaceIdFromHash(location.hash) !== id) this.write(first || !workspaceIdFromHash(location.hash) ? 'replace' : 'push', id);
      return;
    }
    if (sig === this.lastSig) return;
    this.lastSig = sig;
    // An edit: the address now names the workspace (a link in it would show the version before the edit).
    if (workspaceIdFromHash(location.hash) !== id) this.write('replace', id);
  }

  /** While the course view owns the address (`#learn/course/…`), workspace changes do not rewrite it. */
  private held = false;

  /**
   * Hold the address for another view, or give it back: it then names the open workspace again, unless the user
   * went (back, forward, typed) to an address of ours while it was held, which is then opened.
   */
  hold(on: boolean) {
    if (this.held === on) return;
    this.held = on;
    if (on) return;
    if (parseUrlFragment(location.hash).kind !== 'none' || workspaceIdFromHash(location.hash)) void this.navigate();
    else if (this.lastId !== null) this.write('replace', this.lastId);
  }

  private write(how: 'push' | 'replace', id: string) {
    if (this.held) return;
    const url = location.href.split('#')[0] + workspaceHash(id);
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(history.state, '', url);
  }

  /** Back, forward, or an address typed or pasted: open what it names. */
  private async navigate() {
    if (this.held) return;
    const id = workspaceIdFromHash(location.hash);
    if (id) {
      if (id === this.manager.workspace.id) return;
      await this.manager.open(id);
      if (this.manager.workspace.id !== id) this.write('replace', this.manager.workspace.id);
      return;
    }
    await this.openLink();
  }

  /** Open the link in the address (#v1.… or #url=…), reusing the workspace it was opened as before. */
  private async openLink() {
    const f = parseUrlFragment(location.hash);
    if (f.kind === 'none') return;
    const key = f.kind === 'share' ? f.fragment : f.kind === 'url' ? `url=${f.url}` : '';
    const r = f.kind === 'share' ? await decodeShare(f.fragment) : f.kind === 'url' ? await loadWorkspaceFromUrl(f.url) : null;
    if (r === null || !r.ok) {
      const message = r === null ? (f as { message: string }).message : r.error.message;
      this.linkError = `This link could not be opened: ${message} Your current work is unchanged.`;
      return;
    }
    const origin: StoredWorkspace['origin'] = f.kind === 'url' ? 'url' : 'link';
    const link = await linkFingerprint(key);
    const existing = await this.manager.findByLink(link);
    this.linkChoice = null;
    this.fromLink = true;
    if (existing) {
      if (existing.id !== this.manager.workspace.id) {
        this.keepAddress = true;
        await this.manager.open(existing.id);
      }
      if (!sameAsLink(existing, r.doc)) this.linkChoice = { doc: r.doc, origin, link };
      else rememberLinkEngine(existing.id, r.doc.engine ?? null);
      return;
    }
    this.keepAddress = true;
    await this.manager.openShared(r.doc, origin, link);
    rememberLinkEngine(this.manager.workspace.id, r.doc.engine ?? null);
  }

  /** Open the link's version as a new workspace, next to the user's edited copy. */
  async freshCopy() {
    const c = this.linkChoice;
    if (!c) return;
    this.linkChoice = null;
    await this.manager.openShared(c.doc, c.origin, c.link);
    rememberLinkEngine(this.manager.workspace.id, c.doc.engine ?? null);
  }

  /** Share put `#<fragment>` in the address: remember it, so opening that link finds this workspace. */
  async shared(fragment: string) {
    this.lastSig = this.manager.workspace.signature();
    await this.manager.markShared(await linkFingerprint(fragment));
  }
}
