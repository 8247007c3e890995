/**
 * Business licence numbers in the shape of China's 18-character unified social
 * credit code (GB 32100-2015), with a valid check character for real ones and a
 * wrong one for crude forgeries.
 */
import type { Rng } from './prng.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const REGIONS = ['110105', '310104', '440106', '440305', '330106', '510107', '420106', '320102', '500103', '610113', '350203', '430104'];

function checkChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(body17[i]) * WEIGHTS[i];
  const c = (31 - (sum % 31)) % 31;
  return CHARSET[c];
}

export function licenceId(rng: Rng, valid = true): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CHARSET[rng.int(0, i < 8 ? 30 : 9)];
  const body = `91${rng.pick(REGIONS)}${org}`;
  const good = checkChar(body);
  if (valid) return body + good;
  let bad = good;
  while (bad === good) bad = CHARSET[rng.int(0, 30)];
  return body + bad;
}

export function licenceIsValid(id: string): boolean {
  return id.length === 18 && checkChar(id.slice(0, 17)) === id[17];
}
