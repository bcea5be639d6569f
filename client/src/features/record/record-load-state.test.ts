import { describe, expect, it } from 'vitest';
import { recordFixture } from './record-fixture';
import { initialRecordState, recordReducer, type RecordState } from './record-load-state';
import { buildRecordModel } from './record-model';

const NOW = new Date('2026-11-23T02:00:00Z');
const complete = buildRecordModel(recordFixture(), NOW);
const partial = buildRecordModel(recordFixture({ failed: [{ part: 'observations', resourceType: 'Observation', reason: 'unavailable', message: 'timeout' }], partial: true }), NOW);

function run(...events: Parameters<typeof recordReducer>[1][]): RecordState {
  return events.reduce(recordReducer, initialRecordState);
}

describe('recordReducer', () => {
  it('loads into ready, marking a record with failed parts as partial', () => {
    expect(run({ type: 'start', key: 'c1' }, { type: 'loaded', key: 'c1', model: complete })).toMatchObject({ status: 'ready', partial: false, refreshing: false });
    expect(run({ type: 'start', key: 'c1' }, { type: 'loaded', key: 'c1', model: partial })).toMatchObject({ status: 'ready', partial: true });
  });

  it('shows the error when the first load fails (HIS down), and loads again on retry', () => {
    const failed = run({ type: 'start', key: 'c1' }, { type: 'failed', code: 'upstream_unavailable' });
    expect(failed).toEqual({ status: 'error', code: 'upstream_unavailable' });
    expect(recordReducer(failed, { type: 'start', key: 'c1' })).toEqual({ status: 'loading' });
  });

  it('keeps the record on screen while refreshing and when the refresh fails', () => {
    const refreshing = run({ type: 'start', key: 'c1' }, { type: 'loaded', key: 'c1', model: complete }, { type: 'start', key: 'c1' });
    expect(refreshing).toMatchObject({ status: 'ready', model: complete, refreshing: true });
    expect(recordReducer(refreshing, { type: 'failed', code: 'upstream_unavailable' })).toMatchObject({ status: 'ready', model: complete, refreshing: false, refreshError: 'upstream_unavailable' });
    expect(recordReducer(refreshing, { type: 'loaded', key: 'c1', model: partial })).toMatchObject({ model: partial, partial: true, refreshError: null });
  });

  it('never shows the previous consultation\'s record while another loads', () => {
    const ready = run({ type: 'start', key: 'c1' }, { type: 'loaded', key: 'c1', model: complete });
    expect(recordReducer(ready, { type: 'start', key: 'c2' })).toEqual({ status: 'loading' });
  });

  it('drops the record when access is withdrawn', () => {
    const ready = run({ type: 'start', key: 'c1' }, { type: 'loaded', key: 'c1', model: complete }, { type: 'start', key: 'c1' });
    expect(recordReducer(ready, { type: 'failed', code: 'forbidden' })).toEqual({ status: 'error', code: 'forbidden' });
  });
});
