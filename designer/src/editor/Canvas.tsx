// The canvas of one container (a slot of a composite): React Flow over the pure canvas model.
import { useEffect, useMemo, useState } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, useReactFlow,
  type Connection, type Edge, type EdgeChange, type Node, type NodeChange,
} from '@xyflow/react';
import type { ActivityDescriptor, Problem } from '../api';
import type { ActivityLive } from '../live';
import { slotsOf, type Activity } from '../model/bot';
import { applyCanvas, connect, moveNodes, removeEdges, removeNodes, toCanvas, type CanvasModel, type Point } from '../model/canvas';
import { ActivityNode, type ActivityNodeData } from './ActivityNode';
import { dragType } from './Palette';

const nodeTypes = { activity: ActivityNode };

interface Props {
  owner: Activity; slot: string; descriptors: Map<string, ActivityDescriptor>;
  problems: Map<string, Problem[]>; live: Map<string, ActivityLive> | null; selected: string[]; readOnly: boolean;
  onChange: (owner: Activity) => void; onSelect: (ids: string[]) => void; onOpen: (id: string, slot: string) => void;
  onDropActivity: (type: string, position: Point) => void;
}

/** The outcomes a node offers: its type's, plus one per case of a Switch. */
export function outcomesOf(activity: Activity, descriptor: ActivityDescriptor | undefined): string[] {
  const outcomes = descriptor?.outcomes ?? ['Done'];
  if (!descriptor?.dynamicOutcomes) return outcomes;
  const cases = slotsOf(activity).filter(s => s.kind === 'Map').flatMap(s => Object.keys(activity[s.name] as object));
  return [...cases, ...outcomes];
}

export function Canvas(props: Props) {
  const { owner, slot, descriptors, problems, live, selected, readOnly } = props;
  const model = useMemo(() => toCanvas(owner, slot), [owner, slot]);
  const flow = useReactFlow();
  const commit = (next: CanvasModel) => props.onChange(applyCanvas(owner, slot, next));

  const toNodes = (): Node<ActivityNodeData>[] => model.nodes.map(n => {
    const descriptor = descriptors.get(n.activity.type);
    const slots = [...new Set([...(descriptor?.slots.map(s => s.name) ?? []), ...slotsOf(n.activity).map(s => s.name)])];
    return {
      id: n.id, type: 'activity', position: n.position, selected: selected.includes(n.id),
      data: {
        activity: n.activity, category: descriptor?.category ?? 'unknown', outcomes: model.kind === 'flowchart' ? outcomesOf(n.activity, descriptor) : ['Done'],
        slots, connectable: model.kind === 'flowchart' && !readOnly, problems: problems.get(n.id) ?? [], live: live?.get(n.id), mapKey: n.key, onOpen: props.onOpen,
      },
    };
  });
  const toEdges = (): Edge[] => model.edges.map(e => ({
    id: e.id, source: e.source, target: e.target, sourceHandle: model.kind === 'flowchart' ? e.outcome : null,
    label: e.outcome && e.outcome !== 'Done' ? e.outcome : undefined, deletable: model.kind === 'flowchart' && !readOnly,
    className: live?.get(e.source)?.status === 'ok' && live?.get(e.target) ? 'edge-taken' : '',
  }));
  // Fit the view to what is there when the canvas opens; an empty canvas keeps zoom 1 (no jump at the first drop).
  const [fitOnOpen] = useState(() => model.nodes.length > 0);
  const [nodes, setNodes] = useState(toNodes);
  const [edges, setEdges] = useState(toEdges);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { setNodes(toNodes()); setEdges(toEdges()); }, [model, problems, live, selected, descriptors, readOnly]);

  const onNodesChange = (changes: NodeChange<Node<ActivityNodeData>>[]) => {
    setNodes(ns => applyNodeChanges(changes.filter(c => c.type !== 'remove'), ns));
    const selections = changes.filter(c => c.type === 'select');
    if (selections.length > 0) {
      const ids = new Set(selected);
      for (const c of selections) if (c.type === 'select') { if (c.selected) ids.add(c.id); else ids.delete(c.id); }
      props.onSelect([...ids]);
    }
  };
  const onEdgesChange = (changes: EdgeChange[]) => setEdges(es => applyEdgeChanges(changes.filter(c => c.type !== 'remove'), es));

  return (
    <div className="canvas" onDragOver={e => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }}
      onDrop={e => {
        const type = e.dataTransfer.getData(dragType);
        if (!type || readOnly) return;
        e.preventDefault();
        const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
        props.onDropActivity(type, { x: Math.round(p.x - 110), y: Math.round(p.y - 30) });
      }}>
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
        nodesDraggable={!readOnly} nodesConnectable={!readOnly} deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        onConnect={(c: Connection) => c.source && c.target && commit(connect(model, c.source, c.sourceHandle ?? 'Done', c.target))}
        onNodeDragStop={(_, __, dragged) => commit(moveNodes(model, Object.fromEntries(dragged.map(n => [n.id, n.position]))))}
        onDelete={({ nodes: gone, edges: cut }) => commit(removeEdges(removeNodes(model, gone.map(n => n.id)), cut.map(e => e.id)))}
        onNodeDoubleClick={(_, node) => { const s = (node.data as ActivityNodeData).slots[0]; if (s) props.onOpen(node.id, s); }}
        onPaneClick={() => props.onSelect([])}
        defaultEdgeOptions={{ type: 'smoothstep' }} fitView={fitOnOpen} fitViewOptions={{ maxZoom: 1.2 }} minZoom={0.2} proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls />
        <MiniMap pannable zoomable />
      </ReactFlow>
      {model.nodes.length === 0 && <div className="canvas-empty">Drag activities here from the palette{model.kind === 'single' ? ` (the '${slot}' slot holds one activity)` : ''}.</div>}
    </div>
  );
}
