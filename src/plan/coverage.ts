// "Never lose a sentence": the notes of all slides, read in order, must give back
// every paragraph of the manuscript, verbatim and in order. A paragraph shown
// over several slides is cut between its sentences, so the check is on the
// text the notes spell out together, not on whole paragraphs.
import type { Deck, Speech } from '../types.js';
import { allParagraphs } from '../tree.js';

/** The first place where notes and manuscript part ways, or null if they agree. */
export function notesMismatch(speech: Speech, deck: Deck): string | null {
  const want = allParagraphs(speech).map((p) => p.text).join('');
  const notes = deck.slides.flatMap((s) => s.notes);
  if (notes.some((n) => !n)) return `slide ${deck.slides.findIndex((s) => s.notes.some((n) => !n)) + 1} has an empty note`;
  const got = notes.join('');
  if (want === got) return null;
  let i = 0;
  while (i < want.length && want[i] === got[i]) i++;
  return `at character ${i + 1}: manuscript has ${JSON.stringify(want.slice(i, i + 40))}, notes have ${JSON.stringify(got.slice(i, i + 40))}`;
}
