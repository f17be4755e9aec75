import { describe, expect, it } from 'vitest';
import { picksOf } from './picks';

describe('pickers', () => {
  it('offers writable variables, the tables of the bot and the columns of their sample rows', () => {
    const picks = picksOf({
      name: 'b', root: { id: 'r', type: 'Sequence' },
      inputs: [{ name: 'invoices', type: 'table', default: [{ Number: 'INV-1', Amount: 1 }, { Number: 'INV-2', Vendor: 'Acme' }] }, { name: 'limit', type: 'number' }],
      outputs: [{ name: 'flagged', type: 'list' }],
      variables: [{ name: 'total', type: 'number', value: 0 }],
    });
    expect(picks.variables).toEqual(['flagged', 'total']);
    expect(picks.tables).toEqual(['invoices', 'flagged']);
    expect(picks.columns).toEqual(['Number', 'Amount', 'Vendor']);
  });
});
