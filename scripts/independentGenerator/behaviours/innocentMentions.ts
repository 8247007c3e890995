/**
 * Text that looks like trouble and is not: WeChat Pay, a 400 hotline, a mini-program,
 * the platform's own note links; personal superlatives and weight-loss diaries that
 * sell nothing; honest self-paid reviews of household brands. Clean.
 */
import { HOUR, humanMoment } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { personalSuperlative } from '../text/absoluteClaims.ts';
import { benignMention } from '../text/benignMentions.ts';
import { FAMOUS_COUNT } from '../brands.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, clientFor, liveEverydayLife, localise, postEveryday } from './people.ts';

export function benignContactMentions(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng);
    world.hardNegative(a, 'benign-contact-mention');
    liveEverydayLife(world, rng, a, rng.int(1, 6));
    const k = rng.int(1, 4);
    for (let j = 0; j < k; j++) {
      const n = postEveryday(world, rng, a, a.createdMs + HOUR, world.takenMs - HOUR);
      const own = a.notes.filter((x) => x !== n && x.createdMs < n.createdMs).map((x) => x.id);
      n.body += `\n${localise(benignMention(rng, own), a.persona.lang)}`;
    }
    if (rng.chance(0.6)) {
      world.later(() => {
        for (const n of world.someNotes(rng, rng.int(1, 3), (x) => x.author !== a)) {
          world.comment(a, n, n.createdMs + rng.logNormal(3 * HOUR, 1.2), localise(benignMention(rng, []), a.persona.lang), { client: clientFor(rng, a) });
        }
      });
    }
  }
}

export function personalSuperlatives(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng);
    world.hardNegative(a, 'personal-superlatives');
    liveEverydayLife(world, rng, a, rng.int(0, 6));
    const k = rng.int(1, 3);
    for (let j = 0; j < k; j++) {
      const w = personalSuperlative(rng);
      world.post(a, {
        createdMs: humanMoment(rng, a.createdMs + HOUR, world.takenMs - HOUR, 1.4),
        title: localise(w.title, a.persona.lang),
        body: localise(w.body, a.persona.lang),
        topic: 'fitness',
        client: clientFor(rng, a),
        likeCount: Math.floor(rng.logNormal(20, 1.4)),
      });
    }
  }
}

const HONEST = ['优点是{p}，缺点是有点贵', '用了一个月，{p}，但不会无脑推', '{p}，不过包装很容易漏', '整体还行，{p}，味道我不太喜欢', '{p}，客服态度一般'];
const POINTS = ['吸收挺快', '清洁力可以', '续航不错', '味道淡', '做工扎实', '颜色正'];

export function honestSelfPaid(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng);
    world.hardNegative(a, 'honest-self-paid-review');
    liveEverydayLife(world, rng, a, rng.int(1, 8));
    const k = rng.int(1, 3);
    for (let j = 0; j < k; j++) {
      const brand = world.env.brands.famous(rng.int(0, FAMOUS_COUNT - 1));
      const product = rng.pick(['洗面奶', '耳机', '面霜', '跑鞋', '咖啡机', '洗发水', '空气炸锅']);
      const body = `${rng.pick(['自费买的', '自己花钱买的', '纯自费', '不是广告哈'])}，${rng.pick(HONEST).replace('{p}', rng.pick(POINTS))}。${rng.pick([`到手${rng.int(59, 899)}`, `${rng.pick(['双十一', '618', '年货节'])}买的，${rng.int(59, 899)}块`, ''])}`;
      world.post(a, {
        createdMs: humanMoment(rng, a.createdMs + HOUR, world.takenMs - HOUR, 1.3),
        title: localise(rng.pick([`${brand.name}${product}用了一个月`, `说说${brand.name}的${product}`, `${product}回购吗？`]), a.persona.lang),
        body: localise(body, a.persona.lang),
        topic: 'beauty',
        client: clientFor(rng, a),
        brandIds: rng.chance(0.6) ? [brand.id] : undefined,
        likeCount: Math.floor(rng.logNormal(15, 1.3)),
      });
    }
  }
}
