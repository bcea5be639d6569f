import { useEffect, type RefObject } from 'react';
import { layerForWidth } from '../../media/encodings';
import { useRoomContext } from './RoomContext';

/**
 * Asks the SFU for the simulcast layer that fits the tile as rendered (small → 0, medium → 1,
 * large → 2), following resizes with a short debounce.
 */
export function useTilePreferredLayer(ref: RefObject<HTMLElement | null>, consumerId: string | null | undefined, debounceMs = 250): void {
  const { actions } = useRoomContext();

  useEffect(() => {
    const element = ref.current;
    if (!element || !consumerId || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = (cssWidth: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => actions.setPreferredLayers(consumerId, layerForWidth(cssWidth * (window.devicePixelRatio || 1))), debounceMs);
    };
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) apply(entry.contentRect.width);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [ref, consumerId, actions, debounceMs]);
}
