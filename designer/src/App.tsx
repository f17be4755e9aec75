// The shell: navigation and the pages, chosen by the path.
import { useEffect, useState } from 'react';
import { api, ApiError, signInRequired, type Me } from './api';
import { BotEditor } from './editor/BotEditor';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { BotsPage } from './pages/BotsPage';
import { Failure, useLoad } from './pages/common';
import { DashboardPage } from './pages/DashboardPage';
import { QueuesPage } from './pages/QueuesPage';
import { RunDetailPage } from './pages/RunDetailPage';
import { RunsPage } from './pages/RunsPage';
import { TriggersPage } from './pages/TriggersPage';
import { Link, match, useLocation } from './router';
import { SignIn } from './SignIn';

const sections = [['/', 'Bots'], ['/runs', 'Runs'], ['/approvals', 'Approvals'], ['/queues', 'Queues'], ['/dashboard', 'Dashboard']];

/** Asks who is signed in; shows the sign-in form until someone is, and again when a call answers 401. */
export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const check = () => api.me().then(setMe, (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) setMe(null);
    else setProblem(e instanceof Error ? e.message : String(e));
  });
  useEffect(() => {
    void check();
    const ask = () => setMe(null);
    window.addEventListener(signInRequired, ask);
    return () => window.removeEventListener(signInRequired, ask);
  }, []);
  if (problem) return <div className="page"><Failure what="The runtime cannot be reached" error={problem} /></div>;
  if (me === undefined) return <div className="page muted">Loading…</div>;
  if (me === null) return <SignIn onSignedIn={() => void check()} />;
  return <Shell me={me} onSignedOut={() => setMe(null)} />;
}

function Shell({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { path, query } = useLocation();
  const descriptors = useLoad(() => api.activities(), []);
  let page: React.ReactNode;
  let params: Record<string, string> | null;
  if ((params = match('/bots/:name/triggers', path))) page = <TriggersPage name={params.name} />;
  else if ((params = match('/bots/:name', path))) {
    page = descriptors.error ? <div className="page"><Failure what="The activities cannot be read from the runtime" error={descriptors.error} /></div>
      : descriptors.data ? <BotEditor key={params.name} name={params.name} isNew={query.get('new') === '1'} descriptors={descriptors.data} />
        : <div className="page muted">Loading activities…</div>;
  } else if ((params = match('/runs/:id', path))) page = <RunDetailPage id={params.id} />;
  else if (path.startsWith('/runs')) page = <RunsPage />;
  else if (path === '/approvals') page = <ApprovalsPage />;
  else if (path === '/queues') page = <QueuesPage />;
  else if (path === '/dashboard') page = <DashboardPage />;
  else if (path === '/' || path === '') page = <BotsPage />;
  else page = <div className="page"><Failure what="Not found" error={`There is no page at ${path}.`} /></div>;
  const active = sections.filter(([to]) => (to === '/' ? path === '/' || path.startsWith('/bots') : path.startsWith(to))).map(([to]) => to)[0];
  return (
    <div className="app">
      <nav className="nav">
        <span className="brand">Rpa</span>
        {sections.map(([to, label]) => <Link key={to} to={to} className={to === active ? 'on' : ''}>{label}</Link>)}
        <span className="who" title={`signed in as ${me.name} (${me.role})`}>{me.name} · {me.role}</span>
        <button className="link" onClick={() => void api.signOut().finally(onSignedOut)}>Sign out</button>
      </nav>
      {page}
    </div>
  );
}
