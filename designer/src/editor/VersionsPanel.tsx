// Compare the bot being edited with a saved version: a line diff of the two bot.json documents.
import { useEffect, useState } from 'react';
import { api, errorText } from '../api';
import type { Bot } from '../model/bot';
import { changesOnly, diffLines, type DiffLine } from '../model/diff';

export function VersionsPanel({ bot, latest }: { bot: Bot; latest: number | null }) {
  const [version, setVersion] = useState<number | null>(latest);
  const [lines, setLines] = useState<DiffLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (version === null) return;
    let gone = false;
    api.botVersion(bot.name, version).then(v => {
      if (!gone) { setLines(changesOnly(diffLines(JSON.stringify(v.definition, null, 2), JSON.stringify(bot, null, 2)))); setError(null); }
    }, e => !gone && setError(errorText(e)));
    return () => { gone = true; };
  }, [bot, version]);
  if (latest === null) return <p className="muted">Not saved yet: there is no version to compare with.</p>;
  return (
    <div className="versions">
      <label className="field">Compare the editor with version
        <select aria-label="Version" value={version ?? ''} onChange={e => setVersion(Number(e.target.value))}>
          {Array.from({ length: latest }, (_, i) => latest - i).map(v => <option key={v} value={v}>v{v}</option>)}
        </select>
      </label>
      {error && <div className="error-box">{error}</div>}
      {lines && lines.length === 0 && <p className="muted">No differences.</p>}
      {lines && lines.length > 0 && (
        <pre className="diff">{lines.map((l, i) => <div key={i} className={`diff-${l.kind}`}>{l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}{l.text}</div>)}</pre>
      )}
    </div>
  );
}
