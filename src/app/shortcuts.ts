/**
 * Every keyboard shortcut of the app, in one table: the help dialog lists it, and a unit test checks that each
 * key the app's handlers compare against appears here. `mod` is Ctrl, or ⌘ on Apple systems.
 */
export interface Shortcut {
  keys: string;
  what: string;
  /** Where it works. */
  where: 'anywhere' | 'editor' | 'dataset' | 'panes' | 'dialogs';
}

export function shortcuts(mod: string): Shortcut[] {
  return [
    { keys: `${mod}+Enter`, what: 'Run again with the full time limit (scores also update live as you type)', where: 'anywhere' },
    { keys: `${mod}+S`, what: 'Share: copy a link to this workspace', where: 'anywhere' },
    { keys: `${mod}+Shift+E`, what: 'Show or hide the explanation', where: 'anywhere' },
    { keys: 'Alt+PageDown', what: 'Next sample (gallery example or dataset row)', where: 'anywhere' },
    { keys: 'Alt+PageUp', what: 'Previous sample', where: 'anywhere' },
    { keys: '?', what: 'This help (when not typing)', where: 'anywhere' },
    { keys: 'Shift+Alt+F', what: 'Format the document (also the Format button on each JSON editor)', where: 'editor' },
    { keys: `${mod}+Space`, what: 'Suggest fields and values', where: 'editor' },
    { keys: `${mod}+F`, what: 'Find in the editor', where: 'editor' },
    { keys: `${mod}+/`, what: 'Comment or uncomment the line (Python source)', where: 'editor' },
    { keys: 'F8', what: 'Go to the next problem in the editor', where: 'editor' },
    { keys: 'Enter', what: 'Open the focused result row in the editors', where: 'dataset' },
    { keys: 'Arrow keys (Shift: bigger steps)', what: 'Resize panes, on a focused pane border', where: 'panes' },
    { keys: 'Escape', what: 'Close a dialog or the tour', where: 'dialogs' },
  ];
}

export const SHORTCUT_PLACES: Record<Shortcut['where'], string> = {
  anywhere: 'Anywhere',
  editor: 'In an editor',
  dataset: 'In the dataset table',
  panes: 'Layout',
  dialogs: 'Dialogs',
};

export const modKey = (): string => (typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl');
