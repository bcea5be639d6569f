import { describe, expect, it } from 'vitest';
import { reasonHasSubstance } from './reason';

describe('reasons of substance', () => {
  it('refuses placeholders, repeated characters and too little text', () => {
    for (const r of ['测试', ' 测试。', 'test', 'OK', '无', '好的', 'aaaaaaaaaaaaaaaa', '1111111', '负荷量', 'loading', '']) expect(reasonHasSubstance(r), r).toBe(false);
  });
  it('accepts a short clinical reason in Chinese or English', () => {
    for (const r of ['既往长期服用，耐受良好', '负荷剂量首日', 'loading dose on day one', '已查肾功能正常']) expect(reasonHasSubstance(r), r).toBe(true);
  });
});
