import { describe, expect, it } from 'vitest';
import { changesOnly, diffLines } from './diff';

describe('version diff', () => {
  it('lists removed and added lines between the common ones', () => {
    const before = JSON.stringify({ name: 'hello', inputs: [{ name: 'who' }], root: { id: 'flow' } }, null, 1);
    const after = JSON.stringify({ name: 'hello', inputs: [{ name: 'whom' }], root: { id: 'flow' } }, null, 1);
    const diff = diffLines(before, after);
    expect(diff.filter(l => l.kind === 'removed').map(l => l.text.trim())).toEqual(['"name": "who"']);
    expect(diff.filter(l => l.kind === 'added').map(l => l.text.trim())).toEqual(['"name": "whom"']);
    expect(diff.filter(l => l.kind !== 'added').map(l => l.text).join('\n')).toBe(before);
  });

  it('keeps a little context around the changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const shown = changesOnly(diffLines(before, after), 1);
    expect(shown.map(l => l.text)).toEqual(['line 9', 'line 10', 'line ten', 'line 11', '…']);
  });
});
