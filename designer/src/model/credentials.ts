// The credentials picker of GetCredential's name: the vault's names (GET /api/credentials lists names and kinds,
// never values), and what to say when the list cannot be read.
import { ApiError } from '../api';

export interface CredentialSummary { name: string; kind: string }
export interface CredentialChoice { name: string; label: string }

/**
 * The options of the picker: the vault's credentials by name, "name (kind)"; a name the bot already uses that the vault
 * does not have stays choosable, marked, so opening a bot never changes its value.
 */
export function credentialChoices(credentials: CredentialSummary[], value: unknown): CredentialChoice[] {
  const choices = [...credentials]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(c => ({ name: c.name, label: `${c.name} (${c.kind})` }));
  if (typeof value === 'string' && value !== '' && !credentials.some(c => c.name === value)) {
    choices.push({ name: value, label: `${value} (not in the vault)` });
  }
  return choices;
}

/** Why the picker shows a text box instead: the runtime's own message (a 403 names the role it needs). */
export function credentialListProblem(error: unknown): string {
  const reason = error instanceof ApiError ? (error.detail || error.message) : error instanceof Error ? error.message : String(error);
  return `The credential list cannot be read (${reason}); type the credential's name.`;
}
