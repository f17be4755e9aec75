// The one place that talks to the runtime. Every call goes through `request`, so sign-in (cookies) is added here only.
import type { Bot } from './model/bot';
import type { CredentialSummary } from './model/credentials';

export interface Problem { activityId?: string | null; property?: string | null; message: string }

/** An error answer of the runtime (RFC 9457 problem details), or a network failure. */
export class ApiError extends Error {
  constructor(public status: number, public title: string, public detail: string, public problems: Problem[] = []) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/** The window event the API client raises on a 401: the shell then asks the person to sign in. */
export const signInRequired = 'rpa:sign-in-required';

/** Who is signed in: the user (or API key) name, the role, and whether it is a user or a key. */
export interface Me { name: string; role: string; kind: string }

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'The runtime cannot be reached', `${method} ${url}: ${(e as Error).message}`);
  }
  const text = await response.text();
  let json: unknown = undefined;
  try { json = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
  if (!response.ok) {
    // Not signed in (or the session ended): the shell shows the sign-in form.
    if (response.status === 401 && !url.startsWith('/api/auth/')) window.dispatchEvent(new Event(signInRequired));
    const p = (json ?? {}) as { title?: string; detail?: string; problems?: Problem[] };
    throw new ApiError(response.status, p.title ?? `${response.status} ${response.statusText}`,
      p.detail ?? (json === undefined && text ? `${method} ${url}: ${text.slice(0, 200)}` : `${method} ${url} answered ${response.status}`), p.problems ?? []);
  }
  return json as T;
}

export interface InputDescriptor {
  name: string; type: string; description: string; required: boolean; default: unknown; secret: boolean;
  literalOnly: boolean; options: string[] | null; editor: string | null;
}
export interface ActivityDescriptor {
  type: string; category: string; displayName: string; description: string; inputs: InputDescriptor[];
  outputs: { name: string; type: string; description: string }[]; slots: { name: string; kind: 'Single' | 'List' | 'Map'; description: string }[];
  outcomes: string[]; dynamicOutcomes: boolean; isFlowchart: boolean;
}
export interface BotSummary { name: string; description: string | null; latestVersion: number; publishedVersion: number | null; createdAt: string; updatedAt: string }
export interface BotVersion { bot: string; version: number; published: boolean; queue: string; createdAt: string; definition: Bot }
export interface Run {
  id: string; bot: string; version: number; trigger: string; status: string; queue: string; inputs: Record<string, unknown> | null;
  outputs: Record<string, unknown> | null; error: RunError | null; createdAt: string; startedAt: string | null; endedAt: string | null;
  worker: string | null; attempts: number; cancelRequested: boolean;
}
export interface RunError { activityId?: string; activityType?: string; path?: string; message: string; cause?: string; artifacts?: string[] }
export interface JournalEntry {
  sequence: number; parent: number | null; activityId: string; activityType: string; path: string; iteration: number | null;
  status: string; outcome: string | null; startedAt: string; endedAt: string | null; durationMs: number | null;
  inputs: Record<string, unknown> | null; outputs: Record<string, unknown> | null; error: RunError | null;
}
export interface RunLog { sequence: number; timestamp: string; level: string; activityId: string | null; message: string; exception: string | null }
export interface Artifact { id: string; name: string; size: number; createdAt: string; download: string }
export interface Approval {
  id: string; runId: string; bot: string; activityId: string; title: string; details: string | null; requestedAt: string;
  status: string; decidedBy: string | null; comment: string | null;
}
export interface QueueSummary { name: string; bot?: string | null; counts: Record<string, number> }
export interface QueueItem { id: string; status: string; [key: string]: unknown }
export interface RunStats {
  from: string; days: number; runs: number; truncated: boolean;
  perDay: { date: string; statuses: Record<string, number> }[];
  perBot: { bot: string; runs: number; succeeded: number; failed: number; successRate: number | null; averageDurationMs: number | null;
    p95DurationMs: number | null; slaSeconds: number | null; slaBreaches: number }[];
}

const enc = encodeURIComponent;
export const api = {
  me: () => request<Me>('GET', '/api/auth/me'),
  signIn: (userName: string, password: string) => request<Me>('POST', '/api/auth/sign-in', { userName, password }),
  signOut: () => request<void>('POST', '/api/auth/sign-out'),
  activities: () => request<ActivityDescriptor[]>('GET', '/api/activities'),
  bots: () => request<BotSummary[]>('GET', '/api/bots'),
  botVersion: (name: string, version: number | 'latest' | 'published') => request<BotVersion>('GET', `/api/bots/${enc(name)}/versions/${version}`),
  saveBot: (bot: Bot | string) => request<BotVersion>('POST', '/api/bots', typeof bot === 'string' ? bot : JSON.stringify(bot)),
  publish: (name: string, version: number) => request<BotSummary>('POST', `/api/bots/${enc(name)}/versions/${version}/publish`),
  validate: (bot: Bot) => request<{ bot: string | null; valid: boolean; problems: Problem[] }>('POST', '/api/bots/validate', JSON.stringify(bot)),
  startRun: (bot: string, inputs: Record<string, unknown>, version?: number) => request<Run>('POST', '/api/runs', { bot, version, inputs }),
  runs: (query: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]).toString();
    return request<Run[]>('GET', `/api/runs${q ? `?${q}` : ''}`);
  },
  run: (id: string) => request<Run>('GET', `/api/runs/${id}`),
  journal: (id: string) => request<JournalEntry[]>('GET', `/api/runs/${id}/journal`),
  logs: (id: string) => request<RunLog[]>('GET', `/api/runs/${id}/logs`),
  artifacts: (id: string) => request<Artifact[]>('GET', `/api/runs/${id}/artifacts`),
  cancel: (id: string) => request<Run>('POST', `/api/runs/${id}/cancel`),
  approvals: (status: string) => request<Approval[]>('GET', `/api/approvals?status=${enc(status)}`),
  decide: (id: string, decision: 'approve' | 'reject', comment: string) => request<Approval>('POST', `/api/approvals/${enc(id)}/${decision}`, { comment }),
  queues: () => request<QueueSummary[]>('GET', '/api/queues'),
  queueItems: (name: string, status: string) => request<QueueItem[]>('GET', `/api/queues/${enc(name)}/items${status ? `?status=${enc(status)}` : ''}`),
  triggers: () => request<Record<string, unknown>[]>('GET', '/api/triggers'),
  /** The vault's credentials: names, kinds and dates, never values (Engineer and above). */
  credentials: () => request<CredentialSummary[]>('GET', '/api/credentials'),
  runStats: (days: number) => request<RunStats>('GET', `/api/stats/runs?days=${days}`),
  /** The live events of a run (server-sent events); the caller closes it. */
  runEvents: (id: string) => new EventSource(`/api/runs/${id}/events`, { withCredentials: true }),
};

export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
}
