import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import type { LiveState } from './live-state.ts';
import { createLiveStore, type LiveStore } from './live-store.ts';

const LiveContext = createContext<LiveStore | null>(null);

/** One live connection for the whole app, so moving between pages keeps the stream open. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createLiveStore());
  useEffect(() => () => store.disconnect(), [store]);
  return <LiveContext.Provider value={store}>{children}</LiveContext.Provider>;
}

export function useLiveStore(): LiveStore {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useLiveStore must be used inside <LiveProvider>');
  return store;
}

export function useLiveState(): LiveState {
  const store = useLiveStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
