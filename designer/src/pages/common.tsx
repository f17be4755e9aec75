// Small shared pieces of the pages: loading a resource with its error shown, a status chip, dates and durations.
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../api';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let gone = false;
    load().then(data => !gone && setState({ data, error: null }), e => !gone && setState({ data: null, error: errorText(e) }));
    return () => { gone = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick(t => t + 1), []);
  return { ...state, reload };
}

export function Failure({ what, error }: { what: string; error: string }) {
  return <div className="error-box" role="alert"><b>{what}:</b> {error}</div>;
}

export function Status({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{status}</span>;
}

export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '';
}

export function duration(from: string | null, to: string | null): string {
  if (!from || !to) return '';
  return ms(new Date(to).getTime() - new Date(from).getTime());
}

export function ms(value: number | null | undefined): string {
  if (value == null) return '';
  return value < 1000 ? `${Math.round(value)} ms` : value < 60000 ? `${(value / 1000).toFixed(1)} s` : `${Math.floor(value / 60000)} min ${Math.round((value % 60000) / 1000)} s`;
}
