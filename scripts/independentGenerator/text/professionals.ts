/**
 * Professional accounts (clinics, dentists, lawyers, nutritionists, pharmacies,
 * tutoring schools): names, bios and the knowledge-sharing notes they post.
 */
import type { Rng } from '../prng.ts';

export const PRO_FIELDS = ['clinic', 'dental', 'law', 'nutrition', 'pharmacy', 'school'] as const;
export type ProField = (typeof PRO_FIELDS)[number];

const NAME_STEMS = ['华美', '悦颜', '仁和', '康宁', '安瑞', '博雅', '嘉禾', '明德', '瑞丰', '益生', '德信', '致远', '清和', '恒信', '知行'];

export function proName(rng: Rng, field: ProField, city: string): string {
  const stem = rng.pick(NAME_STEMS);
  switch (field) {
    case 'clinic':
      return `${city}${stem}医疗美容${rng.pick(['门诊部', '诊所', '医院'])}`;
    case 'dental':
      return `${stem}口腔${rng.pick(['', city, '连锁'])}`;
    case 'law':
      return `${rng.pick(['陈', '王', '刘', '周'])}律师｜${stem}律所`;
    case 'nutrition':
      return `营养师${rng.pick(['小林', '阿敏', 'Vivian', '老周'])}`;
    case 'pharmacy':
      return `${stem}大药房${rng.pick(['', '旗舰店', city + '店'])}`;
    case 'school':
      return `${stem}教育${rng.pick(['', '考研', '雅思', '美术'])}`;
  }
}

const NOTES: Record<ProField, Array<[string, string]>> = {
  clinic: [['光子嫩肤前要知道的几件事', '术后一周避免暴晒，敏感期不要刷酸，效果因人而异，面诊后再决定'], ['玻尿酸不是越多越好', '填充要看面部比例，有任何不适及时复诊'], ['关于热玛吉的几个误区', '不是一次就能年轻十岁，要合理预期']],
  dental: [['隐形矫正适合哪些人', '要先拍片评估，复杂病例可能还是需要传统托槽'], ['洗牙会让牙缝变大吗', '不会，是牙结石被清掉后露出了原本的牙缝'], ['智齿要不要拔', '看位置和有没有反复发炎，建议拍个全景片']],
  law: [['租房押金不退怎么办', '先保留合同和聊天记录，协商不成可以走小额诉讼'], ['被公司辞退能拿多少补偿', '一般是N或者2N，具体看情况'], ['借钱不还的证据怎么留', '转账记录加聊天确认，写清楚是借款']],
  nutrition: [['减脂期的早餐怎么吃', '蛋白质加粗粮，别只喝一杯咖啡'], ['控糖不等于不吃主食', '选低GI的主食，注意总量'], ['一周食谱参考', '因人而异，有基础疾病的先咨询医生']],
  pharmacy: [['换季感冒药怎么选', '对症用药，看清成分，别重复吃'], ['家庭药箱清单', '退烧药、创可贴、碘伏、体温计，记得看有效期'], ['益生菌不是万能的', '有症状还是要就医']],
  school: [['考研英语作文模板要不要背', '可以参考结构，但别整篇照搬'], ['雅思口语提分的几个方法', '多练习，录音回听，找语伴'], ['美术集训怎么选画室', '看师资和往年成绩，试听后再决定']],
};

export function proNote(rng: Rng, field: ProField): { title: string; body: string } {
  const [title, body] = rng.pick(NOTES[field]);
  return { title, body: `${body}${rng.pick(['', '。欢迎留言提问', '。仅供参考', '。有疑问评论区见'])}` };
}

export function proBio(rng: Rng, field: ProField): string {
  const base: Record<ProField, string> = {
    clinic: '正规医疗美容机构｜持证上岗',
    dental: '口腔健康科普',
    law: '执业律师｜劳动纠纷 婚姻家事',
    nutrition: '注册营养师｜科学饮食',
    pharmacy: '社区药房｜用药咨询',
    school: '专注升学辅导',
  };
  return base[field] + rng.pick(['', ' | 欢迎咨询', ' | 工作日在线']);
}
