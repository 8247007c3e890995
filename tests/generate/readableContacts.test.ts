/** Generated contacts stay readable the way real diverters write them: a bare one-letter alias never glues onto a letter id. */
import { describe, expect, it } from 'vitest';
import { readableJoin } from '#scripts/generate/contactObfuscation';

describe('readable contacts', () => {
  it('puts a separator between a bare latin alias and a letter id, and leaves other texts alone', () => {
    expect(readableJoin('找我➕Vxiaoyu-5673，主页不常看', 'V', 'xiaoyu-5673')).toBe('找我➕V：xiaoyu-5673，主页不常看');
    expect(readableJoin('Vmm-1031喵麻薯', 'V', 'mm-1031')).toBe('V：mm-1031喵麻薯');
    expect(readableJoin('微信mm-1031', '微信', 'mm-1031')).toBe('微信mm-1031');
    expect(readableJoin('V13800138000', 'V', '13800138000')).toBe('V13800138000');
  });
});
