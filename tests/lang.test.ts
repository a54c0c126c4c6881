// The language tables, sentence by sentence: what is procedural (kept in the
// notes, never a bullet) and what is a point of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProcedural } from '../src/lang/rules.js';
import { displayWidth } from '../src/lang/text.js';

const PROCEDURAL_ZH = [
  '下面，我讲三点意见。',
  '在肯定成绩的同时，我们也要清醒看到存在的问题。',
  '肯定成绩是必要的，但更要正视问题。',
  '同时也要看到存在的不足和差距：',
  '现将有关情况报告如下。',
];
const POINTS_ZH = [
  '在肯定成绩的同时，我们也要清醒看到，全年有37个项目未能按期开工。',
  '要正视问题，一项一项整改，一条一条销号。',
  '问题终将会得到解决，事在人为，希望总是在前头。',
];

test('procedural sentences (Chinese): announcements and bare transitions', () => {
  for (const s of PROCEDURAL_ZH) assert.ok(isProcedural(s, 'zh'), s);
  for (const s of POINTS_ZH) assert.ok(!isProcedural(s, 'zh'), s);
});

test('procedural sentences: announcements of what follows, in both languages', () => {
  for (const s of ['2025年，我将从以下几个方面加以改进。', '这里还要强调一点。']) assert.ok(isProcedural(s, 'zh'), s);
  for (const s of ['What follows is what we heard, and what we will do about it.', 'I have spent much of the last two years asking people what they want from us.']) assert.ok(isProcedural(s, 'en'), s);
  assert.ok(!isProcedural('这里还要强调一点，廉洁问题往往是从小事开始的。', 'zh'));
});

test('thanks: for having the speaker, or naming no one, is procedural; thanks naming a person or a body is a point', async () => {
  for (const s of ["Thank you to the organising committee for inviting me to open this year's Regional Water Forum.", 'I want to thank all of you.']) assert.ok(isProcedural(s, 'en'), s);
  for (const s of ['I want to thank especially our longest-serving colleague, Peter Osei, who joined in 1979.', 'I also want to thank the Riverside Rotary Club and the Hollis Family Foundation, whose donations paid for the garden.'])
    assert.ok(!isProcedural(s, 'en'), s);
  const { sentencePhrases } = await import('../src/plan/condense.js');
  // An aside (who …) that runs to the end goes whole, not up to a comma inside it.
  const got = sentencePhrases('I want to thank our librarians, led by Grace Whitfield, who have been packing, unpacking and shelving fifty-eight thousand books for the past six weeks.', 'en', 3);
  assert.deepEqual(got.map((x) => x.text), ['Thanks to our librarians, led by Grace Whitfield']);
  // Two people in the halves of one sentence: a bullet each.
  const two = sentencePhrases('长宁县黄塘镇党委委员周建华同志在转移群众途中被洪水冲走，不幸牺牲，年仅37岁；清河区城管执法大队队员刘海涛同志连续奋战七天七夜，倒在了抢险岗位上。', 'zh', 3);
  assert.equal(two.length, 2);
  assert.ok(two[0]!.text.includes('周建华') && two[1]!.text.includes('刘海涛'), JSON.stringify(two));
});

test('line breaks (phrases): never inside a compound, a number with its unit, or before 的 or a locative', async () => {
  const { phrases } = await import('../src/lang/segment.js');
  const cases: Array<[string, string]> = [
    ['在新时代的广阔舞台上建功立业', '在|新时代的|广阔舞台上|建功立业'],
    ['在工作中发现问题', '在|工作中|发现问题'],
    ['推动经济社会发展', '推动|经济社会发展'],
    ['同比增长4.1个百分点', '同比增长|4.1个百分点'],
    ['拥有9900多万名党员', '拥有|9900多万名党员'],
    // parts set apart by ideographic spaces stay whole
    ['盯紧目标抓冲刺　守住底线抓安全　着眼长远抓谋划', '盯紧目标抓冲刺　|守住底线抓安全　|着眼长远抓谋划'],
    // a threshold with its number; a verb with its question complement
    ['全年集中学习不少于12次', '全年|集中学习|不少于12次'],
    ['基础打得牢不牢，决定了你们能走多远', '基础|打得牢不牢，|决定了|你们|能走多远'],
    // a word jieba does not know, spelt out character by character, is one word, and ends there
    ['要把师德师风作为第一标准', '要|把|师德师风|作为第一|标准'],
    // a locative after a preposition is not one: 下一步 stays whole
    ['对下一步工作作出部署', '对|下一步工作|作出部署'],
  ];
  for (const [text, want] of cases) {
    const got = phrases(text);
    assert.equal(got.join(''), text, 'the phrases spell the text');
    assert.equal(got.join('|'), want);
  }
});

test('a title that leaves its subject hanging (千百年来，一片小小的茶叶) is told by part-of-speech tags', async () => {
  const { endsHanging } = await import('../src/lang/segment.js');
  for (const t of ['千百年来，一片小小的茶叶', '我们市财政局的历史']) assert.ok(endsHanging(t), t);
  for (const t of ['人间四月天，最美是茶乡', '青川是一片投资兴业的热土', '以茶为媒，以节会友', '2015年工作成效', '存在的问题', '城市干净不干净，老百姓最有发言权']) assert.ok(!endsHanging(t), t);
});

test('what a sentence lists its subject will do is a bullet a thing; a general sentence the next turns against only concedes', async () => {
  const { sentencePhrases } = await import('../src/plan/condense.js');
  const got = sentencePhrases('We will double the number of foundation-year places, expand our partnership with the four further education colleges in the county, and guarantee an interview to every applicant from a local school who meets our contextual offer.', 'en', 3);
  assert.deepEqual(got.map((x) => x.text), [
    'Double the number of foundation-year places',
    'Expand our partnership with the four further education colleges in the county',
    'Guarantee an interview to every applicant from a local school who meets our contextual offer',
  ]);
  // (Adjectives in a row are no list of things done.)
  assert.equal(sentencePhrases('We will build a safer, fairer and greener city for everyone who lives and works here and for their children too.', 'en', 3).length, 1);
  // Four sentences, three bullets: the concession is the one left out.
  const p = 'We publish more papers than ever, and some of them are outstanding. But our partners could not say what our research changed for them. We will create a Civic Research Fund of four million pounds. It will be open only to projects co-designed with a partner.';
  const kept = sentencePhrases(p, 'en', 3).map((x) => x.text).join('|');
  assert.ok(!kept.includes('We publish more papers'), kept);
  // A concession with figures keeps them (综合得分82.6分……。但……仍排在全省后列).
  const zh = '营商环境就是生产力。今年上半年，我市综合得分82.6分，两项指标进入全省前三。但是，“办理建筑许可”等指标仍排在全省后列。市12345热线共受理涉企诉求6843件。';
  assert.ok(sentencePhrases(zh, 'zh', 3).some((x) => x.text.includes('82.6')));
});

test('what exactly, named in a list of three, is concrete; a slogan of words that end alike and fields of work are not', async () => {
  const { concreteness } = await import('../src/lang/rules.js');
  assert.ok(concreteness('重点检查在建工程、人员密集场所和冬季取暖设施', 'zh') > 0);
  assert.ok(concreteness('严格落实首问负责、一次性告知、限时办结等制度', 'zh') > 0);
  assert.equal(concreteness('我们党来自人民、植根人民、服务人民', 'zh'), 0);
  assert.equal(concreteness('产业发展、城市更新、民生保障等方面的资金需求十分旺盛', 'zh'), 0);
});

test('the words that say problems exist, before the list of them, only lead into it', async () => {
  const { sentencePhrases } = await import('../src/plan/condense.js');
  const got = sentencePhrases('在肯定成绩的同时，我们必须清醒看到，经济运行中还存在不少困难和问题：一是投资增长乏力，固定资产投资同比下降12.2%；二是项目储备不足，开工率仅为41.3%；三是企业经营困难，亏损企业占比达到18.7%。', 'zh', 4).map((x) => x.text);
  assert.equal(got.length, 3, JSON.stringify(got));
  assert.ok(!got.some((t) => t.includes('存在不少困难和问题')), JSON.stringify(got));
});

test('我们也清楚， / 我也知道， only lead into what is said', async () => {
  const { stripOpeners } = await import('../src/plan/condense.js');
  assert.equal(stripOpeners('我们也清楚，大家的工作很辛苦，收入还不够高', 'zh'), '大家的工作很辛苦，收入还不够高');
  assert.equal(stripOpeners('我也知道，你们的大学生活并不总是那么光鲜', 'zh'), '你们的大学生活并不总是那么光鲜');
});

test('a passage turns to problems when it says it sees them, not when 看到 and 问题 are a sentence apart', async () => {
  const { rules } = await import('../src/lang/rules.js');
  const topic = (t: string) => rules('zh').topics.find(([re]) => re.test(t))?.[1];
  assert.equal(topic('在肯定成绩的同时，我们也要清醒看到存在的问题。'), '存在的问题');
  assert.notEqual(topic('回顾党的百年奋斗历程，我们可以清楚地看到，什么时候理想信念坚定、党群关系密切，党的事业就蓬勃发展；什么时候这几个方面出了问题，党的事业就会遭受挫折。'), '存在的问题');
});

test('a sentence too long for its bullet drops how a thing is done (通过……等方式) before what is done', async () => {
  const { keyPhrase } = await import('../src/plan/condense.js');
  assert.equal(keyPhrase('市编办、市教育局要统筹做好编制调剂，今年秋季学期要通过公开招聘、定向培养、“县管校聘”等方式补充教师900名以上。', 'zh', 19), '今年秋季学期要补充教师900名以上');
});

test('a bullet never opens by speaking of someone named only in the sentence before (时时刻刻和他们……)', async () => {
  const { sentencePhrases, nextPhrase } = await import('../src/plan/condense.js');
  const got = sentencePhrases('时时刻刻和他们同呼吸、共命运，把工作的根子深深地扎在干部群众之中，把党和工会密切联系群众的工作做实。', 'zh', 2).map((x) => x.text);
  assert.deepEqual(got, ['把党和工会密切联系群众的工作做实']);
  assert.equal(nextPhrase('工会的同志要关心干部职工的思想和身心，时时刻刻和他们同呼吸、共命运。', '工会的同志要关心干部职工的思想和身心', 'zh', true), null);
});

test('a bullet never ends on a clause that only sets up the next (要按照“……”的原则); a count of what there is gives way to what is to be done with it', async () => {
  const { keyPhrase } = await import('../src/plan/condense.js');
  const got = keyPhrase('全市共有水毁堤防426处、水毁道路1180公里，要按照“先急后缓、先主后次”的原则，在明年汛前全面完成修复任务，其中涉及防洪安全的工程要在3月底前全部完工。', 'zh');
  assert.ok(!/原则$/.test(got), got);
  assert.ok(/前/.test(got), got);
});

test('words with no figure that lead to an inline list with a colon only announce it', async () => {
  const { sentencePhrases } = await import('../src/plan/condense.js');
  const got = sentencePhrases('这次防汛抗洪抢险救灾，既是对全市应急管理体系的一次实战检验，也给我们留下了许多宝贵的经验和深刻的启示：一是必须始终坚持人民至上、生命至上；二是必须始终坚持统一指挥、协同作战；三是必须始终坚持补短板、强弱项。', 'zh', 4).map((x) => x.text);
  assert.deepEqual(got, ['必须始终坚持人民至上、生命至上', '必须始终坚持统一指挥、协同作战', '必须始终坚持补短板、强弱项']);
});

test('English: a subject with what completes it, without the list that stands between them, when the whole is too long', async () => {
  const { keyPhrase } = await import('../src/plan/condense.js');
  assert.equal(keyPhrase("The projects on our boards today, the flood-resilient housing in Lowfield and the new children's hospital in Carrow, will matter more than anything we have built before.", 'en'), 'The projects on our boards today will matter more than anything we have built before');
});

test('a bullet keeps both halves of a pair that opens alike (对……表彰，对……通报), not the half with the teeth alone', async () => {
  const { keyPhrase } = await import('../src/plan/condense.js');
  assert.equal(keyPhrase('省直机关工委将在下半年组织专项检查，对成效明显的单位予以表彰，对工作滞后的单位进行通报。', 'zh'), '对成效明显的单位予以表彰，对工作滞后的单位进行通报');
});

test('English: a bullet does not open by pointing back to a time its slide does not show (In that time …)', async () => {
  const { stripOpeners } = await import('../src/plan/condense.js');
  assert.equal(stripOpeners('In that time she has trained more apprentices than anyone in the history of this firm', 'en'), 'She has trained more apprentices than anyone in the history of this firm');
  assert.equal(stripOpeners('Since then, the library has lent a million books', 'en'), 'The library has lent a million books');
});

test('a concrete bullet goes on, within two lines, with the clauses that still state a rule, a sanction or a second item built alike; not with a purpose or a condition', async () => {
  const { keyPhrase, hardLimit } = await import('../src/plan/condense.js');
  assert.equal(
    keyPhrase('市政府督查室将会同我局，每季度对各地各部门改革进展情况开展一次督查，督查结果纳入年度目标责任考核。', 'zh'),
    '市政府督查室将会同我局，每季度对各地各部门改革进展情况开展一次督查，督查结果纳入年度目标责任考核',
  );
  assert.equal(
    keyPhrase('乡镇（街道）便民服务中心要实现标准化全覆盖，村（社区）便民服务站要实现代办服务全覆盖，让群众在家门口就能办成事。', 'zh'),
    '乡镇（街道）便民服务中心要实现标准化全覆盖，村（社区）便民服务站要实现代办服务全覆盖',
  );
  // (Never past two lines; never ending on a condition: 确保一旦发生火情.)
  const fire = keyPhrase('区消防救援大队要严格执行执勤战备制度，加强重点单位熟悉演练，确保一旦发生火情，能够第一时间到场、第一时间处置。', 'zh');
  assert.ok(!fire.endsWith('确保一旦发生火情') && displayWidth(fire) <= hardLimit('zh'), fire);
  // (A general first cut is not lengthened: the concrete clause is found instead.)
  assert.match(keyPhrase('我们公司成立于1998年，从最初只有十几个人的小厂起步，经过二十多年的艰苦创业，发展成为今天拥有员工六千余人、年营业收入超过百亿元的高新技术企业。', 'zh'), /六千余人/);
});

test('a list the sentence counts (……五项重大活动) gives its items, one bullet each, only when the items and the count agree', async () => {
  const { countedList } = await import('../src/plan/condense.js');
  assert.deepEqual(countedList('“帮企业稳增长促振兴”、“服务振兴献良策，立足岗位做贡献”、“服务三农保春耕，省直机关在行动”、深化建功立业劳动竞赛、“辽宁振兴，巾帼建功”五项重大活动成功的组织、领导、实施，体现了各单位创新创造的崭新理念。'), [
    '“帮企业稳增长促振兴”',
    '“服务振兴献良策，立足岗位做贡献”',
    '“服务三农保春耕，省直机关在行动”',
    '深化建功立业劳动竞赛',
    '“辽宁振兴，巾帼建功”',
  ]);
  assert.deepEqual(countedList('今年以来，我们开展了“安全生产月”、“消防宣传周”、“应急演练季”等三项活动。'), ['“安全生产月”', '“消防宣传周”', '“应急演练季”']);
  // (Four names and "三项": not a list we can trust; two items: no list; no count: none.)
  assert.equal(countedList('开展了“安全生产月”、“消防宣传周”、“应急演练季”、“隐患排查年”等三项活动。'), null);
  assert.equal(countedList('新建公办幼儿园、改扩建幼儿园两类项目。'), null);
  assert.equal(countedList('要加强城乡规划、建设、管理工作。'), null);
});

test('a bullet never ends on a bare topic (每年十月的校友返校日): it takes the clause that says something of it', async () => {
  const { keyPhrase } = await import('../src/plan/condense.js');
  const { predicateless } = await import('../src/lang/segment.js');
  assert.equal(keyPhrase('学校的图书馆，毕业生凭校友卡可以终身免费使用；每年十月的校友返校日，母校都在这里等你们回来。', 'zh').endsWith('返校日'), false);
  assert.ok(predicateless('每年十月的校友返校日') && predicateless('这个数字背后'));
  assert.ok(!predicateless('母校都在这里等你们回来') && !predicateless('财政改革不断深化') && !predicateless('今年不少于1亿元'));
});

test('things announced and listed after a colon, one per semicolon, are a bullet each; the first keeps the words that announce them', async () => {
  const { colonList } = await import('../src/plan/condense.js');
  const got = colonList('今年，我们还要再办几件实事：在全市新增“爱心驿站”80个，做到主城区每两公里至少有一个；为50岁以上的环卫职工每年免费安排一次全面体检；对符合条件的外地环卫职工子女，由教育部门统筹安排就近入学；加快推进环卫作业机械化，减轻一线职工的劳动强度。', 'zh');
  assert.equal(got?.length, 4);
  assert.match(got![0]!, /^今年再办几件实事：在全市新增“爱心驿站”80个/);
  assert.equal(got![3], '加快推进环卫作业机械化，减轻一线职工的劳动强度');
  // (No announcing words, two parts, or English: none.)
  assert.equal(colonList('他说：我们要干；还要干好；更要干出成效。', 'zh'), null);
  assert.equal(colonList('主要有两点：一个是快；一个是好。', 'zh'), null);
});

test('the speaker telling where they went or what they remember (今天一大早，我……来到……; 我想起……时的样子; 刚才，我们跟着……) is said, never a bullet', async () => {
  const { weight } = await import('../src/plan/condense.js');
  for (const s of ['今天一大早，我和几位市领导一起来到城东环卫作业站，看望慰问奋战在城市环境卫生一线的环卫职工。', '此刻，站在这里，我想起四年前你们入学时的样子。', '刚才，我们跟着清扫班组走了一段路，看了大家的作业车辆和休息驿站，也和几位老师傅拉了拉家常。']) assert.equal(weight(s, 'zh'), -5, s);
  for (const s of ['今天，我们来到这里，就是要把问题摆到桌面上。', '我记得去年全市共排查隐患2.37万项。']) assert.notEqual(weight(s, 'zh'), -5, s);
});

test('three or more obligations in a row (要……；要……；要……) are a list, one point each', async () => {
  const { parallelParts } = await import('../src/plan/condense.js');
  assert.equal(parallelParts('要扩大普惠性学前教育资源，新增公办学位5万个；要着力解决城镇“大班额”问题，年底前基本消除66人以上超大班额；要认真落实学生资助政策，确保不让一个学生因家庭经济困难而失学。')?.length, 3);
  assert.equal(parallelParts('要扩大普惠性学前教育资源；要着力解决城镇“大班额”问题。'), null);
});

test('an item of an inline list whose first sentence is only its head says its head and its most concrete point', async () => {
  const { sentencePhrases } = await import('../src/plan/condense.js');
  const got = sentencePhrases('一是抓好秋粮收购。镇粮食站要协调好收储企业，合理设置收购网点，落实好最低收购价等政策。二是抓好冬季农田水利建设。结合高标准农田建设，对全镇37公里沟渠进行清淤疏浚，10月底前全部完工。', 'zh', 5).map((x) => x.text);
  assert.equal(got.length, 2);
  assert.match(got[0]!, /^抓好秋粮收购：镇粮食站要/);
  assert.match(got[1]!, /^抓好冬季农田水利建设：.*37公里/);
});

test('three or more statements of a kind split by semicolons are a point each; 只有……，……才…… stays whole', async () => {
  const { parallelParts, keyPhrase } = await import('../src/plan/condense.js');
  assert.equal(parallelParts('与省内同类医院相比，我们的高层次人才还不够多，部分学科的核心竞争力还不够强；门诊挂号、候诊、缴费时间长的问题还没有彻底解决；医疗质量安全仍有薄弱环节，医患沟通不到位；运营管理的精细化水平还不高。')?.length, 4);
  assert.equal(keyPhrase('只有符合干部群众意愿，把筹划设计等基础工作做得细致扎实，党组领导才有可能拍板决策。', 'zh'), '只有符合干部群众意愿，把筹划设计等基础工作做得细致扎实，党组领导才有可能拍板决策');
});

test('slide text typed with Latin quotes and brackets in Chinese is shown in Chinese ones; a list counted before its colon (“四多”特点：A多，B多，……) is a point each', async () => {
  const { chinesePunctuation } = await import('../src/lang/text.js');
  const { colonList } = await import('../src/plan/condense.js');
  assert.equal(chinesePunctuation('全县安全生产呈现"四多"特点'), '全县安全生产呈现“四多”特点');
  assert.equal(chinesePunctuation('(二)加强隐患排查'), '（二）加强隐患排查');
  assert.equal(chinesePunctuation('She said "yes" (2)'), 'She said "yes" (2)');
  assert.equal(colonList('进入冬季，全县安全生产呈现“四多”特点：雨雪冰冻等恶劣天气多，取暖用火用电用气多，岁末年初赶工期、抢进度多，节前人员流动和物资运输多，各类风险交织叠加。', 'zh')?.length, 4);
});

test('line breaks: a demonstrative keeps its measure word (这座|城市), 过 meaning "too" its adjective (标准|过高), a quoted term the 的 after it', async () => {
  const { phrases } = await import('../src/lang/segment.js');
  assert.ok(phrases('是这座城市最可爱的人').includes('这座'));
  assert.ok(phrases('对其中标准过高、难以持续的政策').some((p) => p.startsWith('过高')));
  assert.ok(phrases('以“时时放心不下”的责任感').includes('“时时放心不下”的'));
  for (const t of ['是这座城市最可爱的人', '对其中标准过高、难以持续的政策', '以“时时放心不下”的责任感']) assert.equal(phrases(t).join(''), t);
});

test('an English bullet drops the speaker arguing (I am arguing that …) and keeps what is argued', async () => {
  const { keyPhrase } = await import('../src/plan/condense.js');
  assert.equal(keyPhrase('I am arguing that the price should tell the truth.', 'en'), 'The price should tell the truth');
  assert.equal(keyPhrase('I think that is right.', 'en'), 'I think that is right');
});

test('lang: slide text in Chinese punctuation: Latin marks after Chinese, straight single quotes, a quotation mark left at either end; the notes keep the manuscript', async () => {
  const { chinesePunctuation, sentences } = await import('../src/lang/text.js');
  assert.equal(chinesePunctuation('怎么创?'), '怎么创？');
  assert.equal(chinesePunctuation('俭,德之共也;侈,恶之大也。'), '俭，德之共也；侈，恶之大也。');
  assert.equal(chinesePunctuation("所谓'朋友'其实是围猎者"), '所谓‘朋友’其实是围猎者');
  assert.equal(chinesePunctuation('完成143户。"'), '完成143户。”');
  assert.equal(chinesePunctuation('共1,000人，8:30开会'), '共1,000人，8:30开会');
  // A straight quotation mark after 。 opens the next sentence's quotation unless one is open.
  assert.deepEqual(sentences('完成年度目标任务的114.6%。"个转企"完成143户。他说："好。"然后走了。'), ['完成年度目标任务的114.6%。', '"个转企"完成143户。', '他说："好。"', '然后走了。']);
});

test('lang: a list announced with nothing said yet (主要是这么几个方面：, 但有几个共同的特点：, 重点抓好以下四个方面的工作：) is said, not shown; a sentence that says what the parts are is not', () => {
  for (const t of ['刚才大家讲的，我归纳了一下，主要是这么几个方面：', '从上半年督导检查情况看，主要有这么几个方面：', '这些案件，虽然情节各有不同，但有几个共同的特点：', '重点抓好以下四个方面的工作：']) assert.ok(isProcedural(t, 'zh'), t);
  for (const t of ['融资难、融资贵的问题还没有根本解决', '全县存在三个方面的短板，一是产业弱', '今年要重点抓好以下三个方面的工作：一是抓项目']) assert.ok(!isProcedural(t, 'zh'), t);
});

test('lang: a date is one phrase: a line never breaks between its month and its day (10月|31日)', async () => {
  const { phrases } = await import('../src/lang/segment.js');
  for (const t of ['确保10月31日前全部完成', '在9月30日前完成清单修订', '4月15日前完成第一轮更新']) {
    const ps = phrases(t);
    assert.equal(ps.join(''), t);
    assert.ok(!ps.some((p) => /\d月$/.test(p)), ps.join('|'));
  }
});
