/**
 * Labels are only as good as the data behind them: each labelled variant must show the behaviour in the
 * records, and organic accounts must not show it by accident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Comment, Follow, Note } from '#shared/contract/snapshotRecords';
import { isValidLicenseId } from '#scripts/generate/businessLicense';
import { makeSnapshot, readLabels, readLines, records, type Fixture, type Label } from './snapshotFixture.ts';

let fx: Fixture;
let labels: Map<string, Label>;
let accounts: Map<string, Account>;
let notes: Note[];
let comments: Comment[];
let follows: Follow[];
const notesBy = new Map<string, Note[]>();
const commentsBy = new Map<string, Comment[]>();

beforeAll(async () => {
  fx = await makeSnapshot({ accounts: 2000, seed: 'behaviour' });
  const lines = readLines(fx.dir);
  labels = new Map(readLabels(fx.dir).map((l) => [l.accountId, l]));
  accounts = new Map(records<Account>(lines, 'accounts').map((a) => [a.accountId, a]));
  notes = records<Note>(lines, 'notes');
  comments = records<Comment>(lines, 'comments');
  follows = records<Follow>(lines, 'follows');
  for (const n of notes) notesBy.set(n.accountId, [...(notesBy.get(n.accountId) ?? []), n]);
  for (const c of comments) commentsBy.set(c.accountId, [...(commentsBy.get(c.accountId) ?? []), c]);
});
afterAll(() => fx.cleanup());

const withVariant = (v: string) => [...labels.values()].filter((l) => l.variants.includes(v)).map((l) => accounts.get(l.accountId)!);
const organic = () => [...labels.values()].filter((l) => l.codes.length === 0).map((l) => accounts.get(l.accountId)!);
const net24 = (ip: string) => ip.split('.').slice(0, 3).join('.');
const ms = (t: string) => Date.parse(t);

describe('fake-account', () => {
  it('shared-device farms: many accounts per device, registered in a burst', () => {
    const farm = withVariant('fake-account/shared-device-farm');
    const perDevice = new Map<string, Account[]>();
    for (const a of farm) perDevice.set(a.registration.deviceId, [...(perDevice.get(a.registration.deviceId) ?? []), a]);
    const big = [...perDevice.values()].filter((g) => g.length >= 3);
    expect(big.length).toBeGreaterThan(0);
    for (const g of big) {
      const times = g.map((a) => ms(a.createdAt)).sort((x, y) => x - y);
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      expect(Math.min(...gaps)).toBeLessThan(10 * 60_000);
    }
  });

  it('network-burst farms: dozens of registrations from one /24 within minutes', () => {
    const farm = withVariant('fake-account/network-burst-farm');
    const byNet = new Map<string, number[]>();
    for (const a of farm) byNet.set(net24(a.registration.ip), [...(byNet.get(net24(a.registration.ip)) ?? []), ms(a.createdAt)]);
    const biggest = [...byNet.values()].sort((a, b) => b.length - a.length)[0];
    expect(biggest.length).toBeGreaterThanOrEqual(15);
    biggest.sort((a, b) => a - b);
    const inTenMinutes = biggest.filter((t) => t - biggest[0] < 10 * 60_000).length;
    expect(inTenMinutes).toBeGreaterThanOrEqual(5);
  });

  it('follower brushing: followers come from the cluster and follower history jumps', () => {
    // The cluster's own accounts (its customers, farmed accounts being readied for resale, also had real followers).
    const cluster = new Set(
      withVariant('fake-account/follower-brushing')
        .filter((a) => !labels.get(a.accountId)!.codes.includes('account-transformation'))
        .map((a) => a.accountId),
    );
    const inbound = follows.filter((f) => cluster.has(f.followeeId));
    expect(inbound.filter((f) => cluster.has(f.followerId)).length / inbound.length).toBeGreaterThan(0.8);
    const jumped = [...cluster]
      .map((id) => accounts.get(id)!)
      .filter((a) => {
        const h = a.followerHistory ?? [];
        return h.some((x, i) => i > 0 && x.count - h[i - 1].count > 100);
      });
    expect(jumped.length / cluster.size).toBeGreaterThan(0.9);
  });
});

describe('water-army', () => {
  it('ring members comment on the same notes within minutes of each other, repeatedly', () => {
    for (const variant of ['water-army/praise-ring', 'water-army/qa-act', 'water-army/coordinated-forwarding']) {
      const ring = new Set(withVariant(variant).map((a) => a.accountId));
      expect(ring.size).toBeGreaterThanOrEqual(8);
      const byNote = new Map<string, Comment[]>();
      for (const c of comments) if (ring.has(c.accountId)) byNote.set(c.noteId, [...(byNote.get(c.noteId) ?? []), c]);
      const bursts = [...byNote.values()].filter((cs) => {
        const t = cs.map((c) => ms(c.createdAt)).sort((a, b) => a - b);
        return cs.length >= 3 && t[2] - t[0] < 15 * 60_000;
      });
      expect(bursts.length, variant).toBeGreaterThanOrEqual(3);
    }
  });

  it('scripted Q&A: an answer replies to a question within minutes', () => {
    const ring = new Set(withVariant('water-army/qa-act').map((a) => a.accountId));
    const byId = new Map(comments.map((c) => [c.commentId, c]));
    const answers = comments.filter((c) => ring.has(c.accountId) && c.replyToCommentId && ring.has(byId.get(c.replyToCommentId)!.accountId));
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(ms(a.createdAt) - ms(byId.get(a.replyToCommentId!)!.createdAt)).toBeLessThan(5 * 60_000);
  });
});

describe('ai-hosted', () => {
  it('fully hosted accounts post from a tool at a machine-regular interval, round the clock', () => {
    for (const a of withVariant('ai-hosted/fully-hosted')) {
      expect(a.registration.client).not.toMatch(/^app-/);
      const ns = (notesBy.get(a.accountId) ?? []).sort((x, y) => ms(x.createdAt) - ms(y.createdAt));
      expect(ns.length).toBeGreaterThan(5);
      for (const n of ns) expect(n.client).toBe(a.registration.client);
      const gaps = ns.slice(1).map((n, i) => ms(n.createdAt) - ms(ns[i].createdAt));
      const median = [...gaps].sort((x, y) => x - y)[gaps.length >> 1];
      const regular = gaps.filter((g) => Math.abs(g - median) < 5 * 60_000).length / gaps.length;
      expect(regular).toBeGreaterThan(0.8);
    }
  });

  it('declared AI-assisted creators are clean, labelled aigcDeclared and use the ordinary app', () => {
    const declared = [...labels.values()].filter((l) => l.hardNegative === 'declared-aigc');
    expect(declared.length).toBeGreaterThan(0);
    for (const l of declared) {
      expect(l.codes).toEqual([]);
      const ns = (notesBy.get(l.accountId) ?? []).filter((n) => n.aigcDeclared);
      expect(ns.length).toBeGreaterThan(0);
      for (const n of ns) expect(n.client).toMatch(/^app-/);
    }
  });
});

describe('false-qualification', () => {
  const norm = (id: string) => id.toUpperCase().replace(/[\s-]/g, '');
  it('shared licences are reused across accounts; forged ones fail the check; organic ones are valid and unique', () => {
    const all = [...accounts.values()].filter((a) => a.qualification);
    const byLicense = new Map<string, Account[]>();
    for (const a of all) byLicense.set(norm(a.qualification!.licenseId), [...(byLicense.get(norm(a.qualification!.licenseId)) ?? []), a]);
    for (const a of withVariant('false-qualification/shared-license')) expect(byLicense.get(norm(a.qualification!.licenseId))!.length).toBeGreaterThanOrEqual(2);
    for (const a of withVariant('false-qualification/forged-license')) expect(isValidLicenseId(a.qualification!.licenseId)).toBe(false);
    for (const a of all) {
      const l = labels.get(a.accountId)!;
      if (l.codes.includes('false-qualification')) continue;
      expect(isValidLicenseId(a.qualification!.licenseId)).toBe(true);
      expect(ms(a.qualification!.verifiedAt)).toBeGreaterThanOrEqual(ms(a.createdAt));
      const sharers = byLicense.get(norm(a.qualification!.licenseId))!;
      // only the account verified first may share a number with violators: the genuine holder, or, when the holder
      // is off the platform, the first copier (it looks exactly like a holder, so it is not labelled)
      if (sharers.length > 1) {
        for (const s of sharers) if (s !== a) expect(ms(s.qualification!.verifiedAt)).toBeGreaterThan(ms(a.qualification!.verifiedAt));
      }
    }
  });
});

describe('account-transformation', () => {
  it('renamed recently, most old notes deleted or hidden, new notes after the rename', () => {
    for (const a of [...withVariant('account-transformation/farm-then-advertise'), ...withVariant('account-transformation/resold')]) {
      const renamed = Math.max(...(a.nicknameHistory ?? []).map((h) => ms(h.changedAt)));
      expect(Date.parse('2026-11-20T00:00:00Z') - renamed).toBeLessThan(30 * 86_400_000);
      const ns = notesBy.get(a.accountId) ?? [];
      const old = ns.filter((n) => ms(n.createdAt) < renamed - 86_400_000);
      const gone = old.filter((n) => n.deletedAt || n.hiddenAt);
      expect(gone.length / Math.max(1, old.length)).toBeGreaterThan(0.5);
      expect(ns.some((n) => ms(n.createdAt) > renamed && !n.deletedAt && !n.hiddenAt)).toBe(true);
    }
  });
});

describe('promotion', () => {
  it('undisclosed promotions carry no partner-platform placement; partner brands do', () => {
    const undisclosed = (n: Note) => n.sponsoredVia == null && /优惠码|券后|立减|拍下|开抢|购买|减|優惠碼|券後|立減|拍下|開搶|購買/.test(n.body);
    const fakeUgc = withVariant('undisclosed-promotion/fake-ugc');
    for (const a of fakeUgc) {
      // the brand that commissioned a campaign posts nothing itself: its campaign's posters sell its brand
      if (a.accountType === 'brand')
        expect(fakeUgc.some((m) => m.accountType !== 'brand' && (notesBy.get(m.accountId) ?? []).some((n) => undisclosed(n) && n.brandIds?.includes(a.brandId!)))).toBe(true);
      else expect((notesBy.get(a.accountId) ?? []).some(undisclosed)).toBe(true);
    }
    const partnerBrands = [...labels.values()].filter((l) => l.hardNegative === 'partner-sponsored-brand');
    expect(partnerBrands.length).toBeGreaterThan(0);
    for (const l of partnerBrands) {
      const ns = notesBy.get(l.accountId) ?? [];
      expect(ns.some((n) => n.sponsoredVia === 'partner-platform')).toBe(true);
      expect(ns.every((n) => n.sponsoredVia !== null)).toBe(true);
    }
  });
});

describe('organic text', () => {
  const CONTACT = /薇信|威信|[vV]信|\bvx\b|\bwx\b|卫星|衛星|绿泡泡|企鹅|扣扣|🐧|私我|看我主页|主页有|DM me|t\.cn|pan\.baidu|同号|同號/;
  const BAIT = /互关|互粉|回关|双击|雙擊|点赞过|关注必回|震惊|99%的人/;
  it('carries no contacts, bait or mutual-follow appeals by accident', () => {
    const texts: string[] = [];
    for (const a of organic()) {
      texts.push(a.nickname, a.bio ?? '');
      for (const n of notesBy.get(a.accountId) ?? []) texts.push(n.title, n.body);
      for (const c of commentsBy.get(a.accountId) ?? []) texts.push(c.text);
    }
    expect(texts.filter((t) => CONTACT.test(t))).toEqual([]);
    expect(texts.filter((t) => BAIT.test(t))).toEqual([]);
  });

  it('planted diversion hides contacts in many different ways', () => {
    const diverted: string[] = [];
    for (const a of withVariant('traffic-diversion/contact-in-note')) for (const n of notesBy.get(a.accountId) ?? []) diverted.push(n.body);
    const styles = {
      fullwidth: /[０-９]/,
      chineseNumerals: /[一二三四五六七八九〇零壹贰叁肆伍陆柒捌玖貳參陸]{4,}/,
      zeroWidth: /[\u200b\u200c\u200d\u2060\ufeff]/,
      plainDigits: /\d{5,}/,
    };
    const hit = Object.entries(styles)
      .filter(([, re]) => diverted.some((t) => re.test(t)))
      .map(([k]) => k);
    expect(hit.length).toBeGreaterThanOrEqual(3);
  });
});
