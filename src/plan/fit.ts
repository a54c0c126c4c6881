// The fit step: from a deck as the browser measured it to the limits the planner
// plans the next round with. Pure: measured heights and the last limits in, the
// next limits out (the print stage measures, the pipeline loops).
import type { Deck, FitReport, GroupFit, Slide } from '../types.js';
import { cutByItems, cutLimit } from './deck.js';

/** What the fit loop has learnt of a deck: per planning group, fewer items, or packing by measured height. */
export interface FitLimits {
  tighten: Record<string, number>;
  fitByGroup: Record<string, GroupFit>;
}

export interface FitStep {
  /** The limits for the next round (new objects: the last ones are not changed). */
  limits: FitLimits;
  /** Whether the next round can do better: some limit was lowered. */
  progress: boolean;
  /** The first overflowing slide that no limit can help: the one to name. */
  stuck: Slide | undefined;
}

/**
 * The next round's limits for a deck with overflowing slides. A slide whose items
 * were measured has its group packed by measured height (each round that still
 * overflows lowers the height budget by what overflowed, so the loop ends); points,
 * agenda and statement slides are otherwise cut by an item count (down to what
 * fitted), overview slides by cards, quotes by lines, a title by its length;
 * dividers, figures and closings cannot be cut (cutLimit in deck.ts says which).
 */
export function nextLimits(deck: Deck, fit: FitReport, last: FitLimits): FitStep {
  const tighten = { ...last.tighten };
  const fitByGroup = { ...last.fitByGroup };
  let progress = false;
  let stuck: Slide | undefined;
  for (const [id, fitted] of Object.entries(fit.overflow)) {
    const slide = deck.slides.find((s) => s.id === id);
    if (!slide) continue;
    const measured = fit.slides[id];
    if (measured && measured.items.length > 0) {
      const prev = fitByGroup[slide.group];
      const heights: Record<string, number> = { ...prev?.heights };
      let budget = measured.avail;
      for (const s of deck.slides.filter((s) => s.group === slide.group)) {
        const m = fit.slides[s.id];
        if (!m) continue;
        s.items.forEach((text, i) => (heights[text] = m.items[i] ?? heights[text] ?? 0));
        budget = Math.min(budget, m.avail);
      }
      const used = measured.items.reduce((a, b) => a + b, 0) + measured.callout;
      // Items taller than the room: packing by height helps. Items that fit
      // in height but still overflow (too wide): splitting would not.
      const tall = used > measured.avail + 1;
      if (prev) budget = Math.min(budget, prev.budget - Math.max(1, used - measured.avail));
      if (tall && (slide.items.length > 1 || (prev && prev.budget !== budget))) {
        fitByGroup[slide.group] = { budget, heights, callout: Math.max(measured.callout, prev?.callout ?? 0) };
        progress = slide.items.length > 1 || progress;
      } else stuck ??= slide;
      continue;
    }
    const base = cutLimit(slide);
    const byCount = cutByItems(slide.layout);
    const now = tighten[slide.group] ?? base ?? 0;
    const next = byCount ? Math.max(1, Math.min(now - 1, fitted || 1)) : now - 1;
    if (base !== null && next >= 1 && next < now && (!byCount || slide.items.length > 1)) {
      tighten[slide.group] = next;
      progress = true;
    } else stuck ??= slide;
  }
  return { limits: { tighten, fitByGroup }, progress, stuck };
}
