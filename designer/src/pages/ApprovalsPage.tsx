// Approvals inbox: pending WaitForApproval requests; approve or reject with a comment.
import { useState } from 'react';
import { api, errorText, type Approval } from '../api';
import { Link } from '../router';
import { Failure, useLoad, when } from './common';

export function ApprovalsPage() {
  const [status, setStatus] = useState('pending');
  const approvals = useLoad(() => api.approvals(status), [status]);
  return (
    <div className="page">
      <div className="page-head">
        <h2>Approvals</h2>
        <select aria-label="Approval status" value={status} onChange={e => setStatus(e.target.value)}>
          {['pending', 'approved', 'rejected', 'cancelled', 'all'].map(s => <option key={s}>{s}</option>)}
        </select>
        <button type="button" onClick={approvals.reload}>Refresh</button>
      </div>
      {approvals.error && <Failure what="The approvals cannot be listed" error={approvals.error} />}
      {approvals.data?.length === 0 && <p className="muted">Nothing {status}.</p>}
      {(approvals.data ?? []).map(a => <ApprovalCard key={a.id} approval={a} onDone={approvals.reload} />)}
    </div>
  );
}

function ApprovalCard({ approval, onDone }: { approval: Approval; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'approve' | 'reject') => {
    try { await api.decide(approval.id, decision, comment); onDone(); } catch (e) { setError(errorText(e)); }
  };
  return (
    <div className="card approval" data-approval={approval.id}>
      <h3>{approval.title}</h3>
      <div className="muted small">{approval.bot} · <Link to={`/runs/${approval.runId}`}>run {approval.runId.slice(0, 8)}</Link> · {approval.activityId} · requested {when(approval.requestedAt)}</div>
      {approval.details && <p className="pre-line">{approval.details}</p>}
      {approval.status === 'pending' ? (
        <>
          <textarea aria-label="Comment" placeholder="Comment" rows={2} value={comment} onChange={e => setComment(e.target.value)} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => decide('approve')}>Approve</button>
            <button type="button" className="danger" onClick={() => decide('reject')}>Reject</button>
          </div>
        </>
      ) : <p>{approval.status} by {approval.decidedBy ?? '?'}{approval.comment ? `: ${approval.comment}` : ''}</p>}
      {error && <div className="error-box">{error}</div>}
    </div>
  );
}
