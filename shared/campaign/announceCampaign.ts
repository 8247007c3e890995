/**
 * The public announcement of a campaign, in the shape platforms publish ("between Nov 18 and Dec 16,
 * handled 1,259,709 accounts, including 252 with over 100,000 followers and 4,941 with over 10,000"),
 * in Chinese and English, from the report's distinct-account counts.
 */
export interface AnnouncementFacts {
  start: string;
  end: string;
  accounts: number;
  over100k: number;
  over10k: number;
  /** Violation codes, most accounts first. */
  byCode: Array<[string, number]>;
}

const CODE_ZH: Record<string, string> = {
  'fake-account': '虚假账号',
  'homogeneous-content': '同质化内容',
  'engagement-bait': '诱导互动',
  'traffic-diversion': '站外导流',
  'water-army': '水军控评',
  'undisclosed-promotion': '未报备商业推广',
  'misleading-marketing': '虚假营销',
  'account-transformation': '账号转型违规',
  'ai-hosted': 'AI托管',
  'false-qualification': '虚假资质',
};

const zhDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const enDay = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const n = (x: number) => x.toLocaleString('en-US');

export function announceCampaign(f: AnnouncementFacts): { zh: string; en: string } {
  const top = f.byCode.slice(0, 3);
  const zh =
    `${zhDay(f.start)}至${zhDay(f.end)}，平台共处置违规账号${n(f.accounts)}个，其中粉丝量10万以上账号${n(f.over100k)}个、1万以上账号${n(f.over10k)}个。` +
    (top.length ? `主要违规类型：${top.map(([c, k]) => `${CODE_ZH[c] ?? c}${n(k)}个`).join('、')}。` : '') +
    '被处置用户可通过申诉渠道提出申诉。';
  const en =
    `Between ${enDay(f.start)} and ${enDay(f.end)}, the platform handled ${n(f.accounts)} accounts, including ${n(f.over100k)} with over 100,000 followers and ${n(f.over10k)} with over 10,000.` +
    (top.length ? ` Main violations: ${top.map(([c, k]) => `${c} ${n(k)}`).join(', ')}.` : '') +
    ' Users who were handled can appeal.';
  return { zh, en };
}
