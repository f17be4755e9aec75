// What the properties panel offers to pick from: the variables an activity can write, the bot's tables, and the
// column names seen in their sample data (defaults and initial values).
import type { Bot } from './bot';

export interface Picks { variables: string[]; tables: string[]; columns: string[] }

export function picksOf(bot: Bot): Picks {
  const values = [
    ...(bot.inputs ?? []).map(a => ({ name: a.name, type: a.type, data: a.default, writable: false })),
    ...(bot.outputs ?? []).map(a => ({ name: a.name, type: a.type, data: a.default, writable: true })),
    ...(bot.variables ?? []).map(v => ({ name: v.name, type: v.type, data: v.value, writable: true })),
  ];
  const tables = values.filter(v => ['table', 'list', 'array'].includes(v.type.toLowerCase()));
  const columns = new Set<string>();
  for (const table of tables) {
    if (!Array.isArray(table.data)) continue;
    for (const row of table.data) if (row && typeof row === 'object' && !Array.isArray(row)) Object.keys(row).forEach(c => columns.add(c));
  }
  return { variables: values.filter(v => v.writable).map(v => v.name), tables: tables.map(t => t.name), columns: [...columns] };
}
