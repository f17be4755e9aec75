// The bot's inputs, outputs (arguments) and variables: name, type, default or initial value, description, flags.
import type { Argument, Bot, Variable } from '../model/bot';
import { JsonEditor } from './ValueEditor';

const types = ['text', 'number', 'bool', 'datetime', 'list', 'object', 'table', 'any'];
type ListName = 'inputs' | 'outputs' | 'variables';

export function VariablesPanel({ bot, onChange }: { bot: Bot; onChange: (bot: Bot) => void }) {
  const update = (list: ListName, index: number, item: Argument | Variable | null) => {
    const items = [...((bot[list] as (Argument | Variable)[] | undefined) ?? [])];
    if (item === null) items.splice(index, 1); else items[index] = item;
    onChange({ ...bot, [list]: items });
  };
  const add = (list: ListName) => {
    const items = (bot[list] as (Argument | Variable)[] | undefined) ?? [];
    const taken = new Set([...(bot.inputs ?? []), ...(bot.outputs ?? []), ...(bot.variables ?? [])].map(v => v.name));
    let n = items.length + 1, name = `${list.slice(0, -1)}${n}`;
    while (taken.has(name)) name = `${list.slice(0, -1)}${++n}`;
    onChange({ ...bot, [list]: [...items, { name, type: 'text' }] });
  };
  return (
    <div className="variables" aria-label="Variables and arguments">
      <label className="field">Description
        <textarea rows={2} value={bot.description ?? ''} onChange={e => onChange({ ...bot, description: e.target.value })} />
      </label>
      {(['inputs', 'outputs', 'variables'] as ListName[]).map(list => (
        <section key={list}>
          <h4>{list[0].toUpperCase() + list.slice(1)} <button type="button" onClick={() => add(list)} aria-label={`Add ${list.slice(0, -1)}`}>+</button></h4>
          {((bot[list] as (Argument | Variable)[] | undefined) ?? []).map((item, i) => (
            <div className="variable-row" key={`${list}:${i}`} data-variable={item.name}>
              <input aria-label={`${list} ${i + 1} name`} value={item.name} onChange={e => update(list, i, { ...item, name: e.target.value })} />
              <select aria-label={`${list} ${i + 1} type`} value={item.type.toLowerCase()} onChange={e => update(list, i, { ...item, type: e.target.value })}>
                {types.map(t => <option key={t}>{t}</option>)}
              </select>
              <button type="button" title="Remove" onClick={() => update(list, i, null)}>✕</button>
              <JsonEditor key={`${list}:${i}:${item.name}`} name={`${list} ${i + 1} ${list === 'variables' ? 'value' : 'default'} (JSON)`}
                value={list === 'variables' ? (item as Variable).value : (item as Argument).default}
                onChange={v => {
                  const next: Argument | Variable = { ...item, [list === 'variables' ? 'value' : 'default']: v };
                  if (v === undefined) delete next[list === 'variables' ? 'value' : 'default'];
                  update(list, i, next);
                }} />
              {list !== 'variables' && (
                <span className="flags">
                  {list === 'inputs' && <label><input type="checkbox" checked={(item as Argument).required === true}
                    onChange={e => update(list, i, { ...item, required: e.target.checked || undefined })} /> required</label>}
                  <label><input type="checkbox" checked={(item as Argument).secret === true}
                    onChange={e => update(list, i, { ...item, secret: e.target.checked || undefined })} /> secret</label>
                </span>
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
