/**
 * People who make AI pictures or AI-assisted writing, post them by hand from the
 * app and label them as AI-generated. Clean: reasonable, declared use of AI.
 */
import { HOUR, humanMoment } from '../clock.ts';
import type { Rng } from '../prng.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, clientFor, liveEverydayLife, localise } from './people.ts';

const STYLES = ['赛博朋克', '水彩', '吉卜力', '国风', '像素', '油画', '3D盲盒', '胶片感', '极简插画'];
const SUBJECTS = ['头像', '猫猫', '城市夜景', '古风少女', '宇航员', '小房子', '森林', '壁纸'];

export function declaredAigcPosters(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng, { persona: { topics: ['photo', 'books', 'home'] } });
    world.hardNegative(a, 'declared-aigc');
    const k = rng.int(3, 16);
    for (let j = 0; j < k; j++) {
      const style = rng.pick(STYLES);
      const subject = rng.pick(SUBJECTS);
      const declared = rng.chance(0.7);
      const title = declared
        ? rng.pick([`AI绘画｜${style}风格的${subject}`, `用AI做了一组${subject}`, `AI练习第${rng.int(2, 200)}天：${style}`, `${style}${subject}（AI生成）`])
        : rng.pick([`今天画的${subject}`, `${style}练习`, `手绘${subject}`]);
      const body = declared
        ? `${rng.pick(['用AI生成再自己修了细节', 'AI出图，我只负责挑', 'prompt放在最后了', '和AI一起完成的'])}，${rng.pick(['喜欢的可以拿去当头像', '第三张最满意', '调了好久参数', '有点翻车但还挺可爱'])}\nprompt: ${style}, ${subject}, soft light`
        : `${rng.pick(['画了三个小时', '手还是有点生', '线稿改了好几遍'])}，${rng.pick(['求轻喷', '慢慢进步吧', '下次画背景'])}`;
      world.post(a, {
        createdMs: humanMoment(rng, a.createdMs + HOUR, world.takenMs - HOUR, 1.5),
        title: localise(title, a.persona.lang),
        body: localise(body, a.persona.lang),
        tags: declared ? ['AI绘画', style] : ['绘画', style],
        topic: 'photo',
        client: clientFor(rng, a),
        aigcDeclared: declared ? true : rng.chance(0.5) ? false : undefined,
        likeCount: Math.floor(rng.logNormal(40, 1.4)),
      });
    }
    liveEverydayLife(world, rng, a, rng.int(0, 4));
  }
}
