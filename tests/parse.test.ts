import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpeech, matchMarker } from '../src/parse/speech.js';
import { closingParagraphs, sectionsOf } from '../src/tree.js';
import { parseDateLine, parseSpeakerLine, isSalutation, occasionFromTitle } from '../src/parse/header.js';
import { chineseNumber } from '../src/lang/text.js';
import { manuscript, SEED } from './helpers.js';

test('seed: header block, salutation, occasion', () => {
  const s = parseSpeech(manuscript(SEED));
  assert.equal(s.meta.title, '在省直机关工会工作会议上的讲话');
  assert.equal(s.meta.date, '2016-03-18');
  assert.deepEqual(s.meta.speaker, { role: '省直机关工委巡视员', name: '张锐' });
  assert.equal(s.meta.salutation, '同志们：');
  assert.equal(s.meta.occasion, '省直机关工会工作会议');
  assert.equal(s.meta.lang, 'zh');
});

test('the occasion is what the title says the speech was given at: 在……上/时/期间的讲话', () => {
  assert.equal(occasionFromTitle('在春节前走访慰问环卫一线职工时的讲话'), '春节前走访慰问环卫一线职工');
  assert.equal(occasionFromTitle('在全县安全生产工作会议上的讲话'), '全县安全生产工作会议');
  assert.equal(occasionFromTitle('在防汛救灾期间的讲话'), '防汛救灾');
});

test('seed: the four numbered requirements, inline headings', () => {
  const s = parseSpeech(manuscript(SEED));
  assert.deepEqual(
    sectionsOf(s.body).filter((x) => x.kind === 'numbered').map((x) => [x.level, x.number, x.heading, x.inline]),
    [
      [1, '一', '要紧密结合省直机关的特点谋篇布局', true],
      [1, '二', '要紧紧围绕厅局党组的工作思路安排工作', true],
      [1, '三', '要准确把握全省工作格局，掌握工作节奏', true],
      [1, '四', '要按照服务中心、建设队伍的总要求高标准的履行职责', true],
    ],
  );
  // The indented second paragraph of 二 belongs to it, and the closing is separate.
  assert.equal(sectionsOf(s.body).find((x) => x.number === '二')!.children.length, 1);
  assert.deepEqual(s.closing.words.map((p) => p.text), ['最后，祝大家工作顺利。']);
});

test('education speech: own-line headings with (一)(二)(三) under them', () => {
  const s = parseSpeech(manuscript('2018-02-28-education-conference.txt'));
  assert.equal(s.meta.date, '2018-02-28');
  assert.deepEqual(s.meta.speaker, { role: '省教育厅厅长', name: '周文' });
  assert.deepEqual(sectionsOf(s.body).map((x) => [x.heading, x.inline, sectionsOf(x.children).length]), [
    ['2017年全省教育工作回顾', false, 3],
    ['2018年重点工作任务', false, 3],
  ]);
  assert.equal(sectionsOf(sectionsOf(s.body)[0]!.children)[0]!.heading, '学前教育普及水平持续提高');
  assert.equal(sectionsOf(sectionsOf(s.body)[0]!.children)[0]!.level, 2);
  assert.match(s.closing.conclusion[0]!.text, /^同志们，教育是国之大计/);
});

test('BOM and CRLF change nothing', () => {
  const a = parseSpeech(manuscript('2018-02-28-education-conference.txt'));
  const b = parseSpeech(manuscript('bom-crlf-education.txt'));
  assert.deepEqual(b.meta, a.meta);
  assert.deepEqual(sectionsOf(b.body).map((x) => x.heading), sectionsOf(a.body).map((x) => x.heading));
});

test('GBK file with a Chinese-numeral date and a full-width space speaker line', () => {
  const m = manuscript('gbk-safety.txt');
  assert.equal(m.encoding, 'gb18030');
  const s = parseSpeech(m);
  assert.equal(s.meta.title, '在全市安全生产工作会议上的讲话');
  assert.equal(s.meta.date, '2023-01-10');
  assert.deepEqual(s.meta.speaker, { role: '市政府副市长', name: '李明' });
  assert.equal(sectionsOf(s.body).length, 3);
  assert.deepEqual(s.closing.words.map((p) => p.text), ['谢谢大家！']);
});

test('English speech: date, "Name, Role", numbered paragraphs', () => {
  const s = parseSpeech(manuscript('2024-06-14-welcome-remarks-en.txt'));
  assert.equal(s.meta.lang, 'en');
  assert.equal(s.meta.date, '2024-06-14');
  assert.deepEqual(s.meta.speaker, { name: 'David Chen', role: 'Head Librarian' });
  assert.deepEqual(sectionsOf(s.body).map((x) => x.heading), ['Reading builds habits that last', 'Reading is better together', 'Reading should be open to everyone']);
  assert.match(s.closing.words[0]!.text, /^Thank you/);
});

test('messy whitespace: indentation, stray spaces before punctuation, no blank lines', () => {
  const clean = '讲话\n2020年1月2日\n一、要抓好落实。这是关键。\n二、要加强学习。学无止境。\n最后，祝大家新年快乐。\n';
  const messy = '  讲话  \r\n\r\n\r\n\t2020年1月2日\r\n　　一、要抓好落实 。这是关键 。\r\n\r\n    二、要加强学习。 学无止境。\r\n最后 ，祝大家新年快乐。\r\n';
  const a = parseSpeech(manuscript(clean));
  const b = parseSpeech(manuscript(messy));
  assert.deepEqual(b.meta, a.meta);
  assert.deepEqual(sectionsOf(b.body).map((x) => [x.heading, x.lead.text]), sectionsOf(a.body).map((x) => [x.heading, x.lead.text]));
  assert.deepEqual(closingParagraphs(b.closing).map((p) => p.text), closingParagraphs(a.closing).map((p) => p.text));
});

test('numbering markers: levels, and numbers that are not markers', () => {
  assert.equal(matchMarker('一、总体要求')?.rank, 1);
  assert.equal(matchMarker('（二）重点任务')?.ordinal, 2);
  assert.equal(matchMarker('3. 加强领导')?.rank, 3);
  assert.equal(matchMarker('（1）强化考核')?.rank, 4);
  assert.equal(matchMarker('②优化结构')?.ordinal, 2);
  assert.equal(matchMarker('2015年，工作取得进展'), null);
  assert.equal(matchMarker('3.5亿元投资到位'), null);
});

test('out-of-sequence numbers stay paragraphs', () => {
  const s = parseSpeech(manuscript('题目\n同志们：\n一、第一部分。内容。\n三、这不是第二部分。内容。\n二、第二部分。内容。\n'));
  assert.deepEqual(sectionsOf(s.body).map((x) => x.number), ['一', '二']);
  assert.equal(sectionsOf(s.body)[0]!.children.length, 1);
});

test('header helpers', () => {
  assert.equal(chineseNumber('二十三'), 23);
  assert.equal(parseDateLine('（2016年3月18日）')?.iso, '2016-03-18');
  assert.equal(parseDateLine('14 June 2024')?.iso, '2024-06-14');
  assert.equal(parseDateLine('2024-06-14')?.iso, '2024-06-14');
  assert.equal(parseDateLine('2016年3月18日，我们召开会议。'), null);
  assert.deepEqual(parseSpeakerLine('（省委书记  王强）'), { role: '省委书记', name: '王强' });
  assert.equal(parseSpeakerLine('今天我们召开会议。'), null);
  assert.ok(isSalutation('尊敬的各位领导、各位来宾：'));
  assert.ok(!isSalutation('下面，我讲三点意见，供大家参考，不妥之处请批评指正：'));
});

test('no title line: the meeting named by topic (这次座谈会……围绕X这个主题), or whom a toast raises glasses to', () => {
  assert.equal(parseSpeech(manuscript('同志们：\n这次座谈会开得很有意义。上午，大家围绕乡村振兴这个主题谈了很好的意见。\n一、要抓好落实。这是关键。\n二、要加强学习。学无止境。\n')).meta.title, '在乡村振兴座谈会上的讲话');
  assert.equal(parseSpeech(manuscript('Friends,\n\nShe has been with us for thirty years, and we will miss her.\n\nSo please, everyone, raise your glasses. To Margaret!\n')).meta.title, 'A Toast to Margaret');
});

test('no header: a speaker who names themselves (my name is Tom) is the speaker', () => {
  const s = parseSpeech(manuscript('Friends,\n\nFor those who don\'t know me, my name is Tom, and I have worked with Margaret for twenty years.\n\nSo please, everyone, raise your glasses. To Margaret!\n'));
  assert.deepEqual(s.meta.speaker, { role: '', name: 'Tom' });
});

test('three paragraphs that open with one verb and a short object (抓项目建设，……) are parallel points', () => {
  const s = parseSpeech(manuscript('讲话\n一、下半年工作\n下半年，要重点抓好三项工作。\n抓项目建设，要全力以赴扩大有效投资。一是加快进度。\n抓企业服务，要千方百计帮助企业纾困解难。\n抓风险防范，要守住不发生系统性风险的底线。\n二、其他\n要加强学习。\n'));
  const first = sectionsOf(s.body)[0]!;
  assert.deepEqual(sectionsOf(first.children).map((x) => [x.kind, x.heading]), [['parallel', '抓项目建设'], ['parallel', '抓企业服务'], ['parallel', '抓风险防范']]);
});

test('no title anywhere: a speech of a few short numbered parts is named by them, else 讲话', () => {
  const parts = (heads: string[]) => ['同志们：', '这次会议开得很好。', ...heads.map((h, i) => `${'第一第二第三第四第五'.slice(i * 2, i * 2 + 2)}，${h}。要抓紧抓实，确保年底前完成。`), '谢谢大家！'].join('\n\n');
  assert.equal(parseSpeech(manuscript(parts(['要盯紧目标抓冲刺', '要守住底线抓安全', '要着眼长远抓谋划']), 'notes')).meta.title, '盯紧目标抓冲刺　守住底线抓安全　着眼长远抓谋划');
  // Long headings do not make a title.
  assert.equal(parseSpeech(manuscript(parts(['要进一步提高政治站位，切实增强做好工作的责任感', '要守住底线抓安全']), 'notes')).meta.title, '讲话');
});

test('a paragraph that turns to the problems after the last subsection speaks for the whole part, not for that subsection', async () => {
  const { parseSpeech } = await import('../src/parse/speech.js');
  const { sectionsOf } = await import('../src/tree.js');
  const { manuscript } = await import('./helpers.js');
  const speech = parseSpeech(manuscript('tests/fixtures/manuscripts/01-zh-own-line-headings.txt'));
  const one = sectionsOf(speech.body)[0]!;
  const last = sectionsOf(one.children).at(-1)!;
  assert.ok(!last.children.some((n) => n.type === 'paragraph' && n.text.startsWith('在肯定成绩的同时')), 'not under its last subsection');
  assert.ok(one.children.some((n) => n.type === 'paragraph' && n.text.startsWith('在肯定成绩的同时')), 'under the part');
});

test('a paragraph that sums up after a part\'s last numbered point (回顾党的百年奋斗历程，……) speaks for the part', async () => {
  const { parseSpeech } = await import('../src/parse/speech.js');
  const { sectionsOf } = await import('../src/tree.js');
  const { manuscript } = await import('./helpers.js');
  const one = sectionsOf(parseSpeech(manuscript('tests/fixtures/manuscripts/17-zh-party-lecture.txt')).body)[0]!;
  const sub = sectionsOf(one.children)[0]!;
  assert.ok(sub.children.some((n) => n.type === 'paragraph' && n.text.startsWith('回顾党的百年奋斗历程')), 'under （一）');
  assert.ok(!sectionsOf(sub.children).at(-1)!.children.some((n) => n.type === 'paragraph' && n.text.startsWith('回顾')), 'not under its point 3');
});

test('header: notes on the manuscript are no part of the title; where-and-when lines give the date; a speaker line written as a phrase; a salutation over two lines', () => {
  const zh = parseSpeech(manuscript('在全区民营企业家座谈会上的讲话\n（根据录音整理）\n\n区委书记　赵振华\n2024.3.15\n\n尊敬的周建华副市长，尊敬的省农业农村厅李明远处长，\n各位来宾，各位客商，女士们、先生们、朋友们：\n\n今天这个会，是开年以后专门为民营企业开的。\n\n谢谢大家！'));
  assert.equal(zh.meta.title, '在全区民营企业家座谈会上的讲话');
  assert.equal(zh.meta.date, '2024-03-15');
  assert.equal(zh.meta.salutation, '尊敬的周建华副市长，尊敬的省农业农村厅李明远处长，各位来宾，各位客商，女士们、先生们、朋友们：');
  const en = parseSpeech(manuscript("Carol's retirement — toast (draft 3, final?)\nGiven by Dr. James Whitfield, Director of Surgical Nursing\nRiverside General Hospital, staff lounge, Friday June 28, 2024\n\nGood evening, everybody. Carol came here in 1992.\n\nShe ran the unit for three days straight.\n\nTo Carol!\n\n(Cake after. Card is going round, please sign before 6.)"));
  assert.equal(en.meta.title, "Carol's retirement — toast");
  assert.deepEqual(en.meta.speaker, { name: 'Dr. James Whitfield', role: 'Director of Surgical Nursing' });
  assert.equal(en.meta.date, '2024-06-28');
  assert.equal(parseDateLine('Leeds head office and livestream to all sites — Thursday 14 November 2024')?.iso, '2024-11-14');
  assert.equal(parseDateLine('Leeds head office and livestream to all sites')?.iso, undefined);
  // A stage direction in brackets is said (it is in the notes), never shown.
  const paras = closingParagraphs(en.closing);
  assert.ok(paras.some((p) => p.text.startsWith('(Cake after') && p.aside));
  assert.ok(paras.some((p) => p.text === 'To Carol!'));
});

test('header: a speaker line as what is given and by whom; a line of when, then where', () => {
  assert.deepEqual(parseSpeakerLine("Head Teacher's Address: Mrs Catherine Ellison"), { name: 'Mrs Catherine Ellison', role: 'Head Teacher' });
  assert.equal(parseDateLine('Thursday 11th July 2024, Main Hall, 7.00pm')?.iso, '2024-07-11');
  assert.equal(parseSpeakerLine('Note: Read slowly'), null);
});

test('structure: three or more paragraphs in a row that open with a short sentence of what must be done (要……。) are points of their own, titled by it', () => {
  const s = parseSpeech(manuscript('在现场会上的讲话\n\n同志们：\n\n其次，要突出抓好重点任务。\n\n要牢牢守住粮食安全和防止规模性返贫两条底线。今年全县粮食播种面积要稳定在58万亩以上。\n\n要把产业振兴摆在更加突出的位置。今年要新培育龙头企业5家。\n\n要持续壮大村级集体经济。30万元以下的薄弱村全部清零。\n\n谢谢大家！'));
  const heads: string[] = JSON.stringify(s.body).match(/"heading":"[^"]*"/g) ?? [];
  assert.ok(heads.includes('"heading":"要牢牢守住粮食安全和防止规模性返贫两条底线"'), heads.join(' '));
  assert.ok(heads.includes('"heading":"要持续壮大村级集体经济"'), heads.join(' '));
  // Two such paragraphs are not a run: they stay paragraphs.
  const two = parseSpeech(manuscript('讲话\n\n同志们：\n\n要牢牢守住两条底线。今年要稳定在58万亩以上。\n\n要把产业振兴摆在突出位置。今年要培育龙头企业5家。\n\n谢谢大家！'));
  assert.ok(!JSON.stringify(two.body).includes('"kind":"parallel"'));
});

test('structure: paragraphs that open by naming their field (道路交通安全方面。市公安局……) are points of their own, titled by it', () => {
  const s = parseSpeech(manuscript('在安全生产工作会议上的讲话\n\n同志们：\n\n二、突出重点领域\n\n道路交通安全方面。市公安局要牵头抓好。5月31日前完成187处路段防护设施建设。\n\n建筑施工安全方面。市住建局要牵头。4月30日前对412个项目开展一轮检查。\n\n消防安全方面。市消防救援支队要牵头。9月30日前新建充电端口2万个以上。\n\n谢谢大家！'));
  const heads: string[] = JSON.stringify(s.body).match(/"heading":"[^"]*"/g) ?? [];
  assert.ok(heads.includes('"heading":"道路交通安全方面"') && heads.includes('"heading":"消防安全方面"'), heads.join(' '));
});
