import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicy } from '#shared/policy/loadPolicy';

describe('policy: the platform\'s own domains', () => {
  it('are optional (the detectors then use Xiaohongshu\'s) and, when given, must be plain lower-case domains', () => {
    expect(parsePolicy(defaultPolicy(), 'default').platform).toBeUndefined();
    const yt = parsePolicy({ ...defaultPolicy(), platform: { ownDomains: ['youtube.com', 'youtu.be'] } }, 'yt.json');
    expect(yt.platform?.ownDomains).toEqual(['youtube.com', 'youtu.be']);
    expect(() => parsePolicy({ ...defaultPolicy(), platform: { ownDomains: ['https://youtube.com/'] } }, 'bad.json')).toThrow(/bad\.json.*platform\.ownDomains\.0.*lower-case domain/s);
    expect(() => parsePolicy({ ...defaultPolicy(), platform: { ownDomains: [] } }, 'empty.json')).toThrow(/platform\.ownDomains/);
  });
});
