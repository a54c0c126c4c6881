import puppeteer from 'puppeteer';
import { readFileSync } from 'node:fs';
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--disable-gpu'] });
const p = await b.newPage();
await p.emulateMediaType('print'); await p.setContent(readFileSync('/tmp/handout.html', 'utf8'), { waitUntil: 'load' });
await p.evaluate(() => document.fonts.ready.then(() => 0));
const r = await p.evaluate(() => {
  document.getElementById('source').style.display = 'block'; const all=[...document.querySelectorAll('.bullets')].map(u=>u.getBoundingClientRect().height); console.log(all);
  const sec = document.querySelector('[data-id="s6"]');
  const ul = sec.querySelector('ul'); const body = sec.querySelector('.body');
  const cs = getComputedStyle(body);
  return { body: body.getBoundingClientRect().toJSON(), bodyH: body.clientHeight, ul: ul.getBoundingClientRect().toJSON(), display: cs.display, sec: sec.getBoundingClientRect().toJSON(), frame: getComputedStyle(sec.querySelector('.frame')).display };
});
console.log(JSON.stringify(r, null, 1));
await b.close();
