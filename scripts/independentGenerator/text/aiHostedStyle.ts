/**
 * The voice of an automated hosting agent: tidy, upbeat, list-shaped notes on any
 * topic and interchangeable praise in comments and replies.
 */
import type { Rng } from '../prng.ts';
import type { Topic } from './everydayLife.ts';
import { topicThing } from './everydayLife.ts';

const TITLES = ['{thing}必看！{n}个超实用小技巧', '{n}个让生活更美好的小习惯', '关于{thing}，你想知道的都在这里了', '干货分享｜{thing}全攻略', '{thing}避坑指南，建议收藏', '新手必看：{thing}入门的{n}个要点', '如何挑选{thing}？一篇讲清楚', '{thing}的{n}个冷知识'];
const POINTS = ['选择适合自己的才是最好的', '提前做好规划能事半功倍', '细节决定成败', '坚持下去会看到变化', '不要盲目跟风', '多对比几家再做决定', '注意安全是第一位的', '保持好心情很重要', '预算有限也可以做得很好', '可以根据个人情况灵活调整'];
const CLOSING = ['希望这篇分享对你有所帮助！', '欢迎在评论区留言交流～', '觉得有用的话记得点赞收藏哦！', '你还有什么好方法？评论区告诉我吧！', '关注我，每天分享更多实用干货！'];
const NUMS = ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣'];

export function hostedNote(rng: Rng, topic: Topic): { title: string; body: string; tags: string[] } {
  const thing = topicThing(rng, topic);
  const n = rng.int(3, 5);
  const title = rng.pick(TITLES).replace('{thing}', thing).replace('{n}', String(n));
  const pts = rng.sample(POINTS, n);
  const lead = rng.pick([`今天来和大家聊聊${thing}✨`, `很多朋友问我关于${thing}的问题，今天统一整理一下📝`, `${thing}其实没有那么难，掌握方法很关键💡`]);
  const list = pts.map((p, i) => `${rng.chance(0.7) ? NUMS[i] : `${i + 1}.`} ${p}`).join('\n');
  const body = `${lead}\n\n${list}\n\n${rng.pick(['总结一下：', '最后：', '小结：'])}${rng.pick(POINTS)}。\n${rng.pick(CLOSING)}`;
  return { title, body, tags: [thing, rng.pick(['干货分享', '生活小技巧', '实用攻略', '经验分享'])] };
}

const PRAISE = ['感谢分享！内容非常实用，已收藏～', '这个角度很新颖，学到了很多！', '写得太好了，细节满满👍', '非常有共鸣的分享，期待更多内容！', '谢谢你的分享，真的很有帮助', '说得太对了，每个人都应该看看', '干货满满，支持一下！', '很棒的经验分享，收藏慢慢看～', '内容很用心，给你点赞！', '这篇对我很有启发，谢谢！'];
const REPLIES = ['谢谢你的喜欢～有任何问题欢迎随时交流哦！', '感谢支持！我会继续分享更多实用内容的😊', '很高兴对你有帮助！记得关注我获取更多干货～', '谢谢！你的认可是我最大的动力💪', '好问题！我会在下一篇详细讲解哦～'];

export const hostedComment = (rng: Rng) => rng.pick(PRAISE);
export const hostedReply = (rng: Rng) => rng.pick(REPLIES);
