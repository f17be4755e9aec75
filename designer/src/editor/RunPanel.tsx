// Run the bot from the designer: an inputs form from the bot's arguments, then the live run (status, outputs, the
// journal entries of the selected activity with inputs, outputs, duration, error and screenshot).
import { useEffect, useState } from 'react';
import { api, type Artifact, type JournalEntry } from '../api';
import type { LiveRun } from '../live';
import type { Argument } from '../model/bot';
import { Link } from '../router';
import { JsonEditor } from './ValueEditor';

export function InputsForm({ inputs, onSubmit, submitLabel }: { inputs: Argument[]; onSubmit: (values: Record<string, unknown>) => void; submitLabel: string }) {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const set = (name: string, v: unknown) => setValues(s => { const n = { ...s }; if (v === undefined || v === '') delete n[name]; else n[name] = v; return n; });
  return (
    <form className="inputs-form" onSubmit={e => { e.preventDefault(); onSubmit(values); }}>
      {inputs.length === 0 && <p className="muted">This bot takes no inputs.</p>}
      {inputs.map(input => (
        <label key={input.name} className="field" title={input.description}>
          {input.name}{input.required && <span className="required">*</span>} <span className="muted">{input.type}</span>
          {input.type.toLowerCase().startsWith('bool')
            ? <input type="checkbox" aria-label={`input ${input.name}`} defaultChecked={input.default === true} onChange={e => set(input.name, e.target.checked)} />
            : ['text', 'string', 'number', 'decimal', 'datetime', 'date'].includes(input.type.toLowerCase())
              ? <input aria-label={`input ${input.name}`} type={input.secret ? 'password' : input.type.toLowerCase().startsWith('num') || input.type === 'decimal' ? 'number' : 'text'}
                placeholder={input.default != null ? String(input.default) : ''}
                onChange={e => set(input.name, input.type.toLowerCase() === 'number' && e.target.value !== '' ? Number(e.target.value) : e.target.value)} />
              : <JsonEditor name={`input ${input.name}`} value={undefined} onChange={v => set(input.name, v)} />}
          {input.description && <span className="hint">{input.description}</span>}
        </label>
      ))}
      <button type="submit" className="primary">{submitLabel}</button>
    </form>
  );
}

export function EntryDetails({ entry, artifacts }: { entry: JournalEntry; artifacts: Artifact[] }) {
  const screenshots = (entry.error?.artifacts ?? []).map(name => artifacts.find(a => a.name === name || name.endsWith(a.name) || a.name.endsWith(name.split('/').pop() ?? name)))
    .filter((a): a is Artifact => !!a);
  return (
    <div className={`entry status-${entry.status.toLowerCase()}`} data-sequence={entry.sequence}>
      <div><b>#{entry.sequence}</b> {entry.status}{entry.outcome ? ` → ${entry.outcome}` : ''}{entry.iteration != null ? ` · iteration ${entry.iteration}` : ''}
        {entry.durationMs != null && <span className="muted"> · {entry.durationMs} ms</span>}</div>
      {entry.inputs && <details open><summary>Inputs</summary><pre>{JSON.stringify(entry.inputs, null, 1)}</pre></details>}
      {entry.outputs && <details open><summary>Outputs</summary><pre>{JSON.stringify(entry.outputs, null, 1)}</pre></details>}
      {entry.error && <div className="error-box"><b>Error:</b> {entry.error.message}{entry.error.cause && <div className="muted">{entry.error.cause}</div>}</div>}
      {screenshots.map(a => <a key={a.id} href={a.download} target="_blank" rel="noreferrer"><img className="screenshot" src={a.download} alt={`screenshot ${a.name}`} /></a>)}
    </div>
  );
}

interface Props {
  inputs: Argument[]; live: LiveRun; runId: string | null; selectedId: string | null; canRun: boolean; runLabel: string;
  onStart: (values: Record<string, unknown>) => void; onClear: () => void; startError: string | null;
}

export function RunPanel({ inputs, live, runId, selectedId, canRun, runLabel, onStart, onClear, startError }: Props) {
  const [artifacts, setArtifacts] = useState<Artifact[]>([]);
  const ended = live.run && ['succeeded', 'failed', 'cancelled'].includes(live.run.status);
  useEffect(() => { if (runId && ended) api.artifacts(runId).then(setArtifacts, () => setArtifacts([])); }, [runId, ended]);
  if (!runId) {
    return (
      <div className="run-panel">
        <h3>Run</h3>
        {startError && <div className="error-box">{startError}</div>}
        {canRun ? <InputsForm inputs={inputs} onSubmit={onStart} submitLabel={runLabel} /> : <p className="muted">Fix the problems first.</p>}
      </div>
    );
  }
  const entries = live.entries.filter(e => e.activityId === selectedId);
  return (
    <div className="run-panel" aria-label="Live run">
      <h3>Run <Link to={`/runs/${runId}`}>{runId.slice(0, 8)}</Link> <span className={`status status-${live.run?.status ?? 'queued'}`} data-testid="run-status">{live.run?.status ?? 'starting'}</span></h3>
      {live.connection === 'error' && <div className="error-box">The live event stream was lost; see the run page.</div>}
      {live.run?.error && <div className="error-box"><b>{live.run.error.activityId}:</b> {live.run.error.message}</div>}
      {live.run?.outputs && <details open><summary>Outputs</summary><pre data-testid="run-outputs">{JSON.stringify(live.run.outputs, null, 1)}</pre></details>}
      <p className="muted small">{live.entries.length} journal entries. {selectedId ? `Entries of '${selectedId}':` : 'Click an activity to see its journal entries.'}</p>
      {entries.map(e => <EntryDetails key={e.sequence} entry={e} artifacts={artifacts} />)}
      <button type="button" onClick={onClear}>Back to editing</button>
    </div>
  );
}
