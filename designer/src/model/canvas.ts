// The canvas model of one container of a bot: the activities of one slot of one composite activity, with their
// positions and (in a Flowchart) the connections between their outcomes. Pure: toCanvas and applyCanvas round-trip
// the JSON losslessly; only what the user changed is written back.
import { type Activity, type Connection, isActivity } from './bot';

/** Which container the canvas shows: a slot of the activity `ownerId`. */
export interface Scope { ownerId: string; slot: string }

export interface Point { x: number; y: number }
export interface CanvasNode {
  id: string;
  activity: Activity;
  position: Point;
  /** Whether the position is the user's (kept in the activity's "designer") rather than computed for display. */
  positioned: boolean;
  /** The name of the entry in a map slot (Switch branches). */
  key?: string;
}
export interface CanvasEdge { id: string; source: string; target: string; outcome: string; connection?: Connection }
export type ContainerKind = 'flowchart' | 'list' | 'single' | 'map';
export interface CanvasModel { kind: ContainerKind; nodes: CanvasNode[]; edges: CanvasEdge[] }

export const defaultOutcome = 'Done';
const rowHeight = 110;

export function containerKind(owner: Activity, slot: string): ContainerKind {
  if (owner.type === 'Flowchart' && slot === 'activities') return 'flowchart';
  const value = owner[slot];
  if (Array.isArray(value)) return 'list';
  if (value === undefined || isActivity(value)) return 'single';
  return 'map';
}

function positionOf(activity: Activity): Point | null {
  const d = activity.designer;
  return d && typeof d.x === 'number' && typeof d.y === 'number' ? { x: d.x, y: d.y } : null;
}

export function toCanvas(owner: Activity, slot: string): CanvasModel {
  const kind = containerKind(owner, slot);
  const value = owner[slot];
  const entries: [string | undefined, Activity][] =
    kind === 'map' ? Object.entries(value as Record<string, unknown>).filter((e): e is [string, Activity] => isActivity(e[1]))
      : kind === 'single' ? (isActivity(value) ? [[undefined, value]] : [])
        : ((value as unknown[]) ?? []).filter(isActivity).map(a => [undefined, a] as [undefined, Activity]);
  const nodes = entries.map(([key, activity], i): CanvasNode => {
    const position = positionOf(activity);
    return { id: activity.id, activity, key, position: position ?? { x: kind === 'map' ? i * 260 : 0, y: kind === 'map' ? 0 : i * rowHeight }, positioned: position !== null };
  });
  let edges: CanvasEdge[] = [];
  if (kind === 'flowchart') {
    edges = (owner.connections ?? []).map((c, i) => ({ id: `e${i}:${c.from}:${c.outcome ?? defaultOutcome}:${c.to}`, source: c.from, target: c.to, outcome: c.outcome ?? defaultOutcome, connection: c }));
  } else if (kind === 'list') {
    edges = nodes.slice(1).map((n, i) => ({ id: `next:${nodes[i].id}:${n.id}`, source: nodes[i].id, target: n.id, outcome: '' }));
  }
  return { kind, nodes, edges };
}

function withPosition(node: CanvasNode): Activity {
  if (!node.positioned) return node.activity;
  const current = positionOf(node.activity);
  const x = Math.round(node.position.x), y = Math.round(node.position.y);
  if (current && current.x === x && current.y === y) return node.activity;
  return { ...node.activity, designer: { ...(node.activity.designer ?? {}), x, y } };
}

/** The owner with the container's content taken from the canvas. In a list, the order is top to bottom. */
export function applyCanvas(owner: Activity, slot: string, model: CanvasModel): Activity {
  const copy: Activity = { ...owner };
  const nodes = model.kind === 'list' ? listOrder(model.nodes) : model.nodes;
  const activities = nodes.map(withPosition);
  if (model.kind === 'map') {
    copy[slot] = Object.fromEntries(nodes.map((n, i) => [n.key ?? n.id, activities[i]]));
  } else if (model.kind === 'single') {
    if (activities.length === 0) delete copy[slot];
    else copy[slot] = activities[0];
  } else {
    copy[slot] = activities;
  }
  if (model.kind === 'flowchart') {
    const ids = new Set(nodes.map(n => n.id));
    const connections = model.edges.filter(e => ids.has(e.source) && ids.has(e.target))
      .map(e => e.connection ?? { from: e.source, outcome: e.outcome, to: e.target });
    if (connections.length > 0 || owner.connections !== undefined) copy.connections = connections;
    if (copy.start !== undefined && !ids.has(copy.start)) delete copy.start;
  }
  return copy;
}

/** Top to bottom; nodes at the same height keep their order. */
function listOrder(nodes: CanvasNode[]): CanvasNode[] {
  return nodes.map((n, i) => ({ n, i })).sort((a, b) => a.n.position.y - b.n.position.y || a.i - b.i).map(e => e.n);
}

export function addNode(model: CanvasModel, activity: Activity, position: Point): CanvasModel {
  const node: CanvasNode = { id: activity.id, activity, position, positioned: true, key: model.kind === 'map' ? activity.id : undefined };
  if (model.kind === 'single') return { ...model, nodes: [node] };
  return { ...model, nodes: [...model.nodes, node] };
}

export function removeNodes(model: CanvasModel, ids: string[]): CanvasModel {
  const gone = new Set(ids);
  return { ...model, nodes: model.nodes.filter(n => !gone.has(n.id)), edges: model.edges.filter(e => !gone.has(e.source) && !gone.has(e.target)) };
}

export function removeEdges(model: CanvasModel, ids: string[]): CanvasModel {
  const gone = new Set(ids);
  return { ...model, edges: model.edges.filter(e => !gone.has(e.id)) };
}

/** Connects an outcome of `source` to `target` (flowcharts only); an existing identical connection is not doubled. */
export function connect(model: CanvasModel, source: string, outcome: string, target: string): CanvasModel {
  if (model.kind !== 'flowchart') return model;
  if (model.edges.some(e => e.source === source && e.target === target && e.outcome === outcome)) return model;
  return { ...model, edges: [...model.edges, { id: `e${Date.now()}:${source}:${outcome}:${target}`, source, target, outcome }] };
}

export function moveNodes(model: CanvasModel, positions: Record<string, Point>): CanvasModel {
  return { ...model, nodes: model.nodes.map(n => (positions[n.id] ? { ...n, position: positions[n.id], positioned: true } : n)) };
}
