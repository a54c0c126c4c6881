import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSpeech } from '../src/parse/speech.js';
import { DEFAULT_PLAN, planDeck } from '../src/plan/deck.js';
import { nextLimits, type FitLimits } from '../src/plan/fit.js';
import type { Deck, FitReport, Slide } from '../src/types.js';
import { manuscript, SEED } from './helpers.js';

const speech = parseSpeech(manuscript(readFileSync(SEED, 'utf8')));
const plan = (l: FitLimits): Deck => planDeck(speech, { ...DEFAULT_PLAN, tighten: l.tighten, fit: l.fitByGroup });
const none: FitLimits = { tighten: {}, fitByGroup: {} };
const report = (overflow: FitReport['overflow'], slides: FitReport['slides'] = {}): FitReport => ({ overflow, slides, minBodyPx: 28, minFontPx: 18, minFontWhere: '' });

test('fit step: a points slide measured too tall is packed by height next round, and the plan then fits the budget', () => {
  const deck = plan(none);
  const slide = deck.slides.find((s) => s.layout === 'points' && s.items.length >= 4)!;
  const n = slide.items.length;
  // Each item 100 px, 80 px more than the 300 px... room for three.
  const fit = report({ [slide.id]: 3 }, { [slide.id]: { avail: 300, items: slide.items.map(() => 100), callout: 0 } });
  const step = nextLimits(deck, fit, none);
  assert.equal(step.progress, true);
  assert.equal(step.stuck, undefined);
  const g = step.limits.fitByGroup[slide.group]!;
  assert.equal(g.budget, 300);
  assert.deepEqual(Object.values(g.heights), slide.items.map(() => 100));
  assert.deepEqual(none, { tighten: {}, fitByGroup: {} }, 'the last limits are not changed');
  // The next plan: no slide of that group holds more than three such items.
  const next = plan(step.limits);
  const group = next.slides.filter((s) => s.group === slide.group);
  assert.ok(group.every((s) => s.items.length <= 3), group.map((s) => s.items.length).join(','));
  assert.ok(group.reduce((k, s) => k + s.items.length, 0) >= Math.min(n, 3));
  // Still too tall next round: the budget goes down by what overflowed, so the loop ends.
  const again = nextLimits(deck, fit, step.limits);
  assert.ok(again.limits.fitByGroup[slide.group]!.budget < 300);
});

test('fit step: slides without measured items are cut by count, down to what fitted; what cannot be cut is named', () => {
  const deck = plan(none);
  const overview = deck.slides.find((s): s is Extract<Slide, { layout: 'overview' }> => s.layout === 'overview' && s.cards.length >= 3)!;
  const step = nextLimits(deck, report({ [overview.id]: 2 }), none);
  assert.equal(step.progress, true);
  assert.ok(step.limits.tighten[overview.group]! < overview.cards.length);
  const closing = deck.slides.find((s) => s.layout === 'closing')!;
  const stuck = nextLimits(deck, report({ [closing.id]: 0 }), none);
  assert.equal(stuck.progress, false);
  assert.equal(stuck.stuck, closing);
  assert.deepEqual(stuck.limits, none);
});

test('fit step: nothing overflowing, nothing changes', () => {
  const deck = plan(none);
  const step = nextLimits(deck, report({}), none);
  assert.deepEqual(step, { limits: none, progress: false, stuck: undefined });
});

test('estimated fit: the model packs the seed before Chromium sees it, and every points slide of the plan then fits by the model', async () => {
  const { estimateFit } = await import('../src/render/estimate.js');
  const { estimatedLimits, prepareManuscript } = await import('../src/pipeline.js');
  const first = plan(none);
  const before = estimateFit(first, '16:9', 'official');
  // The seed has a points slide of five two-line bullets: too tall for its slide.
  assert.ok(Object.keys(before.overflow).length >= 1, 'the seed overflows as first planned');
  const p = prepareManuscript(manuscript(readFileSync(SEED, 'utf8')), { render: { theme: 'official', aspect: '16:9', notes: true, steps: false }, handout: 2 });
  const limits = estimatedLimits(p);
  assert.ok(Object.keys(limits.fitByGroup).length >= 1, 'a group packed by the model');
  const after = plan(limits);
  assert.deepEqual(estimateFit(after, '16:9', 'official').overflow, {});
  // 4:3 is narrower: bullets wrap sooner, so no fewer slides.
  const narrow = estimatedLimits({ ...p, opts: { ...p.opts, render: { ...p.opts.render, aspect: '4:3' } } });
  assert.ok(plan(narrow).slides.length >= after.slides.length);
  assert.deepEqual(estimateFit(plan(narrow), '4:3', 'official').overflow, {});
});

test('estimated fit: a bullet of two lines is 22 + 2 × 51 px, a one-line title leaves 482 px, Latin is read in the face it is drawn in', async () => {
  const { estimateSlide } = await import('../src/render/estimate.js');
  const slide = (title: string, items: string[]) => ({ id: 's', layout: 'points', title, items, notes: [], source: { startLine: 1, endLine: 1 }, group: 'g' }) as unknown as Extract<Slide, { layout: 'points' }>;
  const m = estimateSlide(slide('短标题', ['一'.repeat(20), '一'.repeat(40)]), '16:9', 'official');
  assert.equal(m.avail, 482);
  assert.deepEqual(m.items, [73, 124]);
  // 1106 px of text a line at 34 px: 32 full-width characters, about 60 "i"s, about 37 "m"s.
  assert.deepEqual(estimateSlide(slide('t', ['i'.repeat(60), 'm'.repeat(40)]), '16:9', 'official').items, [73, 124]);
  // A long title takes two lines, 56 px of the bullets' room.
  assert.equal(estimateSlide(slide('二'.repeat(30), []), '16:9', 'official').avail, 426);
});
