import { describe, expect, it } from 'vitest';
import { SignalingError, wrongNodeOf } from './signaling-error';

describe('wrongNodeOf', () => {
  it('names the node of a wrong_node refusal', () => {
    expect(wrongNodeOf(new SignalingError('wrong_node', 'elsewhere', { node: 'node2' }))).toBe('node2');
  });

  it('ignores other errors, a missing node and a node name that could not be a server name', () => {
    expect(wrongNodeOf(new SignalingError('unavailable', 'x', { node: 'node2' }))).toBeNull();
    expect(wrongNodeOf(new SignalingError('wrong_node', 'x'))).toBeNull();
    expect(wrongNodeOf(new SignalingError('wrong_node', 'x', { node: 'node2&consultation=x' }))).toBeNull();
    expect(wrongNodeOf(new Error('wrong_node'))).toBeNull();
  });
});
