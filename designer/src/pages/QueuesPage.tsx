// Work queues: counts per status, and the items of one queue by status.
import { useState } from 'react';
import { api } from '../api';
import { Failure, Status, useLoad } from './common';

export function QueuesPage() {
  const queues = useLoad(() => api.queues(), []);
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const items = useLoad(() => (open ? api.queueItems(open, status) : Promise.resolve([])), [open, status]);
  const statuses = [...new Set((queues.data ?? []).flatMap(q => Object.keys(q.counts ?? {})))];
  return (
    <div className="page">
      <div className="page-head"><h2>Queues</h2><button type="button" onClick={queues.reload}>Refresh</button></div>
      {queues.error && <Failure what="The queues cannot be listed" error={queues.error} />}
      <table className="grid">
        <thead><tr><th>Queue</th><th>Bot</th>{statuses.map(s => <th key={s}>{s}</th>)}</tr></thead>
        <tbody>
          {(queues.data ?? []).map(q => (
            <tr key={q.name} className={open === q.name ? 'on' : ''}>
              <td><button type="button" className="link" onClick={() => setOpen(q.name)}>{q.name}</button></td>
              <td>{q.bot ?? ''}</td>
              {statuses.map(s => <td key={s}>{q.counts?.[s] ?? 0}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {queues.data?.length === 0 && <p className="muted">No queues yet.</p>}
      {open && (
        <section>
          <h3>{open} <select aria-label="Item status" value={status} onChange={e => setStatus(e.target.value)}>
            <option value="">any status</option>{statuses.map(s => <option key={s}>{s}</option>)}
          </select></h3>
          {items.error && <Failure what={`The items of ${open}`} error={items.error} />}
          <table className="grid">
            <thead><tr><th>Item</th><th>Status</th><th>Details</th></tr></thead>
            <tbody>
              {(items.data ?? []).map(i => {
                const { id, status: s, ...rest } = i;
                return <tr key={id}><td>{id}</td><td><Status status={s} /></td><td><code className="small">{JSON.stringify(rest)}</code></td></tr>;
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
