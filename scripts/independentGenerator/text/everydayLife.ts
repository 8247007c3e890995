/**
 * What ordinary people post and say: notes about food, trips, skincare, pets,
 * study, home, fitness, kids, books, gadgets and photos, written with combinatorial
 * variety so unrelated people rarely produce the same text.
 */
import type { Rng } from '../prng.ts';
import { fill, joinSentences, sprinkle, type Slots } from './fill.ts';

export const TOPICS = ['food', 'travel', 'beauty', 'outfit', 'pet', 'study', 'home', 'fitness', 'parenting', 'books', 'tech', 'photo'] as const;
export type Topic = (typeof TOPICS)[number];

export const CITIES = ['上海', '成都', '长沙', '杭州', '广州', '北京', '重庆', '西安', '南京', '武汉', '厦门', '深圳', '苏州', '青岛', '昆明', '大理', '天津', '合肥', '郑州', '哈尔滨', '福州', '贵阳', '南宁', '沈阳', '济南', '宁波', '无锡', '佛山', '珠海', '拉萨', '香港', '台北'];

interface TopicText {
  things: readonly string[];
  titles: readonly string[];
  sentences: readonly string[];
  comments: readonly string[];
  tags: readonly string[];
  english: readonly string[];
}

const T: Record<Topic, TopicText> = {
  food: {
    things: ['牛肉面', '酸菜鱼', '生煎', '螺蛳粉', '烤鸭', '椰子鸡', '烧烤', '火锅', '煲仔饭', '肠粉', '麻辣烫', '寿司', '豚骨拉面', '贝果', '提拉米苏', '杨枝甘露', '手冲咖啡', '糖水', '酸奶碗', '炸鸡', '炒粉', '小笼包', '烤冷面', '葡式蛋挞', '冒菜', '羊肉泡馍', '热干面', '鸡蛋仔', '牛油果三明治', '桂花酒酿'],
    titles: ['{city}这家{thing}我能吃一百次', '{city}探店｜巷子里的{thing}', '人均{price}的{thing}，值不值', '周末在家做了{thing}', '下班路上的{thing}治愈了我', '第一次吃{thing}，说说感受', '{thing}｜本地朋友带我去的老店', '被同事安利的{thing}', '在{city}吃了三天，这几家最难忘', '自己做{thing}翻车记录', '今日早餐：{thing}', '{thing}真的会上瘾', '{city}{thing}合集（私心排名）'],
    sentences: ['汤头很浓，就是有点咸', '排队排了四十分钟，还好没白等', '老板人超好，还送了一碟小菜', '份量很足，两个人吃撑了', '环境一般但是味道在线', '价格不算便宜，偶尔吃一次可以', '上次来还是去年冬天', '这家的辣是真辣，不能吃辣的慎点', '点了招牌和两个小菜', '面是现拉的，很有嚼劲', '甜度可以选，我选的三分糖', '回家路上还在想那个味道', '下次想试试他们家的早餐', '建议错开饭点去', '周末人巨多，工作日好一点', '菜单上新了几个季节限定', '停车不太方便，建议坐地铁', '和我妈一起来的，她也说好吃', '照着视频做的，第一次火候没掌握好', '放了点陈皮，香味一下就出来了', '朋友说比上次来的时候淡了一点', '饮料一般，主食很能打', '店很小只有六张桌子', '服务员小姐姐推荐的隐藏菜单', '吃完出来下雨了，还挺有氛围', '他们家的酱料可以单独买'],
    comments: ['看饿了', '这家我也去过！', '人均多少呀', '具体在哪个位置呀', '周末人多吗', '马住下次去', '上次去感觉一般，可能踩到雷了', '我们那边也有分店', '求教程', '看起来好香', '辣吗', '几点开门呀', '还需要排队吗现在', '半夜看到这个太残忍了', '口水流下来了', '下次带我！'],
    tags: ['美食', '探店', '家常菜', '吃货日常', '周末去哪儿', '一人食'],
    english: ['Weekend brunch was so good', 'Found a tiny noodle place near the station', 'Homemade dinner, not perfect but tasty', 'Best coffee I had this month'],
  },
  travel: {
    things: ['古镇', '海边', '雪山', '草原', '寺庙', '老街', '湖边', '徒步线', '民宿', '露营地', '博物馆', '夜市', '环岛公路', '山顶', '森林公园'],
    titles: ['{city}三天两晚，路线整理好了', '去了{city}的{thing}，人比想象中少', '{city}旅行｜这些坑别踩', '一个人去{city}看{thing}', '{city}的{thing}真的值得去吗', '带爸妈去{city}，节奏慢一点刚好', '特种兵式游{city}，一天走了两万步', '{city}小众{thing}，本地人才知道', '这次{city}之行的花费明细', '{month}的{city}，天气刚刚好'],
    sentences: ['高铁到了直接打车过去，二十分钟', '早上七点出发，基本没人', '门票{price}，学生证半价', '民宿老板很热情，推荐了好几个地方', '下午风大，记得带外套', '景区里面吃的贵，可以自己带点', '日落的时候最好看', '路有点难走，建议穿运动鞋', '拍照的话上午光线好', '节假日千万别去，人挤人', '住在老城区，晚上散步很方便', '坐缆车上去走下来，膝盖有点受不了', '当地的小吃比网红店好吃', '回来晒黑了两个度', '这次没做太多攻略，随便逛逛也挺好', '第二天下雨了，只好在酒店躺平', '打车软件很好叫车', '有一段路没有信号，提前下载地图'],
    comments: ['好美啊', '求具体路线', '几月去比较合适', '住的哪家民宿呀', '收藏了明年去', '人多吗', '我也去过，确实好看', '拍得好好看，用什么相机', '要爬多久呀', '带小孩可以去吗', '好羡慕，还在上班的我', '这是哪里呀'],
    tags: ['旅行', '旅行攻略', '周末去哪儿', '小众景点', '城市漫步', '露营'],
    english: ['Three days in the mountains, no signal, no regrets', 'Sunset by the lake', 'Slow travel with my parents', 'Walked 20k steps today'],
  },
  beauty: {
    things: ['防晒', '洗面奶', '精华', '面霜', '卸妆油', '口红', '粉底液', '眼影盘', '身体乳', '洗发水', '发膜', '香水', '面膜', '睫毛膏', '腮红'],
    titles: ['混油皮的{thing}用后感', '空瓶记录｜这几个{thing}会回购', '{thing}踩雷合集，钱包痛了', '学生党平价{thing}分享', '敏感肌用{thing}的一些感受', '今天的妆容，{thing}换了新的', '最近在用的{thing}，说点真话', '{thing}到底怎么选，我的经验', '用了一个月的{thing}，有点想法'],
    sentences: ['我是混油皮，T区出油比较厉害', '质地偏水，上脸很快吸收', '味道有点重，不太喜欢', '搓泥了，可能跟前面的精华打架', '持妆一般，下午要补一次', '颜色比想象中橘一点', '敏感期用没有刺痛', '包装很好看，但按压头容易坏', '价格有点贵，等活动再入', '冬天用会有点干', '这个色号黄皮也能驾驭', '用完皮肤没那么紧绷了', '跟之前那支比起来更滋润', '我自己买的，不推荐盲入', '每个人肤质不一样，仅供参考', '开盖有一股酒精味', '出门前两小时涂的，晒了一下午没黑', '建议先小样试用'],
    comments: ['什么色号呀', '干皮能用吗', '同款！一样的感受', '这个我也踩雷了', '敏感肌可以吗', '在哪里买的呀', '好看！', '求底妆步骤', '用了过敏的举手', '会搓泥吗', '价格多少', '想看上脸效果'],
    tags: ['护肤', '美妆', '空瓶记', '学生党', '敏感肌', '日常妆容'],
    english: ['My current skincare routine', 'Empties of the month', 'This lipstick shade is so me', 'Sunscreen review, honest'],
  },
  outfit: {
    things: ['风衣', '针织衫', '牛仔裤', '小白鞋', '半身裙', '卫衣', '羽绒服', '西装外套', '连衣裙', '马丁靴', '托特包', '衬衫'],
    titles: ['{height}微胖的一周穿搭', '今日ootd｜{thing}好出片', '通勤穿搭不费脑', '{thing}到底怎么搭才不土', '一衣多穿：一件{thing}搭五套', '秋冬衣橱里最常穿的{thing}', '小个子{thing}分享', '上班族的{thing}选择'],
    sentences: ['身高{height}，体重{weight}，穿M码', '面料有点扎，里面要穿打底', '颜色很温柔，显白', '版型宽松，遮肉', '洗了一次有点起球', '搭配一双乐福鞋更有气质', '这条裤子显腿长', '买大了一码，准备退了', '同事问了好几次链接', '去年买的今年还在穿', '小个子穿会有点拖地', '配色灵感来自一部电影', '不是很耐脏，浅色慎重'],
    comments: ['好好看', '姐妹多高呀', '求上身效果', '这个颜色绝了', '好会穿！', '显瘦吗', '我也有一件一样的', '鞋子好看', '包包是什么牌子呀', '会起球吗', '梨形身材能穿吗'],
    tags: ['穿搭', 'ootd', '通勤穿搭', '小个子穿搭', '每日穿搭'],
    english: ['OOTD: cozy knit and jeans', 'Workwear that does not try too hard', 'Autumn layers', 'Capsule wardrobe week'],
  },
  pet: {
    things: ['猫咪', '小狗', '柯基', '布偶猫', '橘猫', '仓鼠', '兔子', '金毛', '边牧', '狸花猫'],
    titles: ['我家{thing}今天又拆家了', '{thing}的一天', '领养{thing}一周年', '养{thing}的第{n}天', '谁懂啊，{thing}睡觉的样子', '给{thing}换粮的经历', '{thing}第一次洗澡', '带{thing}去打疫苗'],
    sentences: ['它今天把纸巾全扯出来了', '早上五点准时踩我脸', '换粮要慢慢来，不然会软便', '医生说有点胖了要控制', '洗完澡整只小了一圈', '一出门就不肯走了', '最喜欢纸箱，买的窝不睡', '晚上在客厅跑酷', '看到吸尘器就躲到床底', '第一次见雪兴奋坏了', '最近掉毛好严重', '终于学会握手了'],
    comments: ['好可爱', '想rua', '我家的也这样', '几岁了呀', '叫什么名字', '吃的什么粮', '太乖了吧', '笑死我了', '猫猫好胖哈哈', '求更多照片', '这个眼神绝了'],
    tags: ['萌宠', '猫咪日常', '狗狗', '铲屎官', '养猫'],
    english: ['My cat owns this apartment', 'Dog walk in the rain', 'One year since adoption', 'Sleepy boy'],
  },
  study: {
    things: ['考研', '雅思', '四六级', '期末', '考公', '论文', '教资', '法考', 'CPA', '日语N2'],
    titles: ['{thing}上岸经验，写给后来的人', '{thing}倒计时{n}天', '图书馆的一天', '{thing}复习时间表分享', '二战{thing}的心态记录', '{thing}备考踩过的坑', '今天学了{n}个小时', '{thing}出分了，说说感受'],
    sentences: ['早上七点到图书馆占座', '每天背单词一百个', '真题至少刷三遍', '模考分数一直上不去，很焦虑', '和室友一起打卡互相监督', '午睡二十分钟效率高很多', '错题本真的有用', '听力每天精听一篇', '周末给自己放半天假', '买的课没怎么看，浪费了', '复习到一半开始怀疑人生', '最后一个月主要背重点'],
    comments: ['冲！', '一起加油', '请问用的什么资料', '好自律', '同{thing}人，互相监督', '上岸！', '想问下时间怎么分配的', '看完有动力了', '谢谢分享经验', '我也在准备'],
    tags: ['考研', '学习打卡', '自律', '备考', '大学生活'],
    english: ['Library day, 8 hours done', 'IELTS prep diary', 'Study with me', 'Finals week survival'],
  },
  home: {
    things: ['出租屋', '小阳台', '厨房', '书桌', '卧室', '收纳', '玄关', '客厅', '浴室', '衣柜'],
    titles: ['{area}平{thing}改造记录', '花了{price}把{thing}变好看了', '{thing}收纳小心得', '搬家后的第一个周末', '我的{thing}一角', '租房党的{thing}布置', '装修踩坑：{thing}篇'],
    sentences: ['房东不让打孔，全用的无痕钉', '淘了一个二手的小书架', '灯换成暖光，氛围感一下就有了', '绿植养死了三盆', '收纳盒统一颜色看着清爽很多', '窗帘选了遮光的，睡眠好了', '厨房太小只能挂墙上', '地毯是最划算的改造', '周末花了一天大扫除', '猫把新沙发抓坏了'],
    comments: ['好温馨', '求灯的链接', '墙面什么颜色', '好会布置', '租的房子也能这么好看', '羡慕大阳台', '收纳盒哪里买的', '照着改了，确实好用'],
    tags: ['租房改造', '家居', '收纳', '家居好物', '独居生活'],
    english: ['Tiny rental makeover', 'My reading corner', 'Sunday cleaning', 'Plants on the balcony'],
  },
  fitness: {
    things: ['跑步', '普拉提', '瑜伽', '力量训练', '游泳', '跳绳', '骑行', '爬楼', '帕梅拉', '羽毛球'],
    titles: ['{thing}打卡第{n}天', '坚持{thing}三个月的变化', '{thing}新手的一些经验', '今天{thing}了{n}分钟', '{thing}后膝盖疼怎么办', '下班后的{thing}时间'],
    sentences: ['刚开始连三公里都跑不下来', '体重没怎么变，但是体态好了', '运动完记得拉伸', '教练说我核心太弱', '早上空腹练有点晕', '配速慢慢提上来了', '买了一双新跑鞋，脚不疼了', '下雨天就在家跟着视频练', '饮食没怎么控制，纯靠运动', '练完吃了一顿火锅哈哈'],
    comments: ['好厉害', '坚持就是胜利', '新手从哪里开始', '一起打卡', '膝盖不好能跑吗', '羡慕好身材', '什么时间练比较好', '加油加油'],
    tags: ['健身', '跑步', '运动打卡', '瑜伽', '自律'],
    english: ['Morning run, 5k', 'Pilates week 3', 'Gym diary', 'Slow progress is still progress'],
  },
  parenting: {
    things: ['宝宝辅食', '幼儿园', '绘本', '早教', '亲子游', '睡眠', '长牙', '上小学', '二胎'],
    titles: ['{thing}的一点经验', '娃{age}个月了，记录一下', '{thing}焦虑的妈妈看过来', '带娃去了{city}', '我家娃的{thing}日常', '新手妈妈的{thing}踩坑'],
    sentences: ['第一周哭了好几次', '每个孩子节奏不一样，别焦虑', '老人带娃观念不同，有点头疼', '南瓜泥很受欢迎', '晚上醒三次，累到怀疑人生', '老师很有耐心', '周末去公园放电', '买了好多绘本，最喜欢的是那本小熊', '流口水特别多'],
    comments: ['好可爱的宝宝', '我家的也是', '辅食怎么做的', '多大开始的呀', '抱抱妈妈', '同款焦虑', '谢谢分享', '幼儿园哪家的呀'],
    tags: ['育儿', '宝宝辅食', '新手妈妈', '亲子', '遛娃'],
    english: ['Toddler life', 'First day at kindergarten', 'Weekend with the kids'],
  },
  books: {
    things: ['小说', '散文集', '推理小说', '历史书', '心理学', '诗集', '漫画', '纪录片', '电影', '美剧'],
    titles: ['最近看完的{thing}', '今年读过最喜欢的{n}本{thing}', '一本让我哭了的{thing}', '{thing}书单｜适合睡前', '二刷这部{thing}的感受', '推荐一部冷门{thing}'],
    sentences: ['结尾有点仓促', '前面节奏慢，后面停不下来', '翻译得很好', '有几句话抄在本子上了', '适合周末下午慢慢看', '看完去搜了作者的其他作品', '和原著差别挺大', '豆瓣评分不高但我很喜欢', '在地铁上看完的', '不太适合所有人'],
    comments: ['马了', '同喜欢', '求书名', '哪个版本好', '我也哭了', '有电子版吗', '看过，结局意难平', '好书单'],
    tags: ['读书', '书单', '电影推荐', '好书推荐', '观影'],
    english: ['Currently reading', 'Book haul', 'Movie night pick', 'Favourite novels this year'],
  },
  tech: {
    things: ['平板', '耳机', '键盘', '相机', '手机壳', '充电宝', '显示器', '扫地机', '电子阅读器', '智能手表'],
    titles: ['用了半年的{thing}，说说缺点', '{thing}开箱', '学生党{thing}怎么选', '{thing}值得买吗', '桌面好物：{thing}', '换了新{thing}，对比一下旧的'],
    sentences: ['续航比宣传的短一点', '降噪效果还可以，地铁上够用', '手感很好', '系统有点卡，更新后好点了', '颜值很高', '做工一般', '连接偶尔会断', '价格小贵，打折入的', '放在包里不占地方', '对比之后还是退了'],
    comments: ['续航怎么样', '值得买吗', '同款', '什么型号呀', '打游戏卡吗', '好看', '多少钱入的', '我也在纠结'],
    tags: ['数码', '开箱', '桌面好物', '数码好物'],
    english: ['Unboxing my new keyboard', 'Honest earbuds review', 'Desk setup 2026'],
  },
  photo: {
    things: ['胶片', '手机摄影', '人像', '街拍', '夜景', '星空', '花', '银杏', '樱花', '晚霞'],
    titles: ['{city}的{thing}｜随手拍', '今天的{thing}好温柔', '{thing}拍摄小技巧', '用手机也能拍{thing}', '下班路上拍到的{thing}', '{month}的{thing}'],
    sentences: ['没有调色，直出', '等了半小时才等到这个光', '用的手机人像模式', '构图参考了一个摄影师', '后期稍微拉了一下曝光', '这个角度人很少', '傍晚六点左右最好看', '换了一支老镜头'],
    comments: ['好美', '用什么拍的', '求调色参数', '绝了', '这是哪里', '氛围感好强', '壁纸已存', '拍得真好'],
    tags: ['摄影', '随手拍', '手机摄影', '胶片', '日落'],
    english: ['Golden hour', 'Shot on phone', 'Film roll #12', 'City lights'],
  },
};

const MONTHS = ['一月', '三月', '四月', '五月', '六月', '九月', '十月', '十一月', '十二月'];

const price = (rng: Rng) => String(rng.pick([rng.int(15, 90), rng.int(90, 400), rng.int(400, 3000)]));
const count = (rng: Rng) => String(rng.int(2, 120));
const height = (rng: Rng) => String(rng.int(150, 176));
const weight = (rng: Rng) => `${rng.int(42, 70)}kg`;
const area = (rng: Rng) => String(rng.int(12, 90));
const age = (rng: Rng) => String(rng.int(4, 30));
const anyCity = (rng: Rng) => rng.pick(CITIES);

function slots(topic: Topic, city: string): Slots {
  return { thing: T[topic].things, city: [city, city, city, city], price, n: count, month: MONTHS, height, weight, area, age, otherCity: anyCity };
}

const OPENERS = ['', '', '', '记录一下。', '碎碎念：', '终于有空写这篇了', '姐妹们，', '家人们，', '今天', '分享一下', '说一下真实感受'];
const CLOSERS = ['', '', '', '就这样啦', '有问题评论区问我', '下次再更', '仅代表个人感受', '欢迎交流', '纯记录', '好了去睡了'];

export interface Written {
  title: string;
  body: string;
  tags: string[];
}

export function everydayNote(rng: Rng, topic: Topic, city: string, english = false): Written {
  const t = T[topic];
  const s = slots(topic, rng.chance(0.25) ? rng.pick(CITIES) : city);
  if (english) {
    const title = rng.pick(t.english);
    const body = `${rng.pick(t.english)}. ${rng.pick(['Not sponsored, just sharing.', 'Would do it again.', 'Mixed feelings honestly.', 'Loved it.', 'More photos later.'])}`;
    return { title, body, tags: rng.sample(t.tags, rng.int(0, 2)) };
  }
  const title = sprinkle(rng, fill(rng, rng.pick(t.titles), s), 0.3);
  const n = rng.int(2, 6);
  const picked = rng.sample(t.sentences, n).map((x) => fill(rng, x, s));
  const opener = rng.pick(OPENERS);
  const closer = rng.pick(CLOSERS);
  let body = joinSentences(rng, picked);
  if (opener) body = opener + body;
  if (closer) body += `\n${closer}`;
  body = sprinkle(rng, body, 0.45);
  const tags = rng.sample(t.tags, rng.int(0, 4));
  if (tags.length && rng.chance(0.6)) body += `\n${tags.map((x) => `#${x}`).join(' ')}`;
  return { title, body, tags };
}

export const GENERIC_COMMENTS = ['哈哈哈哈', '哈哈哈哈哈哈', '好看！', '太可爱了吧', '同款！', '蹲一个后续', '学到了', '谢谢分享', '真的假的', '笑死', '我也想要', '在哪买的呀', '已收藏', '楼主好厉害', '我也是这样', '羡慕了', '好真实', '说出了我的心声', '码住', '这个好', '刚好需要', '感同身受', '好有道理', '不错不错', '绝了', '有被治愈到', '太好看了吧', '想知道更多', '加油！', '路过点赞', '好喜欢', '好的好的', '来了来了', '哇', '6', '？？？', '好家伙', '破防了', '我先收藏了', '关注了', '求链接', '第一次刷到你'];

export function everydayComment(rng: Rng, topic: Topic | undefined): string {
  const pool = topic && rng.chance(0.6) ? T[topic].comments : GENERIC_COMMENTS;
  let text = rng.pick(pool);
  if (topic) text = fill(rng, text, { thing: T[topic].things });
  if (rng.chance(0.15)) text = `${rng.pick(GENERIC_COMMENTS)}${rng.pick(['，', ' ', '！'])}${text}`;
  return sprinkle(rng, text, 0.3);
}

const AUTHOR_REPLIES = ['谢谢喜欢～', '是的呀', '哈哈哈对', '可以的', '不客气', '嗯嗯', '我也觉得', '下次更详细一点', '👌', '在{city}哦', '{price}左右', '直接问就好', '对的对的', '没有哦', '看个人喜好啦', '有的有的', '好的', '哈哈哈哈谢谢'];

const replyPrice = (rng: Rng) => String(rng.int(20, 500));

export function authorReply(rng: Rng, city: string): string {
  return sprinkle(rng, fill(rng, rng.pick(AUTHOR_REPLIES), { city: [city], price: replyPrice }), 0.25);
}

export function topicTags(topic: Topic): readonly string[] {
  return T[topic].tags;
}

export function topicThing(rng: Rng, topic: Topic): string {
  return rng.pick(T[topic].things);
}
