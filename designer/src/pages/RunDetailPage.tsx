// One run: status, inputs and outputs, the error with its screenshot, a timeline of the journal, logs, artifacts,
// cancel. While the run goes on, it follows the run's events (SSE).
import { useEffect, useState } from 'react';
import { api, errorText, type Artifact, type JournalEntry } from '../api';
import { EntryDetails } from '../editor/RunPanel';
import { finalStatuses, useRunEvents } from '../live';
import { Link } from '../router';
import { Failure, Status, duration, ms, useLoad, when } from './common';

export function RunDetailPage({ id }: { id: string }) {
  const first = useLoad(() => api.run(id), [id]);
  const live = useRunEvents(first.data && !finalStatuses.includes(first.data.status) ? id : null);
  const run = live.run ?? first.data;
  const ended = run ? finalStatuses.includes(run.status) : false;
  const journal = useLoad(() => (ended ? api.journal(id) : Promise.resolve(null)), [id, ended]);
  const logs = useLoad(() => api.logs(id), [id, ended]);
  const artifacts = useLoad(() => api.artifacts(id), [id, ended]);
  const [picked, setPicked] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => setPicked(null), [id]);

  if (first.error) return <div className="page"><Failure what={`Run ${id}`} error={first.error} /></div>;
  if (!run) return <div className="page muted">Loading run…</div>;
  const entries: JournalEntry[] = journal.data ?? live.entries;
  const list: Artifact[] = artifacts.data ?? [];
  const errorShots = (run.error?.artifacts ?? []).map(name => list.find(a => a.name === name || name.endsWith(a.name) || a.name.endsWith(name.split('/').pop() ?? name))).filter((a): a is Artifact => !!a);
  const start = entries.length ? new Date(entries[0].startedAt).getTime() : 0;
  const end = entries.reduce((m, e) => Math.max(m, new Date(e.endedAt ?? Date.now()).getTime()), start + 1);
  const depth = new Map<number, number>();
  for (const e of entries) depth.set(e.sequence, e.parent != null ? (depth.get(e.parent) ?? 0) + 1 : 0);
  const pickedEntry = entries.find(e => e.sequence === picked);

  const cancel = async () => {
    try { await api.cancel(id); first.reload(); } catch (e) { setActionError(errorText(e)); }
  };
  return (
    <div className="page run-detail">
      <div className="page-head">
        <h2>Run {id.slice(0, 8)}</h2>
        <Status status={run.status} />
        <span><Link to={`/bots/${encodeURIComponent(run.bot)}`}>{run.bot}</Link> v{run.version} · {run.trigger} · created {when(run.createdAt)}
          {run.startedAt && ` · took ${duration(run.startedAt, run.endedAt ?? new Date().toISOString())}`}{run.worker && ` · worker ${run.worker}`}</span>
        {!ended && <button type="button" onClick={cancel} disabled={run.cancelRequested}>{run.cancelRequested ? 'Cancelling…' : 'Cancel'}</button>}
      </div>
      {actionError && <div className="error-box">{actionError}</div>}
      {run.status === 'waiting' && <div className="message">The run waits for a decision: see the <Link to="/approvals">approvals</Link>.</div>}
      {run.error && (
        <div className="error-box run-error" data-testid="run-error">
          <b>{run.error.activityId ? `${run.error.activityId} (${run.error.activityType}) failed: ` : 'Failed: '}</b>{run.error.message}
          {run.error.cause && <div className="muted">{run.error.cause}</div>}
          {errorShots.map(a => <a key={a.id} href={a.download} target="_blank" rel="noreferrer"><img className="screenshot" src={a.download} alt={`screenshot ${a.name}`} /></a>)}
        </div>
      )}
      <div className="columns">
        <section>
          <h3>Inputs</h3><pre>{JSON.stringify(run.inputs ?? {}, null, 1)}</pre>
          <h3>Outputs</h3><pre data-testid="run-outputs">{JSON.stringify(run.outputs ?? {}, null, 1)}</pre>
          <h3>Artifacts</h3>
          {artifacts.error && <Failure what="Artifacts" error={artifacts.error} />}
          <ul>{list.map(a => <li key={a.id}><a href={a.download} download={a.name}>{a.name}</a> <span className="muted">{a.size} bytes</span></li>)}</ul>
          {list.length === 0 && <p className="muted">None.</p>}
        </section>
        <section className="timeline-section">
          <h3>Timeline</h3>
          {journal.error && <Failure what="Journal" error={journal.error} />}
          <div className="timeline">
            {entries.map(e => {
              const s = new Date(e.startedAt).getTime(), f = new Date(e.endedAt ?? Date.now()).getTime();
              return (
                <button type="button" key={e.sequence} className={`timeline-row ${picked === e.sequence ? 'on' : ''}`} onClick={() => setPicked(e.sequence)}>
                  <span className="timeline-name" style={{ paddingLeft: `${(depth.get(e.sequence) ?? 0) * 12}px` }}>{e.activityId}{e.iteration != null ? ` [${e.iteration}]` : ''}</span>
                  <span className="timeline-track"><span className={`timeline-bar status-${e.status.toLowerCase()}`}
                    style={{ left: `${((s - start) / (end - start)) * 100}%`, width: `${Math.max(0.5, ((f - s) / (end - start)) * 100)}%` }} /></span>
                  <span className="timeline-ms">{ms(e.durationMs)}</span>
                </button>
              );
            })}
          </div>
          {pickedEntry && <EntryDetails entry={pickedEntry} artifacts={list} />}
        </section>
      </div>
      <h3>Logs</h3>
      {logs.error && <Failure what="Logs" error={logs.error} />}
      <div className="logs">
        {(logs.data ?? []).map(l => (
          <div key={l.sequence} className={`log log-${l.level.toLowerCase()}`}>
            <span className="muted">{new Date(l.timestamp).toLocaleTimeString()}</span> <b>{l.level}</b> {l.activityId && <span className="muted">{l.activityId}:</span>} {l.message}
            {l.exception && <pre>{l.exception}</pre>}
          </div>
        ))}
      </div>
    </div>
  );
}
