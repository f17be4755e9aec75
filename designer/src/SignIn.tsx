// The sign-in form: shown when the runtime answers 401 (no session, or it ended).
import { useState } from 'react';
import { api, ApiError } from './api';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.signIn(userName, password);
      onSignedIn();
    } catch (err) {
      setError(err instanceof ApiError ? (err.detail || err.title) : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page sign-in">
      <form onSubmit={submit} aria-label="Sign in">
        <h1>Sign in to Rpa</h1>
        <label>User name <input value={userName} onChange={e => setUserName(e.target.value)} autoComplete="username" autoFocus required /></label>
        <label>Password <input type="password" value={password} onChange={e => setPassword(e.target.value)} autoComplete="current-password" required /></label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>Sign in</button>
        <p className="muted">First start: open the one-time link `rpa serve` printed on its console to set the admin's password.</p>
      </form>
    </div>
  );
}
