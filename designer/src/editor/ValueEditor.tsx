// One input of an activity: a typed literal editor, or a JavaScript / Liquid expression with a syntax check.
import { useEffect, useState } from 'react';
import { api, type InputDescriptor } from '../api';
import { credentialChoices, credentialListProblem, type CredentialSummary } from '../model/credentials';
import type { Picks } from '../model/picks';
import { checkJson, checkValue, expressionOf, modeOf, switchMode, type ValueMode } from '../model/values';


interface Props { input: InputDescriptor; value: unknown; picks: Picks; onChange: (value: unknown) => void }

export function ValueEditor({ input, value, picks, onChange }: Props) {
  const mode = value === undefined ? 'literal' : modeOf(value);
  const problem = checkValue(value);
  const modes: ValueMode[] = input.literalOnly ? ['literal'] : ['literal', 'js', 'liquid'];
  return (
    <div className="value-editor" data-input={input.name}>
      <div className="value-head">
        <label title={input.description}>{input.name}{input.required && <span className="required">*</span>}</label>
        <span className="modes">
          {modes.map(m => (
            <button key={m} type="button" className={m === mode ? 'on' : ''} title={modeTitle[m]}
              onClick={() => onChange(switchMode(value ?? (m === 'literal' ? undefined : ''), m))}>{modeLabel[m]}</button>
          ))}
        </span>
      </div>
      {mode === 'literal'
        ? <LiteralEditor input={input} value={value} picks={picks} onChange={onChange} />
        : <textarea className={`code ${problem ? 'invalid' : ''}`} rows={2} spellCheck={false} aria-label={`${input.name} (${mode})`}
          value={expressionOf(value)} onChange={e => onChange(mode === 'js' ? { js: e.target.value } : { liquid: e.target.value })} />}
      {problem && <div className="problem-text">{problem}</div>}
      {input.type === 'Table' && !input.literalOnly && picks.tables.length > 0 && (
        <select aria-label={`${input.name} table`} className="picker" value={mode === 'js' && picks.tables.includes(expressionOf(value)) ? expressionOf(value) : ''}
          onChange={e => e.target.value && onChange({ js: e.target.value })}>
          <option value="">(pick a table of the bot)</option>
          {picks.tables.map(t => <option key={t}>{t}</option>)}
        </select>
      )}
      <div className="hint">{input.type.toLowerCase()}{input.default != null ? ` · default ${JSON.stringify(input.default)}` : ''} · {input.description}</div>
    </div>
  );
}

const modeLabel: Record<ValueMode, string> = { literal: 'abc', js: 'JS', liquid: '{{ }}' };
const modeTitle: Record<ValueMode, string> = { literal: 'A literal value', js: 'A JavaScript expression', liquid: 'A Liquid template' };

function LiteralEditor({ input, value, picks, onChange }: Props) {
  const variables = picks.variables;
  const set = (v: unknown) => onChange(v === '' || v === undefined ? undefined : v);
  if (input.editor === 'variable') {
    return (
      <select aria-label={input.name} value={typeof value === 'string' ? value : ''} onChange={e => set(e.target.value)}>
        <option value="">(choose a variable)</option>
        {[...new Set([...variables, ...(typeof value === 'string' && value ? [value] : [])])].map(v => <option key={v}>{v}</option>)}
      </select>
    );
  }
  if (input.editor === 'credential') {
    return <CredentialEditor name={input.name} value={value} onChange={set} />;
  }
  if (input.options) {
    return (
      <select aria-label={input.name} value={typeof value === 'string' ? value : ''} onChange={e => set(e.target.value)}>
        <option value="">{input.default != null ? `(default: ${String(input.default)})` : '(choose)'}</option>
        {input.options.map(o => <option key={o}>{o}</option>)}
      </select>
    );
  }
  switch (input.type) {
    case 'Bool':
      return <input type="checkbox" aria-label={input.name} checked={value === undefined ? input.default === true : value === true} onChange={e => onChange(e.target.checked)} />;
    case 'Number':
      return <input type="number" aria-label={input.name} value={typeof value === 'number' ? value : typeof value === 'string' ? value : ''}
        placeholder={input.default != null ? String(input.default) : ''} onChange={e => set(e.target.value === '' ? undefined : Number(e.target.value))} />;
    case 'Text':
      return input.editor === 'multiline' || input.editor === 'javascript'
        ? <textarea aria-label={input.name} rows={4} className={input.editor === 'javascript' ? 'code' : ''} value={typeof value === 'string' ? value : ''} onChange={e => set(e.target.value)} />
        : <>
          <input type={input.secret ? 'password' : 'text'} aria-label={input.name} value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
            placeholder={typeof input.default === 'string' ? input.default : ''} onChange={e => set(e.target.value)}
            list={/column/i.test(input.name) && picks.columns.length > 0 ? `columns-${input.name}` : undefined} />
          {/column/i.test(input.name) && <datalist id={`columns-${input.name}`}>{picks.columns.map(c => <option key={c} value={c} />)}</datalist>}
        </>;
    default:
      return <JsonEditor name={input.name} value={value} onChange={set} />;
  }
}

/**
 * A credential's name (GetCredential): a select of the vault's names and kinds; a text box while the list loads, when
 * the vault is empty, or when it cannot be read (roles below Engineer get a 403, whose message is shown).
 */
function CredentialEditor({ name, value, onChange }: { name: string; value: unknown; onChange: (v: unknown) => void }) {
  const [list, setList] = useState<{ credentials: CredentialSummary[] } | { problem: string } | null>(null);
  useEffect(() => {
    let current = true;
    api.credentials().then(credentials => { if (current) setList({ credentials }); }, e => { if (current) setList({ problem: credentialListProblem(e) }); });
    return () => { current = false; };
  }, []);
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  if (list && 'credentials' in list && list.credentials.length > 0) {
    return (
      <select aria-label={name} value={text} onChange={e => onChange(e.target.value)}>
        <option value="">(choose a credential)</option>
        {credentialChoices(list.credentials, value).map(c => <option key={c.name} value={c.name}>{c.label}</option>)}
      </select>
    );
  }
  return (
    <>
      <input type="text" aria-label={name} value={text} onChange={e => onChange(e.target.value)} />
      {list === null && <div className="hint">Loading the vault's credentials…</div>}
      {list && 'credentials' in list && <div className="hint">The vault has no credentials yet: an Admin adds them (PUT /api/credentials/&#123;name&#125;).</div>}
      {list && 'problem' in list && <div className="problem-text" role="note">{list.problem}</div>}
    </>
  );
}

/** Lists, tables, objects and any: JSON text, written back only when it parses. */
export function JsonEditor({ name, value, onChange }: { name: string; value: unknown; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 1)));
  const problem = checkJson(text);
  return (
    <>
      <textarea aria-label={name} className={`code ${problem ? 'invalid' : ''}`} rows={3} spellCheck={false} value={text}
        onChange={e => { setText(e.target.value); if (!checkJson(e.target.value)) onChange(e.target.value.trim() === '' ? undefined : JSON.parse(e.target.value)); }} />
      {problem && <div className="problem-text">JSON: {problem}</div>}
    </>
  );
}
