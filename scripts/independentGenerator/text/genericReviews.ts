/**
 * The short, generic verdicts that thousands of unrelated buyers write about the
 * same everyday products. Identical text across many accounts, but no coordination:
 * different people, devices, days and products.
 */
import type { Rng } from '../prng.ts';

export const EVERYDAY_PRODUCTS = ['洗衣液', '牙膏', '沐浴露', '纸巾', '保温杯', '拖鞋', '数据线', '雨伞', '护手霜', '洗碗布', '垃圾袋', '收纳盒', '充电器', '袜子', '眼药水', '润唇膏', '抽纸', '枕头'];

export const SHORT_VERDICTS = [
  '用了十来天，香味有点冲，还行吧',
  '质地挺清爽的，就是不太持久',
  '物流很快，包装完好，还没用',
  '中规中矩，没有惊喜',
  '第二次买了，还是那个味',
  '颜色比图片暗一点，能接受',
  '一般般，不会回购',
  '效果因人而异吧，我觉得还行',
  '性价比可以，学生党友好',
  '有点小贵，但是好用',
  '用了两个星期，没什么感觉',
  '跟之前用的差不多',
  '挺好的，家里人都在用',
  '味道有点大，放几天就好了',
  '比超市便宜，囤了几个',
  '不错，下次还买',
  '凑单买的，意外好用',
  '做工一般，价格在这',
  '还可以吧，没有网上说的那么神',
  '东西收到了，跟描述一致',
  '说不上好也说不上坏',
  '用着还行，就是有点费',
];

export function genericReview(rng: Rng): { title: string; body: string; product: string } {
  const product = rng.pick(EVERYDAY_PRODUCTS);
  const verdict = rng.pick(SHORT_VERDICTS);
  const title = rng.pick([`${product}`, `${product}使用感受`, `${product}简单说两句`, `随手记：${product}`, `${product}怎么样`, verdict.slice(0, 8)]);
  return { title, body: verdict, product };
}
