// Fact recall: of the figures a manuscript states (a number with its unit, not a
// date), how many reach a slide's visible text (titles, bullets, cards, figures,
// callouts, captions). Reviewers' first complaint is key facts dropped while
// general sentences stay; this measures it on every fixture, without Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import type { Deck } from '../src/types.js';
import { manuscript, ROOT } from './helpers.js';

const FACT = /(?:\d[\d,.]*|[一二三四五六七八九十两百千万]+(?=[万亿]))(?:\s?(?:万|亿|千|百))*\s?(?:%|％|个|家|人次|人|项|元|亩|吨|公里|千米|米|户|所|名|条|座|次|天|倍|小时|分钟|平方米|立方米|学时|件|起|宗|位|场|篇|台|辆|张|套|处|间|艘|percent|per cent|million|billion|people|students)/gi;
const DATE = /\d{4}\s?年(?!\d)|\d{1,2}\s?月|\d{1,2}\s?日|\b(?:19|20)\d{2}\b/;

/** The figures stated in a manuscript's body (after its title line), each once. */
function factsOf(text: string): string[] {
  const body = text.split('\n').slice(1).join('\n');
  return [...new Set([...body.matchAll(FACT)].map((m) => m[0]).filter((f) => !DATE.test(f)))];
}

/** Every string a slide shows. */
function visible(deck: Deck): string {
  return deck.slides
    .map((s) => JSON.stringify([s.title, s.items, 'subtitle' in s ? s.subtitle : '', 'cards' in s ? s.cards : [], 'callout' in s ? s.callout : '', 'lead' in s ? s.lead : '', 'coda' in s ? s.coda : '']))
    .join('\n');
}

const squeeze = (s: string) => s.replace(/[\s,]/g, '');

test('fact recall: nine in ten of the figures the fixture manuscripts state reach a slide, and no fixture shows fewer than half', () => {
  const dir = join(ROOT, 'tests', 'fixtures', 'manuscripts');
  let stated = 0;
  let shown = 0;
  const worst: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const ms = manuscript(join(dir, f));
    const facts = factsOf(ms.text);
    const seen = squeeze(visible(planDeck(parseSpeech(ms))));
    const hit = facts.filter((x) => seen.includes(squeeze(x)));
    stated += facts.length;
    shown += hit.length;
    if (facts.length && hit.length / facts.length < 0.5) worst.push(`${f} ${hit.length}/${facts.length}`);
  }
  // Measured 2026-12-07: 340 of 379 (90%); at the start of that session 293 of 379 (77%).
  // Measured 2026-12-07 (next session): 361 of 379 (95%); in the fitted decks of a full build 356 (94%).
  assert.ok(shown / stated >= 0.9, `${shown} of ${stated} figures on slides`);
  assert.deepEqual(worst, [], 'no fixture shows fewer than half of its figures');
});
