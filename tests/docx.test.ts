// Word manuscripts (issue 10): the text mammoth reads, with Word's automatic
// numbering put back as Word shows it, and one clear line for files that are not
// a readable .docx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chineseCounting, Counter, formatCount, readNumbering, readStyles } from '../src/input/numbering.js';
import { docxToText } from '../src/input/docx.js';
import { readManuscript } from '../src/input/files.js';
import { SpeechdeckError } from '../src/errors.js';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import { explainOutline } from '../src/explain.js';
import { makeDocx, numberingXml, stylesXml } from './docx-helpers.js';
import { FIXTURES } from './fixtures/docx/make.mjs';
import { manuscript, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'speechdeck-docx-'));

test('numbering formats: counts written as Word writes them', () => {
  assert.deepEqual([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 111].map(chineseCounting), ['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一百一十一']);
  const got = (fmt: string) => [1, 2, 3, 4].map((n) => formatCount(n, fmt)).join(' ');
  assert.equal(got('decimal'), '1 2 3 4');
  assert.equal(got('decimalFullWidth'), '１ ２ ３ ４');
  assert.equal(got('decimalEnclosedCircle'), '① ② ③ ④');
  assert.equal(got('ideographTraditional'), '甲 乙 丙 丁');
  assert.equal(got('upperRoman'), 'I II III IV');
  assert.equal(got('lowerLetter'), 'a b c d');
  assert.equal(got('chineseCountingThousand'), '一 二 三 四');
  assert.equal(formatCount(7, 'an unknown format'), '7');
});

test('numbering: levels count and restart as in Word; lists that share an abstract numbering share counters; a start override begins again', () => {
  const defs = readNumbering(
    numberingXml(
      [{ id: '0', levels: [[0, 'chineseCounting', '%1、'], [1, 'chineseCounting', '（%2）'], [2, 'decimal', '%3.'], [3, 'decimal', '%1.%4']] }, { id: '5', levels: [[0, 'decimalEnclosedCircle', '%1', 1]] }],
      [{ numId: '1', abstractId: '0' }, { numId: '2', abstractId: '0' }, { numId: '3', abstractId: '5' }, { numId: '4', abstractId: '5', starts: { 0: 1 } }],
    ),
    readStyles(null),
  );
  const c = new Counter(defs);
  const seq = [
    c.next('1', 0), c.next('1', 1), c.next('1', 2), c.next('1', 2), c.next('1', 1), c.next('1', 2),
    // (Another list instance of the same abstract numbering goes on counting.)
    c.next('2', 0), c.next('2', 1), c.next('2', 3),
    c.next('3', 0), c.next('3', 0),
    // (A start override begins again.)
    c.next('4', 0),
    c.next('0', 0), c.next('99', 0),
  ];
  assert.deepEqual(seq, ['一、', '（一）', '1.', '2.', '（二）', '1.', '二、', '（一）', '二.1', '①', '②', '①', null, null]);
});

test('docx: the text of each paragraph with the label Word shows; a table keeps its text', async () => {
  const bytes = await makeDocx(
    [
      { text: '在全市工作会议上的讲话' },
      { text: '同志们：' },
      { text: '要抓好落实', numId: '1', ilvl: 0 },
      { text: '加强领导。要把这项工作摆上重要议事日程。', numId: '1', ilvl: 1 },
      { text: '压实责任。', numId: '1', ilvl: 1 },
      { text: '要强化保障', numId: '1', ilvl: 0 },
      { text: '谢谢大家！' },
    ],
    { table: [['指标', '目标'], ['覆盖率', '90%']] },
  );
  const { text, asides } = await docxToText(bytes, 'x.docx');
  assert.equal(text, ['在全市工作会议上的讲话', '同志们：', '一、要抓好落实', '（一）加强领导。要把这项工作摆上重要议事日程。', '（二）压实责任。', '二、要强化保障', '谢谢大家！', '指标', '目标', '覆盖率', '90%'].join('\n\n') + '\n');
  // (The table's text is for the speaker: in the notes, never a bullet.)
  assert.deepEqual(asides.map((n) => text.split('\n')[n - 1]), ['指标', '目标', '覆盖率', '90%']);
});

test('docx: a heading style that carries numbering (Heading 1 → 一、) is numbered as Word shows it', async () => {
  const styles = stylesXml([{ id: 'Heading1', name: 'heading 1', numId: '1', ilvl: 0 }, { id: '2', name: '标题 2', numId: '1', ilvl: 1 }]);
  const { text } = await docxToText(await makeDocx([{ text: '总结成绩', style: 'Heading1' }, { text: '主要做法', style: '2' }, { text: '存在问题', style: 'Heading1' }], { styles }), 'x.docx');
  assert.equal(text, '一、总结成绩\n\n（一）主要做法\n\n二、存在问题\n');
});

for (const f of FIXTURES) {
  test(`docx: ${f.file} (${f.what}) gives the same outline and the same slides as its text twin ${f.twin}`, async () => {
    const ms = await readManuscript(join(ROOT, 'tests', 'fixtures', 'docx', f.file));
    const source = manuscript(join(ROOT, 'tests', 'fixtures', 'manuscripts', f.twin));
    assert.equal(ms.encoding, 'docx');
    const fromWord = parseSpeech(ms);
    const fromText = parseSpeech(source);
    assert.deepEqual(fromWord.meta, fromText.meta);
    // (The same outline; only where each part is, in lines, differs: Word's paragraphs are a blank line apart.)
    const outline = (t: string) => t.split('\n').slice(1).map((l) => l.replace(/^\s*\d+(?:-\d+)?\s+/, '')).join('\n');
    assert.equal(outline(explainOutline(fromWord, ms)), outline(explainOutline(fromText, source)));
    // The same deck.json slides, but for where each comes from in the file (its lines, and the group ids made of them).
    const slides = (d: ReturnType<typeof planDeck>) => JSON.parse(JSON.stringify(d.slides, (k, v) => (k === 'source' || k === 'group' ? undefined : v)));
    assert.deepEqual(slides(planDeck(fromWord)), slides(planDeck(fromText)));
  });
}

test('docx: the fixtures are what make.mts makes from their twins (regenerate with npm run fixtures)', async () => {
  const { asWordParagraphs: paras } = await import('./docx-helpers.js');
  const twin = readFileSync(join(ROOT, 'tests', 'fixtures', 'manuscripts', FIXTURES[0]!.twin), 'utf8');
  const { text } = await docxToText(readFileSync(join(ROOT, 'tests', 'fixtures', 'docx', FIXTURES[0]!.file)), 'x.docx');
  assert.equal(text.split('\n').filter(Boolean).length, paras(twin).length);
});

test('files that are not a readable .docx get one clear line each', async () => {
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['old.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), /old binary Word or WPS document/],
    ['speech.wps', Buffer.from('anything'), /old binary Word or WPS document/],
    ['locked.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]), /password-protected/],
    ['print.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), /is a PDF/],
    ['renamed.txt', await makeDocx([{ text: '讲话' }]), /zip archive, not text/],
    ['broken.docx', Buffer.from('PK\u0003\u0004 this is not really a zip'), /damaged|not a zip/],
    ['plain.docx', Buffer.from('这是一段纯文本。'), /not a readable Word file/],
  ];
  for (const [name, bytes, message] of cases) {
    const path = join(tmp, name);
    writeFileSync(path, bytes);
    const err = await readManuscript(path).then(() => null, (e: unknown) => e);
    assert.ok(err instanceof SpeechdeckError, `${name}: ${String(err)}`);
    assert.equal(err.kind, 'input', name);
    assert.match(err.message, message, name);
    assert.doesNotMatch(err.format(), /\n/, `${name}: one line`);
  }
});

test('a folder of manuscripts takes .docx files too', async () => {
  const { MANUSCRIPT_EXTENSIONS } = await import('../src/input/files.js');
  assert.ok(MANUSCRIPT_EXTENSIONS.includes('.docx'));
  assert.ok(readFileSync(join(ROOT, 'package.json'), 'utf8').includes('"mammoth"'));
});

test('docx: headings by style with no numbering (Heading 2 / 标题 3; WPS: an outline level) are parts and subsections; a heading used once at the top is the title', async () => {
  const styles = stylesXml([{ id: 'Heading1', name: 'heading 1' }, { id: 'Heading2', name: 'heading 2' }, { id: '3', outline: 2 }]);
  const path = join(tmp, 'headings.docx');
  writeFileSync(
    path,
    await makeDocx(
      [
        { text: 'Remarks at the Library Opening', style: 'Heading1' },
        { text: 'Good afternoon, everyone.' },
        { text: 'A promise kept', style: 'Heading2' },
        { text: 'The council set aside 6.2 million dollars for this project in 2019, and it came in on time.' },
        { text: 'On time', style: '3' },
        { text: 'Our contractors worked through a very wet winter.' },
        { text: 'On budget', style: '3' },
        { text: 'It came in about 3 per cent under budget.' },
        { text: 'A place for everyone', style: 'Heading2' },
        { text: 'More than nine hundred residents came to our design workshops.' },
        { text: 'Thank you.' },
      ],
      { styles },
    ),
  );
  const ms = await readManuscript(path);
  const speech = parseSpeech(ms);
  assert.equal(speech.meta.title, 'Remarks at the Library Opening');
  const { sectionsOf } = await import('../src/tree.js');
  const parts = sectionsOf(speech.body);
  assert.deepEqual(parts.map((s) => s.heading), ['A promise kept', 'A place for everyone']);
  assert.deepEqual(sectionsOf(parts[0]!.children).map((s) => s.heading), ['On time', 'On budget']);
});

test('docx: a file LibreOffice wrote (its own numbering.xml, nested lists) reads with the numbers it shows; its .doc twin is refused in one line', async () => {
  // tests/fixtures/docx/libreoffice-numbered.docx: libreoffice-source.html converted by
  // `soffice --headless --convert-to docx`; libreoffice-old.doc: that .docx saved as Word 97.
  const ms = await readManuscript(join(ROOT, 'tests', 'fixtures', 'docx', 'libreoffice-numbered.docx'));
  assert.deepEqual(ms.text.split('\n').filter(Boolean), [
    '在全市安全生产工作会议上的讲话',
    '同志们：',
    '今天召开全市安全生产工作会议，主要任务是总结去年工作，部署今年任务。',
    '1. 清醒认识当前安全生产形势',
    '1. 去年全市发生生产安全事故23起，同比下降17.9%，死亡9人，同比下降25%。',
    '2. 道路交通和建筑施工事故仍然多发，占事故总数的七成以上。',
    '2. 切实压紧压实安全生产责任',
    '1. 各县区党政主要负责同志是第一责任人，要每季度研究一次安全生产工作。',
    '2. 对发生较大以上事故的，实行“一票否决”。',
    '谢谢大家！',
  ]);
  const err = await readManuscript(join(ROOT, 'tests', 'fixtures', 'docx', 'libreoffice-old.doc')).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof SpeechdeckError && /old binary Word or WPS document/.test(err.message), String(err));
});

test('docx: Chinese outline numbering as LibreOffice writes it (taiwaneseCountingThousand, 一、（一）1.) reaches the parser as shown, and builds the outline', async () => {
  // tests/fixtures/docx/libreoffice-chinese-numbering.docx: the .fodt beside it, converted by
  // `soffice --headless --convert-to docx`.
  const ms = await readManuscript(join(ROOT, 'tests', 'fixtures', 'docx', 'libreoffice-chinese-numbering.docx'));
  const lines = ms.text.split('\n').filter(Boolean);
  assert.deepEqual(lines.slice(3, 9), ['一、清醒认识当前安全生产形势', '（一）事故总量下降。去年全市发生生产安全事故23起，同比下降17.9%。', '1.道路交通事故下降。', '2.建筑施工事故反弹。', '（二）重点领域风险突出。危化品企业87家，重大危险源23处。', '二、切实压紧压实安全生产责任']);
  const { sectionsOf } = await import('../src/tree.js');
  const parts = sectionsOf(parseSpeech(ms).body);
  assert.deepEqual(parts.map((s) => [s.number, s.heading]), [['一', '清醒认识当前安全生产形势'], ['二', '切实压紧压实安全生产责任']]);
  assert.deepEqual(sectionsOf(parts[0]!.children).map((s) => s.number), ['（一）', '（二）']);
});

test('docx: places are paragraphs, as a Word user counts them (--explain, layout errors)', async () => {
  const { placesText } = await import('../src/explain.js');
  const ms = await readManuscript(join(ROOT, 'tests', 'fixtures', 'docx', 'libreoffice-chinese-numbering.docx'));
  assert.equal(ms.places, 'paragraphs');
  const out = explainOutline(parseSpeech(ms), ms);
  assert.match(out, /places are paragraphs/);
  assert.match(out, /^\s+4-8\s+一 清醒认识当前安全生产形势/m);
  assert.equal(placesText(ms, 7, 7), 'paragraph 4');
  const txt = manuscript(join(ROOT, 'tests', 'fixtures', 'manuscripts', '01-zh-own-line-headings.txt'));
  assert.equal(placesText(txt, 9, 11), 'lines 9–11');
});

test('docx: short paragraphs set all in bold, two or more, are headings; the document properties title is used only when the text gives none', async () => {
  const path = join(tmp, 'bold.docx');
  writeFileSync(
    path,
    await makeDocx(
      [
        { text: '同志们：' },
        { text: '今天召开全市工作会议，主要任务是总结去年工作，部署今年任务。' },
        { text: '关于去年工作', bold: true },
        { text: '去年全市新建公办幼儿园30所，新增学位1.2万个，超额完成年度任务。' },
        { text: '关于今年任务', bold: true },
        { text: '今年要新建公办幼儿园35所，各县区要在6月底前完成选址，年底前全部开工。' },
        { text: '谢谢大家！' },
      ],
      { title: '在全市教育工作会议上的讲话' },
    ),
  );
  const ms = await readManuscript(path);
  const speech = parseSpeech(ms);
  assert.equal(speech.meta.title, '在全市教育工作会议上的讲话');
  const { sectionsOf } = await import('../src/tree.js');
  assert.deepEqual(sectionsOf(speech.body).map((s) => s.heading), ['关于去年工作', '关于今年任务']);
  // One bold line alone is emphasis, not a heading.
  const one = join(tmp, 'one-bold.docx');
  writeFileSync(one, await makeDocx([{ text: '同志们：' }, { text: '安全生产是头等大事', bold: true }, { text: '全县要立即开展一次安全生产大检查，重点检查在建工程和人员密集场所。' }, { text: '谢谢大家！' }]));
  assert.deepEqual(sectionsOf(parseSpeech(await readManuscript(one)).body), []);
});

test('docx: a Word file with its images is not refused for its size (the text is what is limited, after reading)', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(await makeDocx([{ text: '在全市工作会议上的讲话' }, { text: '同志们：' }, { text: '今年要新建公办幼儿园35所，年底前全部开工。' }, { text: '谢谢大家！' }]));
  zip.file('word/media/image1.png', Buffer.alloc(1_500_000, 7));
  const big = join(tmp, 'with-image.docx');
  writeFileSync(big, await zip.generateAsync({ type: 'nodebuffer' }));
  const ms = await readManuscript(big);
  assert.match(ms.text, /新建公办幼儿园35所/);
  // Its text, past the characters a manuscript may have, is refused in one line.
  const long = join(tmp, 'long.docx');
  writeFileSync(long, await makeDocx(Array.from({ length: 2100 }, () => ({ text: '要'.repeat(100) }))));
  const err = await readManuscript(long).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof SpeechdeckError && /characters; the limit is 200,000/.test(err.message), String(err));
});

test('docx: a small file whose parts unpack past the limit (a zip bomb in styles.xml) is one input error, before it is inflated', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(readFileSync(join(ROOT, 'tests', 'fixtures', 'docx', 'word-automatic-numbering.docx')));
  zip.file('word/styles.xml', ' '.repeat(51_000_000));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  assert.ok(bytes.length < 1_000_000, `${bytes.length} bytes`);
  await assert.rejects(docxToText(bytes, 'bomb.docx'), (err: unknown) => err instanceof SpeechdeckError && err.kind === 'input' && /unpacks to more than 50 MB/.test(err.message));
});
