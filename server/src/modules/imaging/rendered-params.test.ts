import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { renderedQuery } from './rendered-params';

const refused = (query: Record<string, unknown>) => {
  try {
    renderedQuery(query);
  } catch (err) {
    return err instanceof AppError && err.code === 'bad_request';
  }
  return false;
};

describe('rendered-image parameters', () => {
  it('passes the bounded parameters a viewer uses, normalised', () => {
    expect(Object.fromEntries(renderedQuery({}))).toEqual({});
    expect(Object.fromEntries(renderedQuery({ viewport: '96,96' }))).toEqual({ viewport: '96,96' });
    expect(Object.fromEntries(renderedQuery({ viewport: '2048,2048,0,0,512,512', quality: '90', window: '40,400,linear' }))).toEqual({
      viewport: '2048,2048,0,0,512,512',
      quality: '90',
      window: '40,400,linear',
    });
  });

  it('refuses huge viewports, unknown qualities, unknown and repeated parameters', () => {
    for (const q of [
      { viewport: '999999,999999' },
      { viewport: '2049,10' },
      { viewport: '0,10' },
      { viewport: '-5,10' },
      { viewport: '10' },
      { viewport: '10,10,10' },
      { viewport: '1e9,1' },
      { viewport: 'NaN,1' },
      { viewport: ['96,96', '97,97'] },
      { quality: '101' },
      { quality: '0' },
      { quality: 'high' },
      { window: '40,0,linear' },
      { window: '40,400,cubic' },
      { annotation: 'patient' },
      { charset: 'utf-8' },
      { viewport: { a: 1 } },
    ]) {
      expect(refused(q), JSON.stringify(q)).toBe(true);
    }
  });
});
