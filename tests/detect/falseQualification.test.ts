import { describe, expect, it } from 'vitest';
import { account, at, rulesOf, runDetection } from './harness.ts';

const pro = (id: string, nickname: string, licenseId: string, verifiedMinutes: number, extra = {}) =>
  account(id, { accountType: 'professional', nickname, createdAt: at(verifiedMinutes - 600), qualification: { licenseId, verifiedAt: at(verifiedMinutes) }, ...extra });

describe('false-qualification', () => {
  it('fires shared-license for unrelated accounts reusing one licence; the first holder is presumed the owner', () => {
    const r = runDetection({
      accounts: [pro('owner', '仁心口腔诊所', 'LIC-91330100-778', 0), pro('thief1', '小美医美工作室', 'LIC-91330100-778', 5000), pro('thief2', 'Dr.Lee皮肤管理', 'lic-91330100-778 ', 9000)],
    });
    expect(rulesOf(r, 'owner')).toEqual([]);
    expect(rulesOf(r, 'thief1')).toEqual(['false-qualification/shared-license']);
    expect(rulesOf(r, 'thief2')).toEqual(['false-qualification/shared-license']);
    expect(JSON.stringify(r.findings)).not.toContain('91330100');
  });

  it('a chain whose branches share one licence stays clean', () => {
    const r = runDetection({
      accounts: [
        pro('c1', '美丽诊所旗舰店', 'LIC-1', 0),
        pro('c2', '美丽诊所杭州分店', 'LIC-1', 100),
        pro('c3', 'Glow Clinic', 'LIC-2', 0, { brandId: 'glow' }),
        pro('c4', '光彩皮肤中心', 'LIC-2', 100, { brandId: 'glow' }),
      ],
    });
    expect(r.findings).toEqual([]);
  });

  it('a chain named city first ("上海美丽诊所", "杭州美丽诊所") is one family and stays clean', () => {
    const r = runDetection({
      accounts: [pro('h1', '上海美丽诊所', 'LIC-3', 0), pro('h2', '杭州美丽诊所', 'LIC-3', 100), pro('h3', '杭州市美丽诊所滨江店', 'LIC-3', 200), pro('h4', '美丽诊所(国贸店)', 'LIC-3', 300)],
    });
    expect(r.findings).toEqual([]);
  });

  it('a name word or a profession in common is not a chain ("德信口腔" and "德信大药房", "营养师小林" and "营养师阿敏")', () => {
    const r = runDetection({
      accounts: [
        pro('d1', '德信口腔', 'LIC-4', 0),
        pro('d2', '德信大药房旗舰店', 'LIC-4', 5000),
        pro('d3', '德信口腔连锁', 'LIC-4', 6000),
        pro('n1', '营养师阿敏', 'LIC-5', 0),
        pro('n2', '营养师小林', 'LIC-5', 5000),
      ],
    });
    expect(rulesOf(r, 'd1')).toEqual([]);
    expect(rulesOf(r, 'd3')).toEqual([]); // the owner's own chain
    expect(rulesOf(r, 'd2')).toEqual(['false-qualification/shared-license']);
    expect(rulesOf(r, 'n1')).toEqual([]);
    expect(rulesOf(r, 'n2')).toEqual(['false-qualification/shared-license']);
  });

  it('fires shared-license for unrelated shops in the same city: the city is not a chain name', () => {
    const r = runDetection({ accounts: [pro('s1', '成都橙兮小馆', '92350203MAKD3G136F', 0), pro('s2', '成都未舍花艺', '92350203-MAKD3G136F', 5000)] });
    expect(rulesOf(r, 's1')).toEqual([]);
    expect(rulesOf(r, 's2')).toEqual(['false-qualification/shared-license']);
  });

  it('fires inconsistent when the qualification was verified before the account existed', () => {
    const r = runDetection({ accounts: [account('x1', { accountType: 'professional', createdAt: at(10000), qualification: { licenseId: 'L9', verifiedAt: at(0) } })] });
    expect(rulesOf(r, 'x1')).toEqual(['false-qualification/inconsistent']);
  });

  it('fires inconsistent for a personal account carrying a qualification', () => {
    const r = runDetection({ accounts: [account('x2', { accountType: 'personal', qualification: { licenseId: 'L8', verifiedAt: '2026-01-01T00:00:00Z' } })] });
    expect(rulesOf(r, 'x2')).toEqual(['false-qualification/inconsistent']);
  });
});

describe('false-qualification: licence numbers', () => {
  it('checks unified social credit codes (valid, forged, unknown format)', async () => {
    const { checkUscc } = await import('#shared/detect/detectors/falseQualification');
    expect(checkUscc('91500103322074467X')).toBe('valid');
    expect(checkUscc('915001 033220 74467x')).toBe('valid');
    expect(checkUscc('91500103322074467Y')).toBe('invalid'); // wrong check character
    expect(checkUscc('91310105MAOPP9Y06T')).toBe('invalid'); // O is not in the charset
    expect(checkUscc('91310106032532060')).toBe('invalid'); // 17 characters
    expect(checkUscc('LIC-123')).toBe('unknown');
  });

  it('fires invalid-license for a forged number, and shared-license across spacing variants', () => {
    const r = runDetection({
      accounts: [
        account('f1', { accountType: 'professional', nickname: '森然花坊', qualification: { licenseId: '91310105MAOPP9Y06T', verifiedAt: '2026-01-01T00:00:00Z' }, createdAt: '2025-01-01T00:00:00Z' }),
        pro('o1', '望舍影像', '91500103322074467X', 0),
        pro('o2', '星然Hair Studio', '915001 033220 74467x', 5000),
      ],
    });
    expect(rulesOf(r, 'f1')).toEqual(['false-qualification/invalid-license']);
    expect(rulesOf(r, 'o1')).toEqual([]);
    expect(rulesOf(r, 'o2')).toEqual(['false-qualification/shared-license']);
  });

  it('fires inconsistent for a medical clinic qualified with an individual-business licence', () => {
    const r = runDetection({ accounts: [pro('m1', '澜森医疗美容', '923101067091139691', 0)] });
    expect(rulesOf(r, 'm1')).toEqual(['false-qualification/inconsistent']);
  });
});
