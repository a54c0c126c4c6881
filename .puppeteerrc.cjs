// Puppeteer's own browser download cannot work offline; speechdeck finds a system
// Chromium instead (src/print/browser.ts), and `npm run setup` installs one.
module.exports = { skipDownload: true };
