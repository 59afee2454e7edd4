/**
 * A title that follows the grader until the user names the workspace: when the grader's name or type changes
 * (a pasted python grader, an import), an automatic title becomes "<name> (<type>)". It reads the run result's
 * metadata, so the main thread never parses the grader. A typed title (Workspace.titleAuto = false) stays.
 */
import { untrack } from 'svelte';
import type { RunState } from './runner.svelte.ts';
import type { Workspace } from './workspace.svelte.ts';
import { titleFor } from './title-for.ts';

/** Call during component set-up: the effect follows the grader of the open workspace. */
export function followTitle(workspace: Workspace, run: RunState) {
  let seenFor: string | null = null;
  let seenKey: string | null = null;
  $effect(() => {
    const id = workspace.id;
    const result = run.outdated ? null : run.result;
    if (!result || !result.metadata.type) return;
    const key = `${result.metadata.type}\u0000${result.metadata.name}`;
    untrack(() => {
      // The first result after opening a workspace is what its title was made for.
      if (seenFor !== id) {
        seenFor = id;
        seenKey = key;
        return;
      }
      if (key === seenKey) return;
      seenKey = key;
      if (workspace.titleAuto) workspace.title = titleFor(result.metadata.name, result.metadata.type);
    });
  });
}
