/**
 * Brands: a fixed set of household names that ordinary people mention, and a fresh
 * brand for every brand account or paid campaign.
 */
import type { IdMinter } from './opaqueIds.ts';
import { hash32 } from './prng.ts';

const SYL_A = ['栖', '沐', '澜', '素', '森', '禾', '植', '悦', '初', '屿', '野', '拾', '半', '白', '青', '若', '朴', '予', '木', '知'];
const SYL_B = ['木', '光', '肌', '研', '集', '物', '言', '里', '然', '本', '色', '语', '颜', '氧', '泉', '舍', '屿', '月', '序', '选'];
const LATIN = ['Aura', 'Nook', 'Lumi', 'Mori', 'Vela', 'Oasi', 'Kiro', 'Solé', 'Nuvo', 'Terra'];

export interface Brand {
  id: string;
  name: string;
}

const FAMOUS_BASE = 1_000_000_000;
export const FAMOUS_COUNT = 120;

function nameFor(seed: number, n: number): string {
  const h = hash32(seed, 'brand-name', n);
  if (h % 5 === 0) return `${LATIN[h % LATIN.length]}${SYL_A[(h >>> 8) % SYL_A.length]}${SYL_B[(h >>> 16) % SYL_B.length]}`;
  return `${SYL_A[h % SYL_A.length]}${SYL_B[(h >>> 8) % SYL_B.length]}${h % 3 === 0 ? SYL_B[(h >>> 20) % SYL_B.length] : ''}`;
}

export class BrandBook {
  constructor(
    private readonly seed: number,
    private readonly ids: IdMinter,
  ) {}

  famous(n: number): Brand {
    const k = FAMOUS_BASE + (n % FAMOUS_COUNT);
    return { id: this.ids.format('brand', k), name: nameFor(this.seed, k) };
  }

  fresh(): Brand {
    const id = this.ids.next('brand');
    const n = this.ids.count('brand') - 1;
    return { id, name: nameFor(this.seed, n) };
  }
}
