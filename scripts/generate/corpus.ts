/**
 * Organic vocabulary: what ordinary users of a lifestyle platform write about, by topic.
 * Templates use slots: {s} subject, {c} city, {n} small number, {p} price, {e} emoji, {d} date, {b} brand.
 * Nothing here contains contacts, mutual-follow appeals, absolute sales claims or commercial calls to action:
 * organic text must never carry a planted behaviour by accident.
 */

export interface Topic {
  id: string;
  weight: number;
  subjects: string[];
  titles: string[];
  sentences: string[];
  tags: string[];
  comments: string[];
  en: { subjects: string[]; titles: string[]; sentences: string[]; tags: string[] };
}

export const CITIES = ['上海', '北京', '杭州', '成都', '深圳', '广州', '重庆', '南京', '苏州', '武汉', '西安', '长沙', '厦门', '青岛', '大理', '昆明', '三亚', '天津', '台北', '香港', '东京', '首尔', '曼谷', '新加坡'];
export const EN_CITIES = ['Shanghai', 'Beijing', 'Hangzhou', 'Chengdu', 'Shenzhen', 'Hong Kong', 'Taipei', 'Tokyo', 'Seoul', 'Bangkok', 'Singapore', 'London'];
export const EMOJI = ['✨', '🌷', '🍃', '☀️', '🌙', '💛', '🥰', '😭', '🤣', '👍', '📍', '🌸', '🍓', '🧡', '🫶', '😋', '📷', '🎀', '☕️', '🌿', '🐱', '💡', '🔥', '🙌'];

export const TOPICS: Topic[] = [
  {
    id: 'beauty',
    weight: 14,
    subjects: ['面霜', '防晒', '精华', '粉底液', '口红', '眼影盘', '卸妆油', '洗面奶', '身体乳', '面膜', '腮红', '散粉', '发膜', '护手霜'],
    titles: [
      '{s}空瓶记录｜真实使用感受{e}',
      '干皮冬天的{s}分享',
      '油痘肌的{s}选择，慢慢摸索出来的',
      '{n}款{s}横向对比，按需选择',
      '用完第{n}瓶{s}，说说我的看法',
      '学生党平价{s}合集{e}',
      '敏感肌的{s}踩雷和不踩雷',
      '最近的日常妆容{e}',
      '{s}到底怎么选？个人经验',
      '秋冬护肤小记',
    ],
    sentences: [
      '我是混干皮，换季的时候两颊容易起皮。',
      '质地比较清爽，上脸很快就吸收了。',
      '味道有一点点香精味，不过很快就散了。',
      '连续用了{n}周，感觉泛红少了一些，但也可能是天气变暖的原因。',
      '价格{p}左右，不算便宜，看个人需求吧。',
      '上妆之前一定要做好保湿，不然容易卡粉。',
      '这个色号黄皮也能驾驭，日常通勤很合适。',
      '缺点是包装不太方便，挤到最后有点浪费。',
      '个人感觉保湿力中等，极干皮可能要叠加面霜。',
      '我一般晚上用，白天还是以防晒为主。',
      '每个人肤质不一样，大家理性参考哈。',
      '用之前最好先在耳后试一下，敏感肌谨慎。',
      '这次是自己买的，回购不回购还在犹豫。',
      '搭配{s}一起用效果会好一点。',
      '冬天室内暖气太干了，加湿器也得开起来。',
      '上次柜台小姐姐推荐的，试了试还挺喜欢。',
      '整体来说中规中矩，没有惊艳但也不踩雷。',
    ],
    tags: ['护肤', '美妆', '空瓶记录', '敏感肌', '干皮', '油皮', '平价好物', '日常妆容', '护肤心得', '妆容分享'],
    comments: ['请问是什么肤质呀', '我也在用这个，确实温和', '色号是多少呀', '敏感肌能用吗', '我用了会闷痘😭', '感谢测评，省钱了', '姐妹皮肤好好', '这个妆好适合通勤'],
    en: {
      subjects: ['moisturizer', 'sunscreen', 'serum', 'lipstick', 'cleanser', 'toner'],
      titles: ['My honest {s} review {e}', 'Winter skincare routine', 'Empties of the month', 'Everyday makeup look {e}'],
      sentences: ['I have combination skin and it gets flaky in winter.', 'The texture is light and absorbs quickly.', 'Took about {n} weeks before I noticed any change.', 'Not the cheapest, but it lasts a long time.', 'Patch test first if you have sensitive skin!'],
      tags: ['skincare', 'makeup', 'beauty', 'review'],
    },
  },
  {
    id: 'fashion',
    weight: 12,
    subjects: ['大衣', '针织衫', '牛仔裤', '半身裙', '小白鞋', '风衣', '羽绒服', '卫衣', '西装外套', '帆布包', '围巾', '乐福鞋'],
    titles: [
      '今日穿搭｜{s}怎么搭都好看{e}',
      '小个子{s}穿搭分享',
      '一周通勤穿搭不重样',
      '{c}降温了，翻出了去年的{s}',
      '微胖女生的{s}搭配思路',
      '衣柜里利用率最高的{n}件单品',
      '秋冬配色灵感{e}',
      'OOTD｜周末出门的松弛感',
      '旧衣服新搭法',
    ],
    sentences: [
      '身高{h}，平时穿M码，这件稍微有点宽松。',
      '面料摸起来挺舒服的，不扎人。',
      '内搭选了一件基础款打底，简单不出错。',
      '颜色比图片上深一点，实物更耐看。',
      '下身配了一条直筒裤，显腿长。',
      '鞋子选了低跟的，走一天也不累。',
      '最近特别喜欢大地色系，温柔又高级。',
      '这件是好几年前买的，现在穿也不过时。',
      '天气冷了可以再加一条围巾。',
      '今天风很大，头发被吹得乱七八糟哈哈。',
      '配饰只戴了一对小耳钉，其他都很简单。',
      '洗了几次没有起球，质量还可以。',
      '拍照的地方是公司楼下的小花园。',
    ],
    tags: ['穿搭', 'OOTD', '通勤穿搭', '小个子穿搭', '微胖穿搭', '秋冬穿搭', '日常穿搭', '配色'],
    comments: ['好会穿！', '求外套链接', '这个颜色好温柔', '身高体重多少呀', '姐妹腿好长', '同款裤子！', '这套好适合上班', '鞋子是什么牌子的呀'],
    en: {
      subjects: ['coat', 'sweater', 'jeans', 'blazer', 'sneakers'],
      titles: ['Outfit of the day {e}', 'Weekend casual look', 'How I style my {s}', 'Autumn colour palette'],
      sentences: ["I'm {h} and wearing size M.", 'Paired it with straight-leg trousers.', 'The colour is a bit darker in person.', 'Comfy enough for a full day of walking.'],
      tags: ['ootd', 'fashion', 'style', 'outfit'],
    },
  },
  {
    id: 'food',
    weight: 14,
    subjects: ['火锅', '烤肉', '咖啡店', '面包店', '日料', '粤菜', '本帮菜', '小龙虾', '烧烤', '甜品店', '早午餐', '椰子鸡', '米线', '生煎'],
    titles: [
      '{c}探店｜藏在巷子里的{s}{e}',
      '人均{p}的{s}，值不值得去？',
      '{c}本地人常去的{s}',
      '周末和朋友去吃了{s}',
      '又一家想反复去的{s}',
      '{s}测评：排队{n}分钟的结果是…',
      '下班后的快乐就是这顿{s}',
      '{c}{s}合集，收藏慢慢吃',
    ],
    sentences: [
      '店面不大，周末去要排队，建议工作日来。',
      '人均{p}左右，分量挺足的。',
      '招牌菜味道不错，就是稍微有点咸。',
      '服务员很热情，会主动帮忙加汤。',
      '环境很有氛围感，适合约会。',
      '甜品一般般，不推荐专门去吃。',
      '停车不太方便，建议坐地铁过去。',
      '我们{n}个人点了五个菜，刚好吃完。',
      '锅底是微辣的，能吃辣的朋友可以选中辣。',
      '位置在{c}老城区，附近还能逛一逛。',
      '最好提前在网上排号，不然要等很久。',
      '上菜速度有点慢，但味道弥补了一切。',
      '饮品是自制的，没有那么甜，很合我胃口。',
      '这家已经开了十几年了，老板人很好。',
    ],
    tags: ['探店', '美食', '周末去哪儿', '本地美食', '咖啡', '甜品', '火锅', '吃货日常', '美食打卡'],
    comments: ['看饿了😭', '地址在哪里呀', '上周刚去过，确实好吃', '收藏了下次去', '人多吗需要排队吗', '这个看起来好香', '是哪个区的呀', '想吃！'],
    en: {
      subjects: ['brunch spot', 'coffee shop', 'hotpot', 'bakery', 'noodle bar'],
      titles: ['Hidden {s} in {c} {e}', 'Weekend food diary', 'Is this {s} worth the queue?'],
      sentences: ['About {p} per person, portions are generous.', 'Came on a weekday and there was no queue.', 'The signature dish was a little salty for me.', 'Great vibe, perfect for a date.'],
      tags: ['food', 'foodie', 'cafe', 'brunch'],
    },
  },
  {
    id: 'travel',
    weight: 11,
    subjects: ['古镇', '海边', '雪山', '民宿', '寺庙', '博物馆', '徒步路线', '夜市', '老街', '湖边', '草原', '温泉'],
    titles: [
      '{c}{n}天{n2}晚旅行攻略{e}',
      '一个人去{c}，这些地方值得一去',
      '{c}的{s}真的太治愈了',
      '错峰出游｜{c}{s}记录',
      '{c}避坑指南，第一次去的看过来',
      '带爸妈去{c}的行程分享',
      '周末短途｜{c}周边的{s}',
    ],
    sentences: [
      '我们是{d}去的，人不算多。',
      '交通的话建议提前买好高铁票。',
      '住的民宿在{s}附近，出门走几步就到了。',
      '早上六点起来看日出，虽然很困但很值得。',
      '景区门票{p}，学生证可以半价。',
      '这里的天气变化很快，记得带外套。',
      '推荐坐当地的公交，便宜又能看风景。',
      '晚上的夜景特别美，拍照很出片。',
      '有些小吃店只收现金，最好带一点零钱。',
      '第{n}天去了附近的{s}，人少安静。',
      '整个行程花了大概{p}，不算很贵。',
      '下次还想再来，秋天应该更好看。',
    ],
    tags: ['旅行', '旅游攻略', '周末去哪儿', '小众旅行地', '自由行', '城市漫步', '旅行日记', '出片'],
    comments: ['好美！想去', '请问住的哪家民宿呀', '几月份去合适', '收藏了，下个月去', '人多吗', '攻略好详细，谢谢', '拍得好好看', '我也去过，确实很美'],
    en: {
      subjects: ['old town', 'beach', 'temple', 'hiking trail', 'night market'],
      titles: ['{n} days in {c} {e}', 'Solo trip to {c}', 'Slow travel diary'],
      sentences: ['We went in {d} and it was not crowded.', 'Book the train tickets early!', 'Sunrise was totally worth waking up at 6.', 'Bring cash for the street food stalls.'],
      tags: ['travel', 'travelguide', 'wanderlust'],
    },
  },
  {
    id: 'home',
    weight: 8,
    subjects: ['出租屋', '小客厅', '厨房收纳', '卧室', '阳台', '书桌', '玄关', '卫生间'],
    titles: ['{s}改造前后对比{e}', '{n}平米{s}也能很温馨', '租房党的{s}布置分享', '提升幸福感的家居小物', '我的{s}收纳思路'],
    sentences: [
      '房子是租的，所以没做大的改动，主要靠软装。',
      '窗帘换成了浅色的，整个房间亮了很多。',
      '收纳盒都是在超市买的，几块钱一个。',
      '绿植养了大半年，长得还不错。',
      '灯光真的很重要，暖光会让房间更有氛围。',
      '地毯选了好打理的短绒款。',
      '桌面尽量保持空一点，看着舒服。',
      '周末花了{n}个小时整理，累但是很有成就感。',
      '预算控制在{p}以内，基本够用。',
      '最满意的是这个角落，每天都想待在这里。',
      '搬家的时候扔掉了很多不需要的东西。',
      '换了一盏落地灯，氛围完全不一样。',
      '墙面用了可撕的墙纸，退租也不怕。',
    ],
    tags: ['家居', '租房改造', '收纳', '家居好物', '房间布置', '生活美学'],
    comments: ['好温馨', '求灯的链接', '这个收纳思路好棒', '羡慕有阳台', '好干净！', '请问地毯是哪里买的'],
    en: {
      subjects: ['apartment', 'desk setup', 'bedroom', 'balcony'],
      titles: ['Small {s} makeover {e}', 'Cozy corner at home'],
      sentences: ['Renting, so I kept changes minimal.', 'Warm lighting changes everything.', 'Budget was around {p}.'],
      tags: ['homedecor', 'interior', 'cozy'],
    },
  },
  {
    id: 'fitness',
    weight: 7,
    subjects: ['跑步', '瑜伽', '普拉提', '力量训练', '跳绳', '游泳', '骑行', '爬山'],
    titles: ['坚持{s}第{n}天{e}', '{s}新手的一些经验', '下班后的{s}日常', '{s}一个月的真实变化', '周末{s}打卡'],
    sentences: [
      '今天跑了{n}公里，配速还是很慢。',
      '刚开始膝盖有点不舒服，后来调整了姿势。',
      '饮食上没有特别控制，就是少吃夜宵。',
      '体重变化不大，但是精神状态好了很多。',
      '运动前一定要热身，别像我一样拉伤了。',
      '跟着视频练了{n}节课，核心力量有进步。',
      '天气冷了起床好难，全靠意志力。',
      '每周练三次，每次一个小时左右。',
      '身体是自己的，慢慢来就好。',
      '买了一双新跑鞋，脚感很好。',
      '拉伸比想象中更重要。',
      '坚持一个月之后，睡眠明显变好了。',
      '和朋友约着一起练，更容易坚持。',
    ],
    tags: ['健身', '运动', '跑步', '瑜伽', '自律', '健身日常', '减脂'],
    comments: ['太自律了', '一起加油💪', '请问跟的哪个视频', '膝盖不好能跑吗', '好厉害！', '被激励到了'],
    en: {
      subjects: ['running', 'yoga', 'pilates', 'cycling'],
      titles: ['Day {n} of {s}', 'My {s} routine after work'],
      sentences: ['Ran {n} km today, still slow but happy.', 'Consistency over intensity.', 'Always warm up first!'],
      tags: ['fitness', 'workout', 'running'],
    },
  },
  {
    id: 'parenting',
    weight: 6,
    subjects: ['辅食', '绘本', '早教', '睡眠', '出牙', '幼儿园', '亲子游'],
    titles: ['宝宝{n}个月｜{s}记录', '新手妈妈的{s}经验', '{s}这件小事{e}', '带娃周末去哪儿'],
    sentences: [
      '宝宝最近开始对{s}感兴趣了。',
      '每个孩子节奏不一样，不用太焦虑。',
      '这个阶段睡眠不太规律，全家都很累。',
      '辅食主要是自己做的，简单的南瓜泥米糊。',
      '绘本每天睡前读一本，已经成了习惯。',
      '第一次带去公园，开心得不得了。',
      '有问题还是要问医生，别只看网上的说法。',
      '带娃出门的包越来越重了哈哈。',
      '最近开始会叫爸爸妈妈了。',
      '晚上终于能睡整觉了，太感动。',
      '给宝宝买衣服真的停不下来。',
    ],
    tags: ['育儿', '母婴', '新手妈妈', '辅食', '绘本推荐', '亲子'],
    comments: ['宝宝好可爱', '我家也是这样', '请问绘本叫什么', '辛苦了妈妈', '学到了'],
    en: {
      subjects: ['baby food', 'picture books', 'sleep schedule'],
      titles: ['Baby month {n} update', 'New mom notes {e}'],
      sentences: ['Every baby has their own pace.', 'Bedtime stories are now a habit.'],
      tags: ['parenting', 'momlife'],
    },
  },
  {
    id: 'pets',
    weight: 8,
    subjects: ['猫咪', '狗狗', '布偶猫', '橘猫', '柯基', '金毛', '仓鼠', '猫砂', '猫粮'],
    titles: ['我家{s}的日常{e}', '养{s}{n}年的真实感受', '{s}又拆家了😭', '新手养{s}要准备什么', '今天带{s}去体检'],
    sentences: [
      '它今天又把纸巾撕得满地都是。',
      '每天回家它都在门口等我。',
      '体检一切正常，医生说有点胖要控制饮食。',
      '换粮要慢慢过渡，不然容易软便。',
      '天冷了它最喜欢趴在暖气片上。',
      '第一次洗澡的时候叫得超级大声哈哈。',
      '养宠物真的要考虑清楚，是十几年的责任。',
      '今天给它买了新玩具，玩了五分钟就不理了。',
      '它最近学会了自己开柜子，头疼。',
      '每次剪指甲都像打仗一样。',
      '睡觉的姿势越来越奇怪哈哈。',
      '带出去散步遇到了好多小伙伴。',
    ],
    tags: ['萌宠', '猫咪', '狗狗', '养猫', '养狗', '铲屎官日常'],
    comments: ['好可爱啊啊啊', '想rua', '我家的也这样', '好乖', '几岁啦', '胖得好可爱🤣'],
    en: {
      subjects: ['cat', 'puppy', 'corgi'],
      titles: ['Daily life with my {s} {e}', 'Vet check-up day'],
      sentences: ['She waits at the door every evening.', 'Switched food slowly to avoid tummy issues.'],
      tags: ['cats', 'dogs', 'petsofxhs'],
    },
  },
  {
    id: 'study',
    weight: 7,
    subjects: ['考研', '雅思', '考公', '四六级', '期末复习', '论文', '日语', '教资'],
    titles: ['{s}经验分享｜{n}个月上岸{e}', '{s}备考时间表', '二战{s}的心路历程', '图书馆学习打卡', '{s}资料整理思路'],
    sentences: [
      '每天大概学习{n}个小时，效率比时长重要。',
      '错题本真的很有用，考前翻一翻。',
      '早上背单词，下午做题，晚上复盘。',
      '焦虑的时候就出去走走，别硬撑。',
      '分数出来的那一刻真的想哭。',
      '资料不在多，吃透一两本就够了。',
      '和室友互相监督，一起去图书馆。',
      '真题至少刷两遍，第二遍收获更多。',
      '考前一周主要是调整作息。',
      '做错的题一定要弄明白为什么错。',
      '背单词用的是最笨的办法，一遍遍过。',
      '累的时候就看看自己的目标。',
    ],
    tags: ['考研', '学习', '自律', '备考', '学习打卡', '上岸', '雅思'],
    comments: ['恭喜上岸！', '求时间表模板', '被鼓励到了', '一起加油', '请问用的什么书', '今天也在图书馆'],
    en: {
      subjects: ['IELTS', 'finals', 'thesis'],
      titles: ['How I prepared for {s}', 'Study with me {e}'],
      sentences: ['About {n} hours a day, focus matters more.', 'Past papers twice at least.'],
      tags: ['study', 'studygram'],
    },
  },
  {
    id: 'career',
    weight: 5,
    subjects: ['面试', '跳槽', '实习', '简历', '副业', '转行', '年终总结'],
    titles: ['{s}经验｜写给刚毕业的自己', '工作{n}年的一些感悟', '{s}踩过的坑', '打工人的一天{e}'],
    sentences: [
      '面试前一定要了解公司的业务。',
      '简历一页就够了，重点写做过什么。',
      '第一份工作不用太纠结，多学东西。',
      '加班多的时候一定要照顾好身体。',
      '和同事相处保持边界感很重要。',
      '跳槽前先想清楚自己想要什么。',
      '年底复盘了一下，这一年成长挺多。',
      '领导其实没有那么可怕，多沟通就好。',
      '通勤时间太长真的会影响状态。',
      '学会拒绝是一门必修课。',
      '第一次带新人，发现教别人也是在学习。',
    ],
    tags: ['职场', '求职', '面试', '打工人', '职场干货', '成长'],
    comments: ['说得太对了', '感同身受', '请问是什么行业', '收藏了', '加油打工人'],
    en: {
      subjects: ['interview', 'career switch', 'internship'],
      titles: ['What {n} years at work taught me', 'A day in my life {e}'],
      sentences: ['Keep your CV to one page.', 'Learn as much as you can in your first job.'],
      tags: ['career', 'worklife'],
    },
  },
  {
    id: 'tech',
    weight: 6,
    subjects: ['手机', '平板', '耳机', '机械键盘', '相机', '笔记本', '智能手表', '显示器'],
    titles: ['{s}使用{n}个月的真实体验', '我的桌面{s}分享{e}', '{s}选购心得', '学生党{s}怎么选'],
    sentences: [
      '续航比我想象的好，一天一充没问题。',
      '系统用起来很流畅，偶尔有小bug。',
      '价格{p}，这个价位还算有竞争力。',
      '手感很好，就是有点重。',
      '降噪效果一般，通勤够用了。',
      '配合平板记笔记很方便。',
      '拍照色彩偏暖，我挺喜欢的。',
      '系统更新之后流畅了很多。',
      '外观比我想象中更好看。',
      '充电速度很快，半小时能充一大半。',
      '用来看剧打游戏都没问题。',
    ],
    tags: ['数码', '数码好物', '桌面改造', '科技', '测评'],
    comments: ['这个桌面好整洁', '续航怎么样', '请问是哪个型号', '键盘是什么轴', '想换了'],
    en: {
      subjects: ['phone', 'laptop', 'headphones', 'keyboard'],
      titles: ['{s} review after {n} months', 'Desk setup {e}'],
      sentences: ['Battery easily lasts a full day.', 'Noise cancelling is decent for commuting.'],
      tags: ['tech', 'desksetup', 'gadgets'],
    },
  },
  {
    id: 'photo',
    weight: 5,
    subjects: ['胶片', '人像', '街拍', '夜景', '手机摄影', '日落'],
    titles: ['{c}{s}随拍{e}', '用手机也能拍出{s}感', '今日份{s}', '{s}调色思路分享'],
    sentences: [
      '傍晚的光线最温柔了。',
      '后期只调了一点色温和对比度。',
      '构图用的是三分法，很简单。',
      '等了很久才等到没人的画面。',
      '胶片的颗粒感真的很迷人。',
      '拍摄地点在{c}的江边。',
      '这张是等了二十分钟才拍到的。',
      '用的是很多年前的老相机。',
      '阴天其实也有阴天的味道。',
      '构图参考了一位很喜欢的摄影师。',
      '原图没有修，颜色就是这样。',
      '路人入镜反而更有故事感。',
    ],
    tags: ['摄影', '随手拍', '胶片', '手机摄影', '调色', '风景'],
    comments: ['好有氛围感', '请问用的什么相机', '调色好舒服', '这张绝了', '构图好棒'],
    en: {
      subjects: ['film photography', 'street photos', 'sunsets'],
      titles: ['{s} in {c} {e}', 'Shot on phone'],
      sentences: ['Golden hour light is the softest.', 'Only adjusted white balance a little.'],
      tags: ['photography', 'filmphotography'],
    },
  },
  {
    id: 'reading',
    weight: 4,
    subjects: ['小说', '散文', '历史书', '心理学', '推理小说', '诗集'],
    titles: ['最近读完的{n}本{s}', '读书笔记｜{s}{e}', '适合冬天读的{s}', '今年读过印象最深的书'],
    sentences: [
      '这本书我读了两遍，每次感受都不一样。',
      '前半部分有点慢，后面越来越精彩。',
      '很喜欢作者的文字，温柔又有力量。',
      '睡前读几页，心会慢慢静下来。',
      '里面有一句话一直记在心里。',
      '书里的人物一个比一个真实。',
      '读到一半的时候停下来想了很久。',
      '这本是朋友推荐的，果然没失望。',
      '推荐配一杯热茶慢慢看。',
      '结尾有点仓促，但整体很值得一读。',
      '这个系列我打算全部读完。',
      '翻译得很好，读起来很顺。',
    ],
    tags: ['读书', '书单', '读书笔记', '阅读'],
    comments: ['加入书单了', '这本我也超爱', '有电子版吗', '谢谢推荐'],
    en: {
      subjects: ['novels', 'poetry', 'mysteries'],
      titles: ['Books I finished this month', 'Reading notes {e}'],
      sentences: ['Read it twice and loved it both times.', 'A slow start but worth it.'],
      tags: ['books', 'booklover'],
    },
  },
  {
    id: 'outdoor',
    weight: 5,
    subjects: ['露营', '徒步', '飞盘', '钓鱼', '桨板', '骑行'],
    titles: ['第一次{s}，比想象中好玩{e}', '{c}周边{s}地点分享', '{s}装备清单', '周末{s}日记'],
    sentences: [
      '营地在山脚下，晚上能看到星星。',
      '装备都是租的，第一次玩不用买太多。',
      '山上温差很大，一定要带厚衣服。',
      '和朋友们一起玩了一整天，晒黑了。',
      '路线不难，新手也能完成。',
      '垃圾记得带走，保护环境。',
      '第一次搭帐篷花了半个多小时。',
      '晚上煮了一锅热汤，特别满足。',
      '防蚊喷雾一定要带。',
      '早上的雾特别美，像仙境一样。',
      '下山的时候腿都在抖哈哈。',
      '下次想试试两天一夜的路线。',
    ],
    tags: ['露营', '户外', '徒步', '周末去哪儿', '飞盘'],
    comments: ['好惬意', '请问是哪个营地', '装备好齐全', '想去！'],
    en: {
      subjects: ['camping', 'hiking', 'paddle boarding'],
      titles: ['First time {s} {e}', 'Weekend {s} diary'],
      sentences: ['We could see the stars at night.', 'Rented all the gear, easy for beginners.'],
      tags: ['outdoors', 'camping', 'hiking'],
    },
  },
  {
    id: 'cooking',
    weight: 6,
    subjects: ['番茄炒蛋', '红烧肉', '减脂餐', '便当', '烘焙', '汤', '早餐', '凉拌菜'],
    titles: ['一人食｜{s}{e}', '{n}分钟搞定的{s}', '家常{s}做法记录', '打工人{s}合集'],
    sentences: [
      '食材很简单，家里基本都有。',
      '火候很关键，不要炒太久。',
      '调料用的是生抽、老抽和一点糖。',
      '第一次做就成功了，家人都说好吃。',
      '可以提前一晚备好菜，早上省时间。',
      '烤箱温度{n}0度，大概烤二十分钟。',
      '出锅前撒一点葱花，香味一下就出来了。',
      '这个配方可以减糖，味道也不会差。',
      '剩下的可以放冰箱，第二天加热也好吃。',
      '失败了两次才找到感觉。',
      '家里人一下子就吃光了。',
      '用的是最普通的铁锅。',
    ],
    tags: ['家常菜', '一人食', '减脂餐', '烘焙', '做饭日常', '食谱'],
    comments: ['看起来好好吃', '学会了', '请问要放多少糖', '明天就做', '好香啊'],
    en: {
      subjects: ['meal prep', 'baking', 'breakfast'],
      titles: ['Easy {s} in {n} minutes', 'Cooking for one {e}'],
      sentences: ['Simple ingredients, nothing fancy.', 'Prep the night before to save time.'],
      tags: ['cooking', 'recipe', 'homecooking'],
    },
  },
];

/** Short generic praise: many unrelated users write the same few words. */
export const GENERIC_PRAISE = ['好看！', '太美了', '好喜欢', '绝了', '爱了爱了', '好可爱', '哇', '码住', '收藏了', '学到了', '太有用了', '谢谢分享', '羡慕', '好想去', '宝藏博主', '被种草了', '真好', '好看😍', '太好看了吧', '哈哈哈哈哈', '好棒', '赞', '👍👍', '❤️', '好治愈', '喜欢喜欢'];
export const GENERIC_QUESTIONS = ['请问是在哪里拍的？', '多少钱呀', '求店名', '请问在哪里买的', '有同款吗', '请问是哪里呀', '这是什么颜色', '想问一下用了多久', '适合新手吗', '多大尺寸呀'];
export const PERSONAL_COMMENTS = ['我也去过，超喜欢', '上周刚去，人好多', '一样一样', '同款！', '终于有人说了', '哈哈哈太真实了', '看完心情好好', '下次我也试试', '想起了我的大学时光', '这个我有，确实不错', '又是被种草的一天', '说到心坎里了'];
export const AUTHOR_REPLIES = ['谢谢喜欢～', '是的呀', '哈哈哈谢谢', '去就对了', '不客气～', '对的对的', '可以试试', '我也是第一次', '谢谢宝', '嘿嘿', '有机会一起', '在{c}哦'];
export const EN_COMMENTS = ['love this!', 'so pretty 😍', 'where is this?', 'need this', 'omg yes', 'saving this', 'thanks for sharing', 'this is so cute', 'same here lol'];
export const EN_REPLIES = ['thank you!', 'haha yes', 'glad you like it', 'go for it!', 'it was in {c}'];

/** Simplified sentences sprinkled with English, as many young users write. */
export const MIXED_SENTENCES = ['今天的vibe真的很chill', '这个look我愿称之为yyds', '周末就是要slow life', 'citywalk的一天，走了两万步', '这家的latte拉花好可爱', '最近的daily routine就是这样', '心情被治愈了，so happy', '整体feel很松弛', '颜色是我的type', '下班后的me time'];

/** Per-sentence variation, so ordinary notes rarely repeat each other verbatim. */
export const SENTENCE_LEADS = ['说实话，', '个人觉得', '讲真，', '其实', '不过', '另外，', '感觉', '真心觉得', '而且', '顺便说一下，', '怎么说呢，', '总之'];
export const SENTENCE_TAILS = ['～', '哈哈', '！', '…', '（个人感受）', '🤔', '😂', '吧', '啦', '，懂的都懂', '，大家自行判断'];
/** Personal details that make a note someone's own. */
export const DETAILS = [
  '{when}和{who}一起去的。', '{when}{who}推荐给我的。', '这是我第{n}次来了。', '前前后后花了大概{m}分钟。', '{who}说下次还想再来。', '{when}刚好有空，就顺便记录一下。',
  '拍照的时候{who}一直在催我哈哈。', '本来{when}就想发的，拖到现在。', '没想到{who}也喜欢。', '{when}的天气特别好。', '排了{m}分钟的队。', '{who}帮我拍的照片。',
];
export const DETAIL_WHEN = ['上周六', '昨天', '国庆', '前两天', '周末', '下班后', '今天中午', '上个月', '元旦', '生日那天', '端午', '某个雨天'];
export const DETAIL_WHO = ['闺蜜', '男朋友', '老公', '室友', '同事', '爸妈', '朋友', '家里人', '表妹', '同学', '老婆', '孩子'];
/** Everyday asides that fit any topic. */
export const LIFE_SENTENCES = [
  '最近工作有点忙，更新慢了。', '天气终于转晴了，心情也跟着变好。', '周末就想在家躺着。', '这段时间一直在调整作息。', '又到了换季的时候，注意别感冒。', '今年过得好快啊。',
  '最近迷上了早起。', '下班回家的路上突然很想记录一下。', '好久没这么放松了。', '本来不打算发的，想想还是留个纪念。', '评论区有问题我看到都会回。', '希望明天也是好天气。',
  '手机里存了好多照片，慢慢整理。', '最近在努力存钱。', '感谢大家之前的建议，很有用。', '这周过得有点累，但很充实。', '冬天真的太适合窝着了。', '终于把拖了很久的事情做完了。',
];

export const OPENERS = ['', '', '', '今天来分享一下。', '碎碎念一下。', '最近好多人问，统一回复一下。', '记录一下。', '终于有空更新了！', '来交作业啦～'];
export const CLOSERS = ['', '', '', '以上都是个人感受，仅供参考。', '大家有什么想看的可以评论区告诉我。', '就先写到这里啦。', '希望对大家有帮助～', '有问题可以留言交流。'];
export const EN_OPENERS = ['', '', '', 'Quick share!', 'A little update.', 'Okay so.', 'Long overdue post!', 'Finally posting this.'];
export const EN_CLOSERS = ['', '', '', 'Just my experience!', 'Let me know what you think.', 'More soon.', 'Would go again.', 'Thanks for reading 💛'];
export const EN_DETAILS = ['Went with my {who} {when}.', 'My {who} recommended it {when}.', 'This was my {n}th time.', 'Took about {m} minutes.', 'My {who} took the photos.', 'The weather {when} was perfect.', 'Honestly did not expect to like it this much.', 'Been meaning to post this since {when}.'];
export const EN_WHEN = ['last Saturday', 'yesterday', 'over the holiday', 'last weekend', 'after work', 'last month', 'on my birthday'];
export const EN_WHO = ['sister', 'best friend', 'boyfriend', 'husband', 'roommate', 'coworker', 'parents', 'mum'];
export const EN_LIFE = ['Work has been crazy lately.', 'Finally some sunshine!', 'Trying to be more consistent with posting.', 'Saving up for a trip next year.', 'Such a cozy week.', 'Still recovering from the weekend lol.'];

export const MONTHS = ['3月', '4月', '5月', '国庆', '五一', '暑假', '10月', '11月初', '春节前'];
export const EN_MONTHS = ['March', 'April', 'May', 'October', 'early November', 'summer'];

export const NICK_HEADS = ['小', '大', '阿', '', '', '', '是', '一只', '今天的', '奶糖', '喵', ''];
export const NICK_CORES = ['鱼', '桃子', '橘子', '兔兔', '芒果', '栗子', '星星', '月亮', '云朵', '糯米', '奶茶', '柚子', '布丁', '豆豆', '饭团', '葡萄', '可乐', '西西', '七七', '安安', '木木', '阳阳', '一一', '南风', '北北', '晚晚', '小满', '知夏', '听雨', '森林', '鹿鹿', '柠檬', '椰椰', '麻薯', '汤圆', '土豆', '番茄', 'momo', 'Yuki', 'Coco', 'Luna', 'Mia', 'Kiki', 'Lily', 'Zoe', 'Leo', 'Max'];
export const NICK_TAILS = ['', '', '', '酱', '呀', '子', '同学', '的日常', '在上海', '在成都', '_', 'er', '本喵', '想吃肉', '不吃香菜', '今天也要开心', '爱旅行', '的小窝', '🌷', '🍊', 'ovo', '吖'];
export const EN_NICKS = ['sunny_days', 'mia.daily', 'coffee&books', 'lucy_in_sh', 'kevin.eats', 'jess travels', 'ann_w', 'milk.tea.lover', 'the_slow_life', 'cloudy.z', 'nina_n', 'tomato_soup'];

export const BIO_PARTS = ['坐标{c}', '95后', '00后', '90后打工人', 'INFJ', 'ENFP', '咖啡续命', '记录生活', '分享日常', '爱吃爱玩', '社恐但话多', '努力变好', '一只铲屎官', '新手妈妈', '考研人', '摄影爱好者', '喜欢旅行和美食', '慢慢来比较快', '认真生活', '不定期更新'];
export const EN_BIO_PARTS = ['based in {c}', 'coffee first', 'slow living', 'film & food', 'cat mom', 'always hungry', 'travel diary'];

/** Fictional brand names and categories; brand ids are generated per brand account. */
export const BRAND_HEADS = ['露', '植', '悦', '初', '木', '森', '青', '禾', '语', '漫', '澜', '素', '沐', '芊', '野', '栗', '椰', '橙', '星', '溪', '拾', '未', '望', '岚', '芙', '朴'];
export const BRAND_TAILS = ['米', '愈', '颜', '萃', '研', '然', '集', '屿', '舍', '氧', '肌', '纪', '里', '悠', '白', '光', '田', '森', '物', '兮'];
export const BRAND_SUFFIXES = ['', '', '', 'Lab', '研究所', '工坊', '良品', 'Studio', '生活'];
export const BRAND_CATEGORIES: { id: string; name: string; products: string[]; topic: string }[] = [
  { id: 'skincare', name: '护肤', products: ['修护面霜', '保湿精华', '氨基酸洗面奶', '舒缓喷雾', '身体乳', '防晒乳'], topic: 'beauty' },
  { id: 'makeup', name: '彩妆', products: ['雾面口红', '持妆粉底液', '九色眼影盘', '腮红', '定妆散粉'], topic: 'beauty' },
  { id: 'coffee', name: '咖啡', products: ['冻干咖啡', '挂耳咖啡', '冷萃咖啡液', '拿铁'], topic: 'food' },
  { id: 'snack', name: '零食', products: ['坚果礼盒', '低卡饼干', '冻干水果', '魔芋爽'], topic: 'food' },
  { id: 'home', name: '家居', products: ['香薰蜡烛', '收纳盒', '四件套', '落地灯', '香氛'], topic: 'home' },
  { id: 'apparel', name: '服饰', products: ['羊毛大衣', '针织开衫', '阔腿裤', '羽绒服'], topic: 'fashion' },
  { id: 'baby', name: '母婴', products: ['婴儿湿巾', '纸尿裤', '辅食机', '儿童面霜'], topic: 'parenting' },
  { id: 'pet', name: '宠物', products: ['冻干猫粮', '豆腐猫砂', '宠物零食', '自动喂食器'], topic: 'pets' },
  { id: 'digital', name: '数码配件', products: ['降噪耳机', '快充充电器', '机械键盘', '手机壳'], topic: 'tech' },
  { id: 'wellness', name: '健康', products: ['益生菌', '胶原蛋白饮', '代餐奶昔', '维生素软糖'], topic: 'fitness' },
];

/** Professional (verified business) accounts: kinds of business and what they post. */
export const BUSINESSES: { kind: string; names: string[]; topic: string; posts: string[] }[] = [
  { kind: '餐厅', names: ['小馆', '私房菜', '食堂', '面馆'], topic: 'food', posts: ['本周新菜{item}上桌，欢迎来尝尝。', '今天的{item}从早上{h}点就开始准备了。', '店休通知：{wd}闭店调整。', '感谢老顾客一直以来的支持，{item}会一直做下去。', '{date}起{item}回到菜单。', '后厨在试{item}和{item2}的新做法。'] },
  { kind: '咖啡店', names: ['咖啡', 'Coffee', '咖啡馆'], topic: 'food', posts: ['{item}上新。', '今天的豆子是{item}。', '店里新添了几盆绿植，{wd}来坐坐。', '{wd}有拉花体验课。', '{date}开始供应{item}。', '{item}和{item2}搭着喝很不错。'] },
  { kind: '美发沙龙', names: ['造型', '发艺', 'Hair Studio'], topic: 'beauty', posts: ['今日作品分享：{item}。', '换季护发小建议：{item}之后记得做护理。', '本月排班表已更新，{wd}休息。', '{item}作品分享，{date}的顾客。', '这周做了{n}个{item}。'] },
  { kind: '摄影工作室', names: ['影像', '摄影', 'Photo'], topic: 'photo', posts: ['客片分享：{item}。', '档期更新：{mo}月还有少量空位。', '拍摄前的准备小贴士：{item}篇。', '{date}的{item}客片。', '{item}的样片整理好了。'] },
  { kind: '健身工作室', names: ['健身', '普拉提', '运动馆'], topic: 'fitness', posts: ['新学员{item}安排。', '教练带练：{item}。', '课程表更新啦，{wd}晚上加了{item}。', '{date}的{item}，来了{n}位学员。', '{item}小课堂：动作要点。'] },
  { kind: '花店', names: ['花艺', '花坊', 'Flower'], topic: 'home', posts: ['今日到货：{item}。', '节日花束开始准备，主花是{item}。', '鲜花养护小知识：{item}篇。', '{date}的花束，{item}配{item2}。', '这周的{item}开得正好。'] },
  { kind: '宠物医院', names: ['宠物医院', '动物诊所'], topic: 'pets', posts: ['冬季宠物保暖提醒。', '{item}时间说明。', '医生科普：{item}。', '{item}常见问题解答。', '{wd}上午门诊照常，{item}需要空腹。'] },
  { kind: '民宿', names: ['民宿', '小院', '山居'], topic: 'travel', posts: ['{item}旁的银杏黄了。', '{mo}月房态更新。', '周边游玩路线推荐：从{item}出发。', '{date}的{item}。', '{item}收拾好了，等你们来。'] },
  { kind: '培训机构', names: ['教育', '学堂', '英语'], topic: 'study', posts: ['{item}开始安排。', '学员作品展示：{item}。', '备考时间规划建议。', '{date}的{item}结束啦。', '{item}第{n}期回顾。'] },
  { kind: '口腔诊所', names: ['口腔', '齿科'], topic: 'beauty', posts: ['{item}前后注意事项。', '{item}说明。', '医生科普：{item}。', '{item}常见问题解答。', '{wd}门诊时间调整。'] },
];
