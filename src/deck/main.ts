// The deck's browser code: reveal.js with the speaker-notes plugin, configured
// from the JSON the renderer writes. Bundled by esbuild into one inline script.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';

// In print view the deck is laid out and printed, never animated: reveal.js waits
// for an animation frame only to let layout settle, and a tab behind another gets
// no frames at all (Chromium printing two decks at once, a page loaded again), so
// its print layout would never finish. There, a frame is the next turn of the loop.
if (/(?:^|[?&])print-pdf(?:&|$)/.test(window.location.search.slice(1))) {
  window.requestAnimationFrame = (cb: FrameRequestCallback) => window.setTimeout(() => cb(performance.now()), 0);
}

const el = document.getElementById('deck-config');
const config = el ? JSON.parse(el.textContent || '{}') : {};
const deck = new Reveal({ ...config, plugins: [Notes] });
deck.initialize().then(() => {
  document.documentElement.dataset.deckReady = 'true';
});
deck.on('pdf-ready', () => {
  document.documentElement.dataset.pdfReady = 'true';
});
