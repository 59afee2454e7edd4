/** How the dataset view writes rewards: rounded to 4 significant decimals for reading, full value on hover. */
export function roundReward(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  const r = Number(x.toFixed(4));
  return r === x ? String(x) : `${r.toFixed(4).replace(/0+$/, '')}…`.replace(/\.…$/, '…');
}
