// Activities to drag onto the canvas, grouped by category, from the runtime's descriptors (GET /api/activities).
import { useState } from 'react';
import type { ActivityDescriptor } from '../api';

export const dragType = 'application/x-rpa-activity';

export function Palette({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd: (type: string) => void }) {
  const [search, setSearch] = useState('');
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = descriptors.filter(d => words.every(w => `${d.type} ${d.displayName} ${d.category} ${d.description}`.toLowerCase().includes(w)));
  const categories = [...new Set(shown.map(d => d.category))];
  return (
    <aside className="palette" aria-label="Palette">
      <input type="search" placeholder="Search activities" aria-label="Search activities" value={search} onChange={e => setSearch(e.target.value)} />
      {categories.map(category => (
        <details key={category} open>
          <summary>{category}</summary>
          {shown.filter(d => d.category === category).map(d => (
            <div key={d.type} className="palette-item" draggable title={d.description} data-type={d.type}
              onDragStart={e => { e.dataTransfer.setData(dragType, d.type); e.dataTransfer.effectAllowed = 'move'; }}
              onDoubleClick={() => onAdd(d.type)}>
              {d.displayName}
            </div>
          ))}
        </details>
      ))}
      {shown.length === 0 && <p className="muted">No activity matches '{search}'.</p>}
    </aside>
  );
}
