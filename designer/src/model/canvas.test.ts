import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allActivities, cloneWithFreshIds, findActivity, replaceActivity, slotsOf, type Activity, type Bot } from './bot';
import { addNode, applyCanvas, connect, moveNodes, removeNodes, toCanvas } from './canvas';

const botsFolder = join(__dirname, '..', '..', '..', 'bots');
const sampleBots = readdirSync(botsFolder).filter(d => existsSync(join(botsFolder, d, 'bot.json')))
  .map(d => ({ name: d, text: readFileSync(join(botsFolder, d, 'bot.json'), 'utf8') }));

describe('JSON to canvas and back', () => {
  it('finds the sample bots', () => {
    expect(sampleBots.length).toBeGreaterThanOrEqual(5);
  });

  it.each(sampleBots)('round-trips every container of $name losslessly', ({ text }) => {
    const bot = JSON.parse(text) as Bot;
    let root = bot.root;
    let containers = 0;
    for (const owner of allActivities(bot.root)) {
      for (const { name } of slotsOf(owner)) {
        const back = applyCanvas(owner, name, toCanvas(owner, name));
        expect(JSON.stringify(back)).toBe(JSON.stringify(owner));
        root = replaceActivity(root, owner.id, back);
        containers++;
      }
    }
    expect(containers).toBeGreaterThan(0);
    expect(JSON.stringify({ ...bot, root })).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('keeps expressions and unknown keys as written', () => {
    const owner: Activity = {
      id: 'flow', type: 'Flowchart', start: 'b',
      activities: [{ id: 'a', type: 'Log', inputs: { message: { liquid: '{{ x }}' } }, 'x-note': 1 }, { id: 'b', type: 'If', inputs: { condition: { js: 'n > 1' } } }],
      connections: [{ from: 'b', to: 'a' }],
    };
    const model = toCanvas(owner, 'activities');
    expect(model.edges[0]).toMatchObject({ source: 'b', target: 'a', outcome: 'Done' });
    expect(applyCanvas(owner, 'activities', model)).toEqual(owner);
  });

  it('shows composites: slots of ForEach, TryCatch and Switch', () => {
    const owner: Activity = {
      id: 't', type: 'TryCatch', try: { id: 'x', type: 'Log' }, catch: { id: 'y', type: 'Log' },
    };
    expect(slotsOf(owner).map(s => s.name)).toEqual(['try', 'catch']);
    expect(toCanvas(owner, 'try').kind).toBe('single');
    expect(toCanvas(owner, 'finally').nodes).toEqual([]);
    const sw: Activity = { id: 's', type: 'Switch', branches: { red: { id: 'r', type: 'Log' }, blue: { id: 'b', type: 'Log' } } };
    const model = toCanvas(sw, 'branches');
    expect(model.kind).toBe('map');
    expect(model.nodes.map(n => n.key)).toEqual(['red', 'blue']);
    expect(applyCanvas(sw, 'branches', model)).toEqual(sw);
  });
});

describe('editing the canvas model', () => {
  const flow: Activity = { id: 'flow', type: 'Flowchart', activities: [], connections: [] };

  it('adds, connects and positions activities and writes the connections by outcome', () => {
    let model = toCanvas(flow, 'activities');
    model = addNode(model, { id: 'check', type: 'If', inputs: { condition: { js: 'x > 1' } } }, { x: 10, y: 20 });
    model = addNode(model, { id: 'say', type: 'Log' }, { x: 10, y: 140.4 });
    model = connect(model, 'check', 'True', 'say');
    model = connect(model, 'check', 'True', 'say');
    const owner = applyCanvas(flow, 'activities', model);
    expect(owner.connections).toEqual([{ from: 'check', outcome: 'True', to: 'say' }]);
    expect((owner.activities as Activity[])[1].designer).toEqual({ x: 10, y: 140 });
  });

  it('removes the connections of deleted activities and a start that is gone', () => {
    const owner: Activity = { ...flow, start: 'b', activities: [{ id: 'a', type: 'Log' }, { id: 'b', type: 'Log' }], connections: [{ from: 'b', to: 'a' }] };
    const after = applyCanvas(owner, 'activities', removeNodes(toCanvas(owner, 'activities'), ['b']));
    expect(after.connections).toEqual([]);
    expect(after.start).toBeUndefined();
  });

  it('orders a sequence top to bottom after a move', () => {
    const seq: Activity = { id: 'seq', type: 'Sequence', activities: [{ id: 'a', type: 'Log' }, { id: 'b', type: 'Log' }] };
    const moved = moveNodes(toCanvas(seq, 'activities'), { a: { x: 0, y: 500 } });
    expect((applyCanvas(seq, 'activities', moved).activities as Activity[]).map(a => a.id)).toEqual(['b', 'a']);
  });

  it('pastes a copy with fresh ids for it and its children', () => {
    const root: Activity = { id: 'main', type: 'Sequence', activities: [{ id: 'each', type: 'ForEach', body: { id: 'log', type: 'Log' } }] };
    const copy = cloneWithFreshIds(findActivity(root, 'each')!, root, new Set());
    expect(copy.id).toBe('for-each');
    expect((copy.body as Activity).id).toBe('log-2');
  });
});

describe('renaming and locating', () => {
  it('renames an activity with its connections, and refuses a taken or invalid id', async () => {
    const { renameActivity, locate } = await import('./bot');
    const root: Activity = { id: 'flow', type: 'Flowchart', activities: [{ id: 'a', type: 'Log' }, { id: 'b', type: 'Log' }], connections: [{ from: 'a', to: 'b' }] };
    const renamed = renameActivity(root, 'a', 'first') as Activity;
    expect(renamed.connections).toEqual([{ from: 'first', to: 'b' }]);
    expect(locate(renamed, 'first')).toEqual({ ownerId: 'flow', slot: 'activities' });
    expect(renameActivity(root, 'a', 'b')).toContain('already used');
    expect(renameActivity(root, 'a', '-x')).toContain('not a valid id');
  });
});
