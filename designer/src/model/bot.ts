// The bot.json document (format 1) and pure helpers over its activity tree. Unknown keys are kept as they are.

export interface Argument { name: string; type: string; description?: string; required?: boolean; default?: unknown; secret?: boolean; [key: string]: unknown }
export interface Variable { name: string; type: string; value?: unknown; description?: string; [key: string]: unknown }
export interface Connection { from: string; outcome?: string; to: string; [key: string]: unknown }
export interface Activity {
  id: string;
  type: string;
  displayName?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, string>;
  designer?: { x?: number; y?: number; [key: string]: unknown };
  connections?: Connection[];
  start?: string;
  [slot: string]: unknown;
}
export interface Bot {
  format?: number; name: string; version?: number; description?: string;
  inputs?: Argument[]; outputs?: Argument[]; variables?: Variable[]; root: Activity; triggers?: Trigger[];
  [key: string]: unknown;
}
export type Trigger =
  | { type: 'schedule'; name: string; cron: string; timeZone?: string; inputs?: Record<string, unknown> }
  | { type: 'webhook'; name: string; inputs?: Record<string, unknown> }
  | { type: 'fileDrop'; name: string; folder: string; pattern?: string; input?: string };

/** Keys of an activity that are not child slots (bot-format.md, "Child slots"). */
export const activityKeys = ['id', 'type', 'displayName', 'inputs', 'outputs', 'designer', 'connections', 'start'];

export function isActivity(value: unknown): value is Activity {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Activity).type === 'string';
}

export type SlotKind = 'Single' | 'List' | 'Map';

/** The child slots an activity holds, by the JSON shape (the same rule as the runtime's reader). */
export function slotsOf(activity: Activity): { name: string; kind: SlotKind }[] {
  return Object.keys(activity).filter(k => !activityKeys.includes(k)).flatMap((name): { name: string; kind: SlotKind }[] => {
    const value = activity[name];
    if (Array.isArray(value)) return [{ name, kind: 'List' }];
    if (isActivity(value)) return [{ name, kind: 'Single' }];
    if (typeof value === 'object' && value !== null) return [{ name, kind: 'Map' }];
    return [];
  });
}

/** The direct children of an activity, in every slot. */
export function childrenOf(activity: Activity): Activity[] {
  return slotsOf(activity).flatMap(({ name, kind }) => {
    const value = activity[name];
    if (kind === 'List') return (value as unknown[]).filter(isActivity);
    if (kind === 'Single') return [value as Activity];
    return Object.values(value as Record<string, unknown>).filter(isActivity);
  });
}

/** Every activity of the tree, depth first, the root first. */
export function allActivities(root: Activity): Activity[] {
  return [root, ...childrenOf(root).flatMap(allActivities)];
}

/** The ids from the root down to the activity, or null when it is not in the tree. */
export function pathTo(root: Activity, id: string): string[] | null {
  if (root.id === id) return [root.id];
  for (const child of childrenOf(root)) {
    const path = pathTo(child, id);
    if (path) return [root.id, ...path];
  }
  return null;
}

export function findActivity(root: Activity, id: string): Activity | null {
  return allActivities(root).find(a => a.id === id) ?? null;
}

/** A copy of the tree with one activity replaced (by id); the rest is shared, untouched. */
export function replaceActivity(root: Activity, id: string, replacement: Activity): Activity {
  if (root.id === id) return replacement;
  let changed = false;
  const copy: Activity = { ...root };
  for (const { name, kind } of slotsOf(root)) {
    const value = root[name];
    if (kind === 'Single') {
      const next = replaceActivity(value as Activity, id, replacement);
      if (next !== value) { copy[name] = next; changed = true; }
    } else if (kind === 'List') {
      const list = value as unknown[];
      const next = list.map(a => (isActivity(a) ? replaceActivity(a, id, replacement) : a));
      if (next.some((a, i) => a !== list[i])) { copy[name] = next; changed = true; }
    } else {
      const map = value as Record<string, unknown>;
      const next = Object.fromEntries(Object.entries(map).map(([k, a]) => [k, isActivity(a) ? replaceActivity(a, id, replacement) : a]));
      if (Object.keys(map).some(k => next[k] !== map[k])) { copy[name] = next; changed = true; }
    }
  }
  return changed ? copy : root;
}

/** An id not used in the tree yet, from a type name: 'log', 'log-2', ... */
export function freshId(root: Activity, type: string, taken: Set<string> = new Set()): string {
  const used = new Set([...allActivities(root).map(a => a.id), ...taken]);
  const base = type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A deep copy of an activity with new ids for it and every descendant; connections follow the renames. */
export function cloneWithFreshIds(activity: Activity, root: Activity, taken: Set<string>): Activity {
  const renames = new Map<string, string>();
  for (const a of allActivities(activity)) {
    const id = freshId(root, a.type, taken);
    taken.add(id);
    renames.set(a.id, id);
  }
  const copy = JSON.parse(JSON.stringify(activity)) as Activity;
  const rename = (a: Activity) => {
    a.id = renames.get(a.id) ?? a.id;
    if (a.connections) a.connections = a.connections.map(c => ({ ...c, from: renames.get(c.from) ?? c.from, to: renames.get(c.to) ?? c.to }));
    if (a.start) a.start = renames.get(a.start) ?? a.start;
    childrenOf(a).forEach(rename);
  };
  rename(copy);
  return copy;
}

/** An empty bot: a flowchart with nothing in it yet. */
export function newBot(name: string): Bot {
  return { format: 1, name, version: 1, description: '', inputs: [], outputs: [], variables: [], root: { id: 'flow', type: 'Flowchart', activities: [], connections: [] } };
}

/** Where an activity sits: the composite that holds it and the slot (null for the root). */
export function locate(root: Activity, id: string): { ownerId: string; slot: string } | null {
  for (const owner of allActivities(root)) {
    for (const { name, kind } of slotsOf(owner)) {
      const value = owner[name];
      const children = kind === 'List' ? (value as unknown[]) : kind === 'Single' ? [value] : Object.values(value as object);
      if (children.some(c => isActivity(c) && c.id === id)) return { ownerId: owner.id, slot: name };
    }
  }
  return null;
}

export const idPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The tree with an activity renamed, and its connections in the enclosing flowchart; or the reason it cannot be. */
export function renameActivity(root: Activity, oldId: string, newId: string): Activity | string {
  if (!idPattern.test(newId)) return `'${newId}' is not a valid id: letters, digits, '_', '-' and '.', not starting with '-' or '.'.`;
  if (findActivity(root, newId)) return `The id '${newId}' is already used by another activity.`;
  const activity = findActivity(root, oldId);
  if (!activity) return `There is no activity '${oldId}'.`;
  const place = locate(root, oldId);
  let next = replaceActivity(root, oldId, { ...activity, id: newId });
  if (place) {
    const owner = findActivity(next, place.ownerId)!;
    const renamed: Activity = { ...owner };
    if (owner.connections) renamed.connections = owner.connections.map(c => ({ ...c, from: c.from === oldId ? newId : c.from, to: c.to === oldId ? newId : c.to }));
    if (owner.start === oldId) renamed.start = newId;
    next = replaceActivity(next, owner.id, renamed);
  }
  return next;
}
