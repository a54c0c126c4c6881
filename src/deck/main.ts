// The deck's browser code: reveal.js with the speaker-notes plugin, configured
// from the JSON the renderer writes. Bundled by esbuild into one inline script.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';

const el = document.getElementById('deck-config');
const config = el ? JSON.parse(el.textContent || '{}') : {};
const deck = new Reveal({ ...config, plugins: [Notes] });
deck.initialize().then(() => {
  document.documentElement.dataset.deckReady = 'true';
});
deck.on('pdf-ready', () => {
  document.documentElement.dataset.pdfReady = 'true';
});
