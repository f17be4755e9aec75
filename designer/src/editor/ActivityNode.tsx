// An activity on the canvas: label, type, one handle per outcome, problems and live status.
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { Problem } from '../api';
import type { ActivityLive } from '../live';
import type { Activity } from '../model/bot';

export interface ActivityNodeData extends Record<string, unknown> {
  activity: Activity; category: string; outcomes: string[]; slots: string[]; connectable: boolean;
  problems: Problem[]; live?: ActivityLive; mapKey?: string; onOpen: (id: string, slot: string) => void;
}

export function ActivityNode({ data, selected }: NodeProps<Node<ActivityNodeData>>) {
  const { activity, live, problems } = data;
  const classes = ['activity-node', `cat-${data.category.replace(/\W/g, '').toLowerCase()}`, selected ? 'selected' : '',
    problems.length ? 'has-problem' : '', live ? `live-${live.status}` : ''].join(' ');
  return (
    <div className={classes} data-id={activity.id} data-status={live?.status ?? ''} title={problems.map(p => p.message).join('\n')}>
      <Handle type="target" position={Position.Top} isConnectable={data.connectable} />
      {data.mapKey && <div className="map-key">case {data.mapKey}</div>}
      <div className="node-label">{activity.displayName ?? activity.id}</div>
      <div className="node-type">{activity.type}</div>
      {live && <span className="badge live-badge" title={`${live.count} execution(s)`}>{live.status === 'running' ? '▶' : live.status === 'ok' ? '✓' : '✕'}{live.count > 1 ? ` ×${live.count}` : ''}</span>}
      {problems.length > 0 && <span className="badge problem-badge">{problems.length}</span>}
      {data.slots.length > 0 && (
        <div className="node-slots">
          {data.slots.map(s => <button key={s} type="button" className="nodrag" onClick={() => data.onOpen(activity.id, s)} title={`Open ${s}`}>{s} ▸</button>)}
        </div>
      )}
      <div className="outcomes">
        {data.outcomes.map((o, i) => (
          <Handle key={o} id={o} type="source" position={Position.Bottom} isConnectable={data.connectable}
            style={{ left: `${((i + 1) * 100) / (data.outcomes.length + 1)}%` }} title={o}>
            {data.outcomes.length > 1 && <span className="outcome-label">{o}</span>}
          </Handle>
        ))}
      </div>
    </div>
  );
}
