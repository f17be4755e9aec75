// A line diff of two bot.json documents (pretty-printed), for comparing versions.

export interface DiffLine { kind: 'same' | 'added' | 'removed'; text: string }

/** The lines of `before` and `after` with what was removed and added (longest common subsequence). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n'), b = after.split('\n');
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push({ kind: 'same', text: a[i] }); i++; j++; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: a[i++] });
    else out.push({ kind: 'added', text: b[j++] });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++] });
  while (j < m) out.push({ kind: 'added', text: b[j++] });
  return out;
}

/** Only the changes with `context` unchanged lines around each; a gap is a line '…'. */
export function changesOnly(lines: DiffLine[], context = 2): DiffLine[] {
  const keep = lines.map(() => false);
  lines.forEach((l, i) => { if (l.kind !== 'same') for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true; });
  const out: DiffLine[] = [];
  lines.forEach((l, i) => {
    if (keep[i]) out.push(l);
    else if (i > 0 && keep[i - 1]) out.push({ kind: 'same', text: '…' });
  });
  return out;
}
