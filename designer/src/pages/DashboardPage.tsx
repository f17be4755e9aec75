// Dashboard: runs per day by status, success rate and duration per bot, queue depth, SLA breaches.
import { useState } from 'react';
import { api, type RunStats } from '../api';
import { Failure, ms, useLoad } from './common';

const order = ['succeeded', 'failed', 'cancelled', 'running', 'waiting', 'queued'];

export function DashboardPage() {
  const [days, setDays] = useState(14);
  const stats = useLoad(() => api.runStats(days), [days]);
  const queues = useLoad(() => api.queues(), []);
  return (
    <div className="page dashboard">
      <div className="page-head">
        <h2>Dashboard</h2>
        <select aria-label="Days" value={days} onChange={e => setDays(Number(e.target.value))}>
          {[7, 14, 30, 90].map(d => <option key={d} value={d}>last {d} days</option>)}
        </select>
      </div>
      {stats.error && <Failure what="The run statistics cannot be read" error={stats.error} />}
      {stats.data && <>
        <section className="card"><h3>Runs per day ({stats.data.runs}{stats.data.truncated ? ', the newest only' : ''})</h3><RunsChart stats={stats.data} /></section>
        <section className="card"><h3>Per bot</h3><BotsChart stats={stats.data} /></section>
      </>}
      <section className="card">
        <h3>Queue depth</h3>
        {queues.error && <Failure what="The queues cannot be read" error={queues.error} />}
        {(queues.data ?? []).map(q => {
          const toDo = (q.counts?.new ?? 0) + (q.counts?.pending ?? 0) + (q.counts?.queued ?? 0);
          const forPeople = q.counts?.waiting ?? 0;
          return <div key={q.name} className="bar-row"><span>{q.name}</span><span className="bar"><span style={{ width: `${Math.min(100, toDo)}%` }} /></span>
            <span>{toDo} to do{forPeople > 0 ? `, ${forPeople} waiting for a person` : ''}</span></div>;
        })}
        {queues.data?.length === 0 && <p className="muted">No queues.</p>}
      </section>
    </div>
  );
}

function RunsChart({ stats }: { stats: RunStats }) {
  const max = Math.max(1, ...stats.perDay.map(d => Object.values(d.statuses).reduce((a, b) => a + b, 0)));
  const w = 36, h = 160;
  return (
    <svg className="chart" viewBox={`0 0 ${stats.perDay.length * w + 40} ${h + 40}`} role="img" aria-label="Runs per day by status">
      {stats.perDay.map((d, i) => {
        let y = h;
        return (
          <g key={d.date} transform={`translate(${30 + i * w},10)`}>
            {order.filter(s => d.statuses[s]).map(s => {
              const bh = (d.statuses[s] / max) * h;
              y -= bh;
              return <rect key={s} className={`fill-${s}`} x={4} y={y} width={w - 8} height={bh}><title>{`${d.date}: ${d.statuses[s]} ${s}`}</title></rect>;
            })}
            <text x={w / 2} y={h + 14} textAnchor="middle" className="axis">{d.date.slice(5)}</text>
          </g>
        );
      })}
      <text x={0} y={16} className="axis">{max}</text>
    </svg>
  );
}

function BotsChart({ stats }: { stats: RunStats }) {
  const slowest = Math.max(1, ...stats.perBot.map(b => b.averageDurationMs ?? 0));
  return (
    <table className="grid">
      <thead><tr><th>Bot</th><th>Runs</th><th>Success rate</th><th>Average duration</th><th>p95</th><th>SLA breaches</th></tr></thead>
      <tbody>
        {stats.perBot.map(b => (
          <tr key={b.bot}>
            <td>{b.bot}</td>
            <td>{b.runs} <span className="muted">({b.succeeded} ok, {b.failed} failed)</span></td>
            <td><span className="bar"><span className="fill-succeeded" style={{ width: `${(b.successRate ?? 0) * 100}%` }} /></span> {b.successRate == null ? '' : `${Math.round(b.successRate * 100)}%`}</td>
            <td><span className="bar"><span style={{ width: `${((b.averageDurationMs ?? 0) / slowest) * 100}%` }} /></span> {ms(b.averageDurationMs)}</td>
            <td>{ms(b.p95DurationMs)}</td>
            <td>{b.slaSeconds == null ? <span className="muted">no SLA</span> : <span className={b.slaBreaches ? 'problem-text' : ''}>{b.slaBreaches} (over {b.slaSeconds} s)</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
