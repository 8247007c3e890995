import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicy } from '#shared/policy/loadPolicy';

describe("policy: the platform's own domains", () => {
  it("are optional (the detectors then use Xiaohongshu's) and, when given, must be plain lower-case domains", () => {
    expect(parsePolicy(defaultPolicy(), 'default').platform).toBeUndefined();
    const yt = parsePolicy({ ...defaultPolicy(), platform: { ownDomains: ['youtube.com', 'youtu.be'] } }, 'yt.json');
    expect(yt.platform?.ownDomains).toEqual(['youtube.com', 'youtu.be']);
    expect(() => parsePolicy({ ...defaultPolicy(), platform: { ownDomains: ['https://youtube.com/'] } }, 'bad.json')).toThrow(/bad\.json.*platform\.ownDomains\.0.*lower-case domain/s);
    expect(() => parsePolicy({ ...defaultPolicy(), platform: { ownDomains: [] } }, 'empty.json')).toThrow(/platform\.ownDomains/);
  });
});

describe('policy: lexicons', () => {
  it('take added phrases or a replacing pattern per known lexicon; an unknown lexicon or a broken pattern is refused, naming it', () => {
    const ok = parsePolicy({ ...defaultPolicy(), lexicons: { absoluteClaims: { add: ['宇宙第一'] }, selfPromotion: { pattern: 'check my page' } } }, 'ops.json');
    expect(ok.lexicons?.absoluteClaims?.add).toEqual(['宇宙第一']);
    expect(() => parsePolicy({ ...defaultPolicy(), lexicons: { medicalClaims: { pattern: '(unclosed' } } }, 'bad.json')).toThrow(
      /bad\.json.*lexicons\.medicalClaims\.pattern.*not a valid regular expression/s,
    );
    expect(() => parsePolicy({ ...defaultPolicy(), lexicons: { swearWords: { add: ['x'] } } }, 'unknown.json')).toThrow(/unknown\.json.*lexicons/s);
  });
});
