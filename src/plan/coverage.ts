// "Never lose a sentence": the notes of all slides, read in order, must give back
// every paragraph of the manuscript, verbatim and in order.
import type { Deck, Speech } from '../types.js';
import { allParagraphs } from '../parse/speech.js';

/** The first place where notes and manuscript part ways, or null if they agree. */
export function notesMismatch(speech: Speech, deck: Deck): string | null {
  const want = allParagraphs(speech).map((p) => p.text);
  const got = deck.slides.flatMap((s) => s.notes);
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      return `paragraph ${i + 1}: manuscript has ${JSON.stringify(want[i]?.slice(0, 40) ?? null)}, notes have ${JSON.stringify(got[i]?.slice(0, 40) ?? null)}`;
    }
  }
  return null;
}
