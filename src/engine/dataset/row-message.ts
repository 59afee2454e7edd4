/**
 * The message a dataset keeps for a failed row: short, whatever the grader raised. A dataset of 100,000 rows
 * whose graders each raise a 1 MB exception must not keep 100 GB of messages (issue 12); opening the row runs
 * it again in the editors, which shows the whole text (capped in the view, with the rest on request).
 */

/** Characters of a row's message a dataset keeps. */
export const ROW_MESSAGE_LIMIT = 300;

export function rowMessage(text: string, limit = ROW_MESSAGE_LIMIT): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
  return `${text.slice(0, end)}… [${(text.length - end).toLocaleString('en-US')} more characters: open the row to see all]`;
}
