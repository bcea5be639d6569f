import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { SharedViewingClient, SharedViewingSnapshot } from '../../features/imaging/shared-viewing-client';
import { retainSharedViewing, sharedViewingFor } from '../../features/imaging/shared-viewing-registry';

export interface UseSharedViewing {
  snapshot: SharedViewingSnapshot;
  isPresenter: boolean;
  client: SharedViewingClient;
}

/** The consultation's shared viewing, joined for as long as some component uses it. */
export function useSharedViewing(consultationId: string): UseSharedViewing {
  const client = useMemo(() => sharedViewingFor(consultationId), [consultationId]);
  useEffect(() => retainSharedViewing(consultationId, client), [consultationId, client]);
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot);
  const isPresenter = snapshot.memberId !== null && snapshot.session.presenter?.memberId === snapshot.memberId;
  return { snapshot, isPresenter, client };
}
