// The schedules and triggers of a bot: edits the bot.json "triggers" array and saves it as a new version.
import { useEffect, useState } from 'react';
import { api, errorText } from '../api';
import type { Bot, Trigger } from '../model/bot';
import { JsonEditor } from '../editor/ValueEditor';
import { Link } from '../router';
import { Failure, useLoad } from './common';

const blank: Record<Trigger['type'], Trigger> = {
  schedule: { type: 'schedule', name: 'daily', cron: '0 7 * * 1-5', timeZone: 'UTC', inputs: {} },
  webhook: { type: 'webhook', name: 'hook', inputs: {} },
  fileDrop: { type: 'fileDrop', name: 'inbox', folder: 'inbox', pattern: '*.pdf', input: 'file' },
};

export function TriggersPage({ name }: { name: string }) {
  const version = useLoad(() => api.botVersion(name, 'latest'), [name]);
  const [triggers, setTriggers] = useState<Trigger[]>([]);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  useEffect(() => { if (version.data) setTriggers(version.data.definition.triggers ?? []); }, [version.data]);
  const set = (i: number, t: Trigger | null) => setTriggers(ts => (t === null ? ts.filter((_, j) => j !== i) : ts.map((x, j) => (j === i ? t : x))));
  const save = async () => {
    if (!version.data) return;
    const bot: Bot = { ...version.data.definition, triggers };
    if (triggers.length === 0) delete bot.triggers;
    try {
      const saved = await api.saveBot(bot);
      setMessage({ text: `Saved as version ${saved.version}; publish it to make the triggers active.` });
      version.reload();
    } catch (e) { setMessage({ text: errorText(e), error: true }); }
  };
  if (version.error) return <div className="page"><Failure what={`Bot '${name}'`} error={version.error} /></div>;
  return (
    <div className="page">
      <div className="page-head">
        <h2>Triggers of <Link to={`/bots/${encodeURIComponent(name)}`}>{name}</Link></h2>
        {(['schedule', 'webhook', 'fileDrop'] as const).map(t => <button key={t} type="button" onClick={() => setTriggers(ts => [...ts, { ...blank[t] }])}>+ {t}</button>)}
        <button type="button" className="primary" onClick={save}>Save as new version</button>
      </div>
      {message && <div className={message.error ? 'error-box' : 'message'} role="status">{message.text}</div>}
      {triggers.length === 0 && <p className="muted">No triggers: the bot runs only when started by hand or through the API.</p>}
      {triggers.map((t, i) => (
        <div className="card trigger" key={i}>
          <h3>{t.type} <button type="button" onClick={() => set(i, null)}>Remove</button></h3>
          <label className="field">Name <input value={t.name} onChange={e => set(i, { ...t, name: e.target.value })} /></label>
          {t.type === 'schedule' && <>
            <label className="field">Cron (minute hour day month weekday) <input value={t.cron} onChange={e => set(i, { ...t, cron: e.target.value })} /></label>
            <label className="field">Time zone <input value={t.timeZone ?? ''} placeholder="UTC" onChange={e => set(i, { ...t, timeZone: e.target.value || undefined })} /></label>
          </>}
          {t.type === 'fileDrop' && <>
            <label className="field">Folder <input value={t.folder} onChange={e => set(i, { ...t, folder: e.target.value })} /></label>
            <label className="field">Pattern <input value={t.pattern ?? ''} onChange={e => set(i, { ...t, pattern: e.target.value || undefined })} /></label>
            <label className="field">Input that receives the file path <input value={t.input ?? ''} onChange={e => set(i, { ...t, input: e.target.value || undefined })} /></label>
          </>}
          {t.type !== 'fileDrop' && <label className="field">Inputs (JSON object)
            <JsonEditor name={`trigger ${i + 1} inputs`} value={t.inputs} onChange={v => set(i, { ...t, inputs: v as Record<string, unknown> | undefined })} />
          </label>}
        </div>
      ))}
    </div>
  );
}
