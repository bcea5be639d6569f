import type { ApiErrorCode } from '../../api/api-error';
import type { RecordModel } from './record-model';

/**
 * Loading the record: the first load shows a skeleton, a failure with nothing loaded shows an error
 * banner, and a failed or pending refresh keeps the record already on screen (the consultation goes on).
 */
export type RecordState =
  | { status: 'loading' }
  | {
      status: 'ready';
      key: string;
      model: RecordModel;
      /** Some parts could not be loaded (`model.failures`). */
      partial: boolean;
      /** A refresh / retry is in flight; the record shown stays until it answers. */
      refreshing: boolean;
      /** The last refresh failed; the record shown is the earlier one. */
      refreshError: ApiErrorCode | null;
    }
  | { status: 'error'; code: ApiErrorCode };

/** `key` is the consultation: starting another one never shows the previous patient's record. */
export type RecordEvent = { type: 'start'; key: string } | { type: 'loaded'; key: string; model: RecordModel } | { type: 'failed'; code: ApiErrorCode };

export const initialRecordState: RecordState = { status: 'loading' };

export function recordReducer(state: RecordState, event: RecordEvent): RecordState {
  switch (event.type) {
    case 'start':
      return state.status === 'ready' && state.key === event.key ? { ...state, refreshing: true, refreshError: null } : { status: 'loading' };
    case 'loaded':
      return { status: 'ready', key: event.key, model: event.model, partial: event.model.failures.length > 0, refreshing: false, refreshError: null };
    case 'failed':
      // Access withdrawn (consultation ended, participant removed): stop showing the record at once.
      if (state.status === 'ready' && event.code !== 'forbidden' && event.code !== 'unauthorized') return { ...state, refreshing: false, refreshError: event.code };
      return { status: 'error', code: event.code };
  }
}
