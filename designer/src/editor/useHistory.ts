// Undo and redo over immutable states. Changes with the same coalesce key in a row (typing in one field) are one step.
import { useCallback, useRef, useState } from 'react';

export function useHistory<T>(initial: T) {
  const [state, setState] = useState<{ past: T[]; present: T; future: T[] }>({ past: [], present: initial, future: [] });
  const lastKey = useRef<string | undefined>(undefined);
  const set = useCallback((next: T, coalesce?: string) => {
    setState(s => {
      const merge = coalesce !== undefined && coalesce === lastKey.current;
      lastKey.current = coalesce;
      return { past: merge ? s.past : [...s.past, s.present].slice(-200), present: next, future: [] };
    });
  }, []);
  const undo = useCallback(() => { lastKey.current = undefined; setState(s => (s.past.length ? { past: s.past.slice(0, -1), present: s.past[s.past.length - 1], future: [s.present, ...s.future] } : s)); }, []);
  const redo = useCallback(() => { lastKey.current = undefined; setState(s => (s.future.length ? { past: [...s.past, s.present], present: s.future[0], future: s.future.slice(1) } : s)); }, []);
  const reset = useCallback((value: T) => { lastKey.current = undefined; setState({ past: [], present: value, future: [] }); }, []);
  return { present: state.present, set, undo, redo, reset, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}
