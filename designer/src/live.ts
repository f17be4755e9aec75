// A run followed live over server-sent events (GET /api/runs/{id}/events): no polling in the browser.
import { useEffect, useState } from 'react';
import { api, type JournalEntry, type Run } from './api';

export const finalStatuses = ['succeeded', 'failed', 'cancelled'];

export interface LiveRun { run: Run | null; entries: JournalEntry[]; connection: 'open' | 'closed' | 'error' }

export function useRunEvents(runId: string | null): LiveRun {
  const [state, setState] = useState<LiveRun>({ run: null, entries: [], connection: 'closed' });
  useEffect(() => {
    if (!runId) return;
    setState({ run: null, entries: [], connection: 'open' });
    const bySequence = new Map<number, JournalEntry>();
    const source = api.runEvents(runId);
    source.addEventListener('entry', e => {
      const entry = JSON.parse((e as MessageEvent).data) as JournalEntry;
      bySequence.set(entry.sequence, entry);
      const entries = [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
      setState(s => ({ ...s, entries }));
    });
    source.addEventListener('run', e => {
      const run = JSON.parse((e as MessageEvent).data) as Run;
      const done = finalStatuses.includes(run.status);
      if (done) source.close();
      setState(s => ({ ...s, run, connection: done ? 'closed' : s.connection }));
    });
    source.onerror = () => {
      // The browser reconnects by itself while the run goes on; a closed stream after the end is normal.
      if (source.readyState === EventSource.CLOSED) setState(s => ({ ...s, connection: 'error' }));
    };
    return () => source.close();
  }, [runId]);
  return state;
}

export type ActivityLiveStatus = 'running' | 'ok' | 'failed' | 'cancelled';
export interface ActivityLive { status: ActivityLiveStatus; count: number; entries: JournalEntry[] }

/** Per activity id: the status of its latest execution and how many times it ran (loops). */
export function activityStates(entries: JournalEntry[]): Map<string, ActivityLive> {
  const states = new Map<string, ActivityLive>();
  for (const entry of entries) {
    const state = states.get(entry.activityId) ?? { status: 'running' as ActivityLiveStatus, count: 0, entries: [] };
    state.entries.push(entry);
    state.count = state.entries.length;
    state.status = entry.status === 'Running' ? 'running' : entry.status === 'Completed' ? 'ok' : entry.status === 'Faulted' ? 'failed' : 'cancelled';
    states.set(entry.activityId, state);
  }
  return states;
}
