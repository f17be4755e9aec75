// Auto-layout of a canvas with dagre: top to bottom, along the connections.
import dagre from '@dagrejs/dagre';
import type { CanvasModel, Point } from './canvas';

export const nodeSize = { width: 220, height: 76 };

export function autoLayout(model: CanvasModel): Record<string, Point> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: model.kind === 'map' ? 'LR' : 'TB', nodesep: 50, ranksep: 60 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of model.nodes) graph.setNode(node.id, { ...nodeSize });
  for (const edge of model.edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return Object.fromEntries(model.nodes.map(n => {
    const p = graph.node(n.id);
    return [n.id, { x: Math.round(p.x - nodeSize.width / 2), y: Math.round(p.y - nodeSize.height / 2) }];
  }));
}
