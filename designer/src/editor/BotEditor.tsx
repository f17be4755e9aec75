// The bot editor: palette, canvas of the current container, properties / variables / run panel, problems, toolbar.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { api, ApiError, errorText, type ActivityDescriptor, type Problem } from '../api';
import { activityStates, useRunEvents } from '../live';
import {
  cloneWithFreshIds, findActivity, freshId, locate, newBot, pathTo, renameActivity, replaceActivity, slotsOf, type Activity, type Bot,
} from '../model/bot';
import { addNode, applyCanvas, connect, moveNodes, toCanvas, type Point, type Scope } from '../model/canvas';
import { autoLayout } from '../model/layout';
import { picksOf } from '../model/picks';
import { Link, navigate } from '../router';
import { Canvas, outcomesOf } from './Canvas';
import { Palette } from './Palette';
import { PropertiesPanel } from './PropertiesPanel';
import { RunPanel } from './RunPanel';
import { useHistory } from './useHistory';
import { VariablesPanel } from './VariablesPanel';
import { VersionsPanel } from './VersionsPanel';
import { downloadBot } from '../files';

type Tab = 'properties' | 'bot' | 'run' | 'versions';

export function BotEditor({ name, isNew, descriptors }: { name: string; isNew: boolean; descriptors: ActivityDescriptor[] }) {
  const [loadError, setLoadError] = useState<string | null>(null);
  const history = useHistory<Bot | null>(null);
  const bot = history.present;
  const [saved, setSaved] = useState<{ version: number | null; json: string; published: number | null }>({ version: null, json: '', published: null });
  const [scope, setScope] = useState<Scope | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [tab, setTab] = useState<Tab>('bot');
  const [runId, setRunId] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const clipboard = useRef<{ activities: Activity[]; connections: Activity['connections'] }>({ activities: [], connections: [] });
  const live = useRunEvents(runId);
  const liveStates = useMemo(() => (runId ? activityStates(live.entries) : null), [runId, live.entries]);
  const byType = useMemo(() => new Map(descriptors.map(d => [d.type, d])), [descriptors]);

  useEffect(() => {
    let gone = false;
    api.botVersion(name, 'latest').then(v => {
      if (gone) return;
      history.reset(v.definition);
      setSaved({ version: v.version, json: JSON.stringify(v.definition), published: v.published ? v.version : null });
      api.bots().then(list => !gone && setSaved(s => ({ ...s, published: list.find(b => b.name === name)?.publishedVersion ?? null })), () => undefined);
    }, e => {
      if (gone) return;
      if (isNew && e instanceof ApiError && e.status === 404) history.reset(newBot(name));
      else setLoadError(errorText(e));
    });
    return () => { gone = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, isNew]);

  useEffect(() => {
    if (bot && (!scope || !findActivity(bot.root, scope.ownerId))) setScope({ ownerId: bot.root.id, slot: defaultSlot(bot.root) });
  }, [bot, scope]);

  const dirty = bot !== null && JSON.stringify(bot) !== saved.json;
  const problemsById = useMemo(() => {
    const map = new Map<string, Problem[]>();
    for (const p of problems) if (p.activityId) map.set(p.activityId, [...(map.get(p.activityId) ?? []), p]);
    return map;
  }, [problems]);

  const change = useCallback((next: Bot, coalesce?: string) => history.set(next, coalesce), [history]);
  const owner = bot && scope ? findActivity(bot.root, scope.ownerId) : null;
  const updateOwner = (next: Activity) => bot && change({ ...bot, root: replaceActivity(bot.root, next.id, next) });

  const addActivity = (type: string, position?: Point) => {
    if (!bot || !owner || !scope) return;
    const model = toCanvas(owner, scope.slot);
    if (model.kind === 'single' && model.nodes.length > 0) {
      setMessage({ text: `The '${scope.slot}' slot holds one activity: delete '${model.nodes[0].id}' first, or put a Sequence there.`, error: true });
      return;
    }
    const activity: Activity = { id: freshId(bot.root, type), type };
    const below = model.nodes.reduce((y, n) => Math.max(y, n.position.y + 110), 0);
    const at = position ?? { x: model.nodes.length ? model.nodes[model.nodes.length - 1].position.x : 0, y: below };
    let next = addNode(model, activity, at);
    // In a flowchart, a new activity follows the one selected (by its first outcome).
    const from = selected.length === 1 ? model.nodes.find(n => n.id === selected[0]) : undefined;
    if (from && model.kind === 'flowchart') next = connect(next, from.id, outcomesOf(from.activity, byType.get(from.activity.type))[0], activity.id);
    updateOwner(applyCanvas(owner, scope.slot, next));
    setSelected([activity.id]);
    setTab('properties');
  };

  const copy = () => {
    if (!owner || !scope || selected.length === 0) return;
    const chosen = toCanvas(owner, scope.slot).nodes.filter(n => selected.includes(n.id)).map(n => n.activity);
    const ids = new Set(chosen.map(a => a.id));
    clipboard.current = { activities: chosen, connections: (owner.connections ?? []).filter(c => ids.has(c.from) && ids.has(c.to)) };
    setMessage({ text: `Copied ${chosen.length} activit${chosen.length === 1 ? 'y' : 'ies'}.` });
  };
  const paste = () => {
    if (!bot || !owner || !scope || clipboard.current.activities.length === 0) return;
    const taken = new Set<string>();
    const renames = new Map<string, string>();
    let model = toCanvas(owner, scope.slot);
    for (const a of clipboard.current.activities) {
      const clone = cloneWithFreshIds(a, bot.root, taken);
      renames.set(a.id, clone.id);
      const p = a.designer && typeof a.designer.x === 'number' ? { x: a.designer.x + 40, y: (a.designer.y ?? 0) + 40 } : { x: 40, y: model.nodes.length * 110 };
      model = addNode(model, clone, p);
    }
    for (const c of clipboard.current.connections ?? []) model = connect(model, renames.get(c.from)!, c.outcome ?? 'Done', renames.get(c.to)!);
    updateOwner(applyCanvas(owner, scope.slot, model));
    setSelected([...renames.values()]);
  };

  const layout = () => {
    if (!owner || !scope) return;
    const model = toCanvas(owner, scope.slot);
    updateOwner(applyCanvas(owner, scope.slot, moveNodes(model, autoLayout(model))));
  };

  const validate = async () => {
    if (!bot) return;
    try {
      const result = await api.validate(bot);
      setProblems(result.problems);
      setMessage({ text: result.valid ? 'The bot is valid.' : `${result.problems.length} problem(s).`, error: !result.valid });
    } catch (e) { setMessage({ text: errorText(e), error: true }); }
  };

  const save = async (): Promise<number | null> => {
    if (!bot) return null;
    try {
      const version = await api.saveBot(bot);
      setSaved(s => ({ ...s, version: version.version, json: JSON.stringify(bot) }));
      setProblems([]);
      setMessage({ text: `Saved as version ${version.version}.` });
      if (isNew) window.history.replaceState(null, '', `/bots/${encodeURIComponent(bot.name)}`);
      return version.version;
    } catch (e) {
      if (e instanceof ApiError) setProblems(e.problems);
      setMessage({ text: errorText(e), error: true });
      return null;
    }
  };

  const publish = async () => {
    if (!bot || saved.version === null) return;
    try {
      const result = await api.publish(bot.name, saved.version);
      setSaved(s => ({ ...s, published: result.publishedVersion }));
      setMessage({ text: `Version ${saved.version} is published.` });
    } catch (e) { setMessage({ text: errorText(e), error: true }); }
  };

  const start = async (inputs: Record<string, unknown>) => {
    if (!bot) return;
    setStartError(null);
    const version = dirty || saved.version === null ? await save() : saved.version;
    if (version === null) { setStartError('The bot could not be saved; see the problems.'); return; }
    try {
      const run = await api.startRun(bot.name, inputs, version);
      setRunId(run.id);
      setSelected([]);
    } catch (e) {
      setStartError(errorText(e));
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      const key = e.key.toLowerCase();
      if (!(e.ctrlKey || e.metaKey)) return;
      if (key === 'z' && !e.shiftKey) { history.undo(); e.preventDefault(); }
      else if (key === 'y' || (key === 'z' && e.shiftKey)) { history.redo(); e.preventDefault(); }
      else if (key === 'c') { copy(); }
      else if (key === 'v') { paste(); e.preventDefault(); }
      else if (key === 's') { void save(); e.preventDefault(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (loadError) return <div className="page"><div className="error-box">Bot '{name}' cannot be opened: {loadError}</div></div>;
  if (!bot || !scope || !owner) return <div className="page muted">Loading {name}…</div>;

  const selectedActivity = selected.length === 1 ? findActivity(bot.root, selected[0]) : null;
  const picks = picksOf(bot);
  const ownerSlots = [...new Set([...(byType.get(owner.type)?.slots.map(s => s.name) ?? []), ...slotsOf(owner).map(s => s.name)])];
  const crumbs = pathTo(bot.root, owner.id) ?? [];

  return (
    <div className="editor">
      <div className="toolbar">
        <Link to="/">Bots</Link> ›
        <b className="bot-name">{bot.name}</b>
        <span className="muted">{saved.version ? `v${saved.version}${saved.published === saved.version ? ' (published)' : ''}` : 'not saved'}{dirty ? ' · changed' : ''}</span>
        <span className="spacer" />
        <button type="button" onClick={history.undo} disabled={!history.canUndo} title="Undo (Ctrl+Z)">Undo</button>
        <button type="button" onClick={history.redo} disabled={!history.canRedo} title="Redo (Ctrl+Y)">Redo</button>
        <button type="button" onClick={layout} title="Arrange the activities along their connections">Auto-layout</button>
        <button type="button" onClick={validate}>Validate</button>
        <button type="button" onClick={() => void save()} className="primary" title="Ctrl+S">Save</button>
        <button type="button" onClick={publish} disabled={saved.version === null || dirty || saved.published === saved.version}>Publish</button>
        <button type="button" onClick={() => setTab('run')}>Run…</button>
        <Link to={`/bots/${encodeURIComponent(bot.name)}/triggers`}>Triggers</Link>
        <button type="button" onClick={() => downloadBot(bot)}>Export</button>
      </div>
      {message && <div className={`message ${message.error ? 'error-box' : ''}`} role="status">{message.text}</div>}
      <div className="editor-body">
        <Palette descriptors={descriptors} onAdd={type => addActivity(type)} />
        <main className="canvas-area">
          <div className="breadcrumb">
            {crumbs.map((id, i) => (
              <span key={id}>{i > 0 && ' › '}
                <button type="button" className="link" onClick={() => { const a = findActivity(bot.root, id)!; setScope({ ownerId: id, slot: defaultSlot(a) }); setSelected([]); }}>{id}</button>
              </span>
            ))}
            {ownerSlots.length > 1 && <span className="slots"> · {ownerSlots.map(s => (
              <button key={s} type="button" className={s === scope.slot ? 'on' : ''} onClick={() => { setScope({ ownerId: owner.id, slot: s }); setSelected([]); }}>{s}</button>
            ))}</span>}
          </div>
          <ReactFlowProvider key={`${scope.ownerId}/${scope.slot}`}>
            <Canvas owner={owner} slot={scope.slot} descriptors={byType} problems={problemsById} live={liveStates} selected={selected} readOnly={false}
              onChange={updateOwner} onSelect={ids => { setSelected(ids); if (ids.length === 1 && tab !== 'run') setTab('properties'); }}
              onOpen={(id, slot) => { setScope({ ownerId: id, slot }); setSelected([]); }} onDropActivity={addActivity} />
          </ReactFlowProvider>
          <ProblemsList problems={problems} onPick={id => {
            const place = locate(bot.root, id);
            if (place) setScope(place);
            setSelected([id]);
            setTab('properties');
          }} />
        </main>
        <aside className="side">
          <div className="tabs">
            {(['properties', 'bot', 'run', 'versions'] as Tab[]).map(t => <button key={t} type="button" className={t === tab ? 'on' : ''} onClick={() => setTab(t)}>{tabNames[t]}</button>)}
          </div>
          {tab === 'properties' && (selectedActivity
            ? <PropertiesPanel activity={selectedActivity} descriptor={byType.get(selectedActivity.type)} picks={picks} problems={problemsById.get(selectedActivity.id) ?? []}
              onChange={a => change({ ...bot, root: replaceActivity(bot.root, a.id, a) }, `props:${a.id}`)}
              onRename={newId => {
                const next = renameActivity(bot.root, selectedActivity.id, newId);
                if (typeof next === 'string') return next;
                change({ ...bot, root: next });
                if (scope.ownerId === selectedActivity.id) setScope({ ...scope, ownerId: newId });
                setSelected([newId]);
                return null;
              }} />
            : <p className="muted">Select one activity to edit its properties.</p>)}
          {tab === 'versions' && <VersionsPanel bot={bot} latest={saved.version} />}
          {tab === 'bot' && <VariablesPanel bot={bot} onChange={b => change(b, 'variables')} />}
          {tab === 'run' && <RunPanel inputs={bot.inputs ?? []} live={live} runId={runId} selectedId={selected[0] ?? null} canRun
            runLabel={dirty || saved.version === null ? 'Save and run' : `Run version ${saved.version}`} onStart={start} startError={startError}
            onClear={() => setRunId(null)} />}
        </aside>
      </div>
    </div>
  );
}

const tabNames: Record<Tab, string> = { properties: 'Properties', bot: 'Variables', run: 'Run', versions: 'Versions' };

function defaultSlot(activity: Activity): string {
  return slotsOf(activity)[0]?.name ?? 'activities';
}

function ProblemsList({ problems, onPick }: { problems: Problem[]; onPick: (activityId: string) => void }) {
  if (problems.length === 0) return null;
  return (
    <div className="problems" aria-label="Problems">
      <b>{problems.length} problem{problems.length === 1 ? '' : 's'}</b>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.activityId ? <button type="button" className="link" onClick={() => onPick(p.activityId!)}>{p.activityId}</button> : <span>bot</span>}
            {p.property ? ` · ${p.property}` : ''}: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function navigateToBot(name: string) { navigate(`/bots/${encodeURIComponent(name)}`); }
