import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { credentialChoices, credentialListProblem } from './credentials';

describe('credentials picker', () => {
  it('lists the vault by name with the kind shown', () => {
    const choices = credentialChoices([{ name: 'mail', kind: 'Smtp' }, { name: 'crm', kind: 'UsernamePassword' }], undefined);
    expect(choices).toEqual([
      { name: 'crm', label: 'crm (UsernamePassword)' },
      { name: 'mail', label: 'mail (Smtp)' },
    ]);
  });

  it('keeps a name the bot uses that the vault does not have, marked', () => {
    const choices = credentialChoices([{ name: 'crm', kind: 'UsernamePassword' }], 'erp');
    expect(choices.map(c => c.label)).toEqual(['crm (UsernamePassword)', 'erp (not in the vault)']);
    expect(credentialChoices([{ name: 'crm', kind: 'UsernamePassword' }], 'crm')).toHaveLength(1);
  });

  it('says why the list cannot be read in the runtime\'s words', () => {
    const forbidden = new ApiError(403, 'Forbidden', 'GET /api/credentials needs the role Engineer or higher; olga is Operator.');
    expect(credentialListProblem(forbidden)).toBe(
      "The credential list cannot be read (GET /api/credentials needs the role Engineer or higher; olga is Operator.); type the credential's name.");
    expect(credentialListProblem(new ApiError(0, 'The runtime cannot be reached', ''))).toContain('The runtime cannot be reached');
  });
});
