// Runs: filter by bot, status and date; newest first.
import { api } from '../api';
import { Link, navigate, useLocation } from '../router';
import { Failure, Status, duration, useLoad, when } from './common';

const statuses = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];

export function RunsPage() {
  const { query } = useLocation();
  const filter = { bot: query.get('bot') ?? '', status: query.get('status') ?? '', from: query.get('from') ?? '', to: query.get('to') ?? '' };
  const bots = useLoad(() => api.bots(), []);
  const runs = useLoad(() => api.runs({
    bot: filter.bot || undefined, status: filter.status || undefined, limit: '200',
    from: filter.from ? new Date(filter.from).toISOString() : undefined,
    to: filter.to ? new Date(`${filter.to}T23:59:59`).toISOString() : undefined,
  }), [filter.bot, filter.status, filter.from, filter.to]);
  const set = (key: string, value: string) => {
    const q = new URLSearchParams(query);
    if (value) q.set(key, value); else q.delete(key);
    navigate(`/runs${q.toString() ? `?${q}` : ''}`);
  };
  return (
    <div className="page">
      <div className="page-head">
        <h2>Runs</h2>
        <select aria-label="Bot" value={filter.bot} onChange={e => set('bot', e.target.value)}>
          <option value="">all bots</option>
          {(bots.data ?? []).map(b => <option key={b.name}>{b.name}</option>)}
        </select>
        <select aria-label="Status" value={filter.status} onChange={e => set('status', e.target.value)}>
          <option value="">any status</option>
          {statuses.map(s => <option key={s}>{s}</option>)}
        </select>
        <label>from <input type="date" aria-label="From" value={filter.from} onChange={e => set('from', e.target.value)} /></label>
        <label>to <input type="date" aria-label="To" value={filter.to} onChange={e => set('to', e.target.value)} /></label>
        <button type="button" onClick={runs.reload}>Refresh</button>
      </div>
      {runs.error && <Failure what="The runs cannot be listed" error={runs.error} />}
      <table className="grid">
        <thead><tr><th>Run</th><th>Bot</th><th>Status</th><th>Trigger</th><th>Created</th><th>Duration</th><th>Error</th></tr></thead>
        <tbody>
          {(runs.data ?? []).map(r => (
            <tr key={r.id} data-run={r.id}>
              <td><Link to={`/runs/${r.id}`}>{r.id.slice(0, 8)}</Link></td>
              <td>{r.bot} <span className="muted">v{r.version}</span></td>
              <td><Status status={r.status} /></td>
              <td className="muted">{r.trigger}</td>
              <td>{when(r.createdAt)}</td>
              <td>{duration(r.startedAt, r.endedAt)}</td>
              <td className="small">{r.error?.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.data?.length === 0 && <p className="muted">No runs match.</p>}
    </div>
  );
}
