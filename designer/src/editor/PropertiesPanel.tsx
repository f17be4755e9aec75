// The selected activity: id, label, every input of its type (typed editors), output bindings.
import { useEffect, useState } from 'react';
import type { ActivityDescriptor, Problem } from '../api';
import type { Activity } from '../model/bot';
import type { Picks } from '../model/picks';
import { ValueEditor } from './ValueEditor';

interface Props {
  activity: Activity; descriptor: ActivityDescriptor | undefined; picks: Picks; problems: Problem[];
  onChange: (activity: Activity) => void; onRename: (newId: string) => string | null;
}

export function PropertiesPanel({ activity, descriptor, picks, problems, onChange, onRename }: Props) {
  const variables = picks.variables;
  const [id, setId] = useState(activity.id);
  const [renameError, setRenameError] = useState<string | null>(null);
  useEffect(() => { setId(activity.id); setRenameError(null); }, [activity.id]);
  const setInput = (name: string, value: unknown) => {
    const inputs = { ...(activity.inputs ?? {}) };
    if (value === undefined) delete inputs[name]; else inputs[name] = value;
    const next: Activity = { ...activity, inputs };
    if (Object.keys(inputs).length === 0 && activity.inputs === undefined) delete next.inputs;
    onChange(next);
  };
  const setOutput = (name: string, variable: string) => {
    const outputs = { ...(activity.outputs ?? {}) };
    if (variable) outputs[name] = variable; else delete outputs[name];
    const next: Activity = { ...activity, outputs };
    if (Object.keys(outputs).length === 0) delete next.outputs;
    onChange(next);
  };
  return (
    <div className="properties" aria-label="Properties">
      <h3>{descriptor?.displayName ?? activity.type} <span className="muted">{activity.type}</span></h3>
      {descriptor ? <p className="muted small">{descriptor.description}</p> : <p className="problem-text">Unknown activity type '{activity.type}'.</p>}
      {problems.map((p, i) => <div key={i} className="problem-text">⚠ {p.property ? `${p.property}: ` : ''}{p.message}</div>)}
      <label className="field">Id
        <input aria-label="Id" value={id} onChange={e => setId(e.target.value)}
          onBlur={() => { if (id !== activity.id) setRenameError(onRename(id)); }} />
      </label>
      {renameError && <div className="problem-text">{renameError}</div>}
      <label className="field">Label
        <input aria-label="Label" value={activity.displayName ?? ''} onChange={e => {
          const next: Activity = { ...activity, displayName: e.target.value };
          if (!e.target.value) delete next.displayName;
          onChange(next);
        }} />
      </label>
      {descriptor?.inputs.map(input => (
        <ValueEditor key={`${activity.id}:${input.name}`} input={input} value={activity.inputs?.[input.name]} picks={picks}
          onChange={v => setInput(input.name, v)} />
      ))}
      {descriptor && descriptor.outputs.length > 0 && <h4>Outputs</h4>}
      {descriptor?.outputs.map(output => (
        <label key={output.name} className="field" title={output.description}>{output.name} → variable
          <select aria-label={`output ${output.name}`} value={activity.outputs?.[output.name] ?? ''} onChange={e => setOutput(output.name, e.target.value)}>
            <option value="">(not kept)</option>
            {variables.map(v => <option key={v}>{v}</option>)}
          </select>
        </label>
      ))}
    </div>
  );
}
