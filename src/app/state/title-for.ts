/** The automatic title of a workspace, from its grader's name and type (as a run result's metadata gives them). */
export function titleFor(name: string, type: string): string {
  const n = name.trim();
  if (!type) return n || 'Untitled grader';
  return n ? `${n} (${type})` : `${type.replace(/_/g, ' ')} grader`;
}
