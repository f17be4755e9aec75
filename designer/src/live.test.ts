import { describe, expect, it } from 'vitest';
import type { JournalEntry } from './api';
import { activityStates } from './live';

const entry = (sequence: number, activityId: string, status: string): JournalEntry => ({
  sequence, parent: null, activityId, activityType: 'Log', path: activityId, iteration: null, status, outcome: null,
  startedAt: '2026-01-01T00:00:00Z', endedAt: null, durationMs: null, inputs: null, outputs: null, error: null,
});

describe('live view', () => {
  it('marks each activity by its latest execution and counts loops', () => {
    const states = activityStates([entry(1, 'say', 'Completed'), entry(2, 'check', 'Completed'), entry(3, 'say', 'Running'), entry(4, 'fail', 'Faulted')]);
    expect(states.get('say')).toMatchObject({ status: 'running', count: 2 });
    expect(states.get('check')).toMatchObject({ status: 'ok', count: 1 });
    expect(states.get('fail')?.status).toBe('failed');
  });
});
