/**
 * Business licence numbers for professional accounts: China's 18-character unified social credit code
 * (GB 32100-2015), with the organisation-code check (GB 11714) and the final check character, so that
 * genuine numbers validate and forged ones can be made to fail in realistic ways.
 */
import type { Rng } from './random.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS_18 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const WEIGHTS_ORG = [3, 7, 9, 10, 5, 8, 4, 2];
/** County-level division codes of cities where many shops and clinics are. */
const DIVISIONS = [
  '310115',
  '310104',
  '310105',
  '310106',
  '110105',
  '110108',
  '110101',
  '440305',
  '440304',
  '440106',
  '440104',
  '330106',
  '330108',
  '510107',
  '510104',
  '420106',
  '320505',
  '320106',
  '500103',
  '610113',
  '350203',
  '370202',
  '430105',
  '210106',
  '120104',
  '530102',
  '450103',
  '460106',
];

/** Entity types after the registration authority `9`: 1 enterprise, 2 individual business (个体工商户). */
export type LicenseEntity = 'enterprise' | 'individual';

function orgCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += WEIGHTS_ORG[i] * parseInt(body[i], 36);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function finalCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS_18[i];
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c];
}

/** A valid unified social credit code. */
export function makeLicenseId(rng: Rng, entity: LicenseEntity = 'enterprise'): string {
  const head = `9${entity === 'enterprise' ? '1' : '2'}${rng.pick(DIVISIONS)}`;
  // Codes issued since 2015 start with "MA"; older ones are all digits.
  const body = rng.chance(0.7) ? `MA${rng.chars(CHARSET.slice(0, 10) + 'ABCDEFGHJKLMNPQRTUWXY', 6)}` : rng.chars('0123456789', 8);
  const first17 = head + body + orgCheck(body);
  return first17 + finalCheck(first17);
}

/** True when the code has the right shape and both check characters match. */
export function isValidLicenseId(id: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(id)) return false;
  const body = id.slice(8, 16);
  const org = orgCheck(body);
  if (id[16] !== org) return false;
  return finalCheck(id.slice(0, 17)) === id[17];
}

/** The entity type a valid code declares. */
export function licenseEntity(id: string): LicenseEntity | undefined {
  if (id[0] !== '9') return undefined;
  return id[1] === '1' ? 'enterprise' : id[1] === '2' ? 'individual' : undefined;
}

/** A forged number: looks like a credit code but fails validation (bad check character, wrong length, or letters the standard never uses). */
export function forgeLicenseId(rng: Rng): string {
  const genuine = makeLicenseId(rng);
  const how = rng.int(0, 3);
  if (how === 0) {
    // wrong final check character
    const right = genuine[17];
    let wrong = right;
    while (wrong === right) wrong = rng.pick(CHARSET.split(''));
    return genuine.slice(0, 17) + wrong;
  }
  if (how === 1) return genuine.slice(0, 10) + 'O' + genuine.slice(11); // letter O is never used
  if (how === 2) return genuine.slice(0, 17); // 17 characters
  // transposed digits in the organisation code
  const b = genuine.split('');
  for (let i = 9; i < 15; i++) {
    if (b[i] !== b[i + 1]) {
      [b[i], b[i + 1]] = [b[i + 1], b[i]];
      break;
    }
  }
  const t = b.join('');
  return isValidLicenseId(t) ? genuine.slice(0, 17) + (genuine[17] === '0' ? '1' : '0') : t;
}

/** How a copied number gets retyped: lower case, spaces or dashes. Normalising (upper-case, strip) recovers it. */
export function retypeLicenseId(rng: Rng, id: string): string {
  const how = rng.int(0, 3);
  if (how === 0) return id.toLowerCase();
  if (how === 1) return `${id.slice(0, 6)} ${id.slice(6, 12)} ${id.slice(12)}`;
  if (how === 2) return `${id.slice(0, 8)}-${id.slice(8)}`;
  return id;
}
