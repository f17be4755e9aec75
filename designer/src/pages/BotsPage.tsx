// Bots: search, last run status, triggers; create, duplicate, import and export bot.json.
import { useRef, useState } from 'react';
import { api, errorText, type Run } from '../api';
import { downloadBot } from '../files';
import { Link, navigate } from '../router';
import { Failure, Status, useLoad, when } from './common';

export function BotsPage() {
  const bots = useLoad(() => api.bots(), []);
  const runs = useLoad(() => api.runs({ limit: '500' }), []);
  const triggers = useLoad(() => api.triggers(), []);
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const lastRun = new Map<string, Run>();
  for (const run of runs.data ?? []) if (!lastRun.has(run.bot)) lastRun.set(run.bot, run);
  const triggersOf = (bot: string) => (triggers.data ?? []).filter(t => t.bot === bot)
    .map(t => `${String(t.type)}${t.cron ? ` ${String(t.cron)}` : ''}`).join(', ');

  const create = () => {
    const name = window.prompt('Name of the new bot (letters, digits, - and _):')?.trim();
    if (name) navigate(`/bots/${encodeURIComponent(name)}?new=1`);
  };
  const duplicate = async (name: string) => {
    const copyName = window.prompt(`Name of the copy of '${name}':`, `${name}-copy`)?.trim();
    if (!copyName) return;
    try {
      const source = await api.botVersion(name, 'latest');
      await api.saveBot({ ...source.definition, name: copyName });
      navigate(`/bots/${encodeURIComponent(copyName)}`);
    } catch (e) { setMessage({ text: errorText(e), error: true }); }
  };
  const importFile = async (f: File) => {
    try {
      const text = await f.text();
      const saved = await api.saveBot(text);
      setMessage({ text: `Imported '${saved.bot}' as version ${saved.version}.` });
      bots.reload();
    } catch (e) { setMessage({ text: `${f.name}: ${errorText(e)}`, error: true }); }
  };
  const exportBot = async (name: string) => {
    try {
      const v = await api.botVersion(name, 'latest');
      downloadBot(v.definition, `${name}.bot.json`);
    } catch (e) { setMessage({ text: errorText(e), error: true }); }
  };

  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (bots.data ?? []).filter(b => words.every(w => `${b.name} ${b.description ?? ''}`.toLowerCase().includes(w)));
  return (
    <div className="page">
      <div className="page-head">
        <h2>Bots</h2>
        <input type="search" placeholder="Search bots" aria-label="Search bots" value={search} onChange={e => setSearch(e.target.value)} />
        <button type="button" className="primary" onClick={create}>New bot</button>
        <button type="button" onClick={() => file.current?.click()}>Import bot.json</button>
        <input ref={file} type="file" accept=".json,application/json" hidden aria-label="Import file" onChange={e => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
      </div>
      {message && <div className={message.error ? 'error-box' : 'message'} role="status">{message.text}</div>}
      {bots.error && <Failure what="The bots cannot be listed" error={bots.error} />}
      {runs.error && <Failure what="The last runs cannot be read" error={runs.error} />}
      {triggers.error && <p className="muted small">Triggers are not shown: {triggers.error}</p>}
      <table className="grid">
        <thead><tr><th>Bot</th><th>Description</th><th>Version</th><th>Last run</th><th>Triggers</th><th /></tr></thead>
        <tbody>
          {shown.map(b => {
            const run = lastRun.get(b.name);
            return (
              <tr key={b.name} data-bot={b.name}>
                <td><Link to={`/bots/${encodeURIComponent(b.name)}`}>{b.name}</Link></td>
                <td className="muted">{b.description}</td>
                <td>v{b.latestVersion}{b.publishedVersion ? ` · published v${b.publishedVersion}` : ' · not published'}</td>
                <td>{run ? <Link to={`/runs/${run.id}`}><Status status={run.status} /> {when(run.createdAt)}</Link> : <span className="muted">never</span>}</td>
                <td className="small">{triggersOf(b.name) || <Link to={`/bots/${encodeURIComponent(b.name)}/triggers`} className="muted">none</Link>}</td>
                <td className="actions">
                  <button type="button" onClick={() => duplicate(b.name)}>Duplicate</button>
                  <button type="button" onClick={() => exportBot(b.name)}>Export</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {bots.data && shown.length === 0 && <p className="muted">No bots{search ? ` match '${search}'` : ''}.</p>}
    </div>
  );
}
