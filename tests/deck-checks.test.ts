// What can be counted about a deck a careful person would present, over every
// fixture manuscript (issue 9): no ellipsis of ours on a slide, no quotation mark
// or bracket left open in a slide text, no content slide without its script in
// the notes, no procedural sentence as a bullet, and the notes give back the
// manuscript. (Line breaks are checked in Chromium: e2e-chromium.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpeech } from '../src/parse/speech.js';
import { planDeck } from '../src/plan/deck.js';
import { notesMismatch } from '../src/plan/coverage.js';
import { balanced } from '../src/plan/condense.js';
import { isProcedural } from '../src/lang/rules.js';
import { displayWidth } from '../src/lang/text.js';
import type { Slide } from '../src/types.js';
import { manuscript, ROOT, SEED } from './helpers.js';

const dirs = [join(ROOT, 'tests', 'fixtures'), join(ROOT, 'tests', 'fixtures', 'manuscripts'), join(ROOT, 'tests', 'fixtures', 'lengths')];
const files = [SEED, ...dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)))];
const texts = (s: Slide) =>
  [s.title, 'subtitle' in s ? s.subtitle : '', 'callout' in s ? s.callout : '', 'lead' in s ? s.lead : '', 'coda' in s ? s.coda : '', ...s.items, ...('cards' in s ? s.cards : []).flatMap((c) => [c.head, c.text])].filter((x): x is string => !!x);

for (const f of files) {
  const name = f.replace(/^.*\//, '');
  test(`deck checks: ${name}`, () => {
    const speech = parseSpeech(manuscript(f));
    const deck = planDeck(speech);
    assert.equal(notesMismatch(speech, deck), null);
    const problems: string[] = [];
    deck.slides.forEach((s, i) => {
      const at = `slide ${i + 1} (${s.layout})`;
      for (const t of texts(s)) {
        // The manuscript's own …… may appear; a cut of ours never does.
        if (/…/.test(t.replace(/……/g, ''))) problems.push(`${at}: ellipsis in "${t}"`);
        if (!balanced(t)) problems.push(`${at}: quotation or bracket left open in "${t}"`);
      }
      for (const it of s.layout === 'points' ? s.items : []) if (isProcedural(it, deck.meta.lang)) problems.push(`${at}: procedural bullet "${it}"`);
      // Every slide carries its script; but the agenda (a list of what follows) and
      // a title slide for a manuscript with no header (nothing of it to hold).
      const exempt = s.layout === 'agenda' || (s.layout === 'title' && speech.header.length === 0);
      if (!exempt && s.notes.length === 0) problems.push(`${at}: no notes`);
      // A slide of figures going on under its passage's title says what they add up to
      // as its title when that is short, not the passage（续）.
      const cont = /（续）$| \(cont\.\)$/;
      if (s.layout === 'figure' && cont.test(s.title) && s.subtitle && displayWidth(s.subtitle) <= 24 && !/^(?:明显|分别|均|低于|高于|占)/.test(s.subtitle)) problems.push(`${at}: "${s.title}" over "${s.subtitle}"`);
      // A badge is the slide's own part: never the part its kicker already names above it.
      const kicker = 'kicker' in s ? s.kicker : undefined;
      if (s.badge && kicker && kicker.split(/　| · /).at(-1)!.replace(/^(?:[一二三四五六七八九十]+、|[IVX]+\. )/, '').startsWith(s.badge)) problems.push(`${at}: badge ${s.badge} under a kicker naming it`);
      // A kicker stays on one line.
      if (kicker && displayWidth(kicker) > 34) problems.push(`${at}: kicker "${kicker}" too long for a line`);
      // No title shown twice as its slide's first bullet.
      if (s.layout === 'points' && s.items[0] === s.title) problems.push(`${at}: title repeated as a bullet`);
    });
    assert.deepEqual(problems, []);
  });
}
