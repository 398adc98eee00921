// Dashboard speed on the running stack: first render of each view and the time each common interaction
// takes until the page shows its answer, in Debian's headless Chromium driven by playwright-core.
// Usage (through ./rightstream bench-dashboard): node dashboard-bench.mjs TOOLS_DIR BASE_URL RUNS
import { pathToFileURL } from 'node:url';

const [, , toolsDir, base = 'http://127.0.0.1:8080', runsArg = '10'] = process.argv;
const runs = Number.parseInt(runsArg, 10);
const { chromium } = await import(pathToFileURL(`${toolsDir}/node_modules/playwright-core/index.mjs`).href);
const executablePath = process.env.RIGHTSTREAM_CHROMIUM || '/usr/bin/chromium';

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions'],
});

// First render: a fresh page (empty cache) opened at a view, until the view shows its data.
const views = [
  ['search (query + facets)', '#/search?q=torture', '.hit'],
  ['search (no query)', '#/search', '.hit'],
  ['passage', null, '.passage-text'],
  ['trends (charts)', '#/trends', '.person-years .card'],
  ['compare', null, '.compare table tbody tr'],
  ['reports', '#/reports', 'table.reports'],
  ['watchlist', '#/watchlist', '.watches table, .watches p:not(.loading)'],
];

const api = async (path) => (await fetch(base + path)).json();
const someHit = (await api('/api/search?size=1&facets=false')).hits[0];
const someCountry = (await api('/api/search?size=1&facets=country')).facets.country.buckets[0]?.value;
const years = (await api(`/api/search?size=1&facets=year&country=${encodeURIComponent(someCountry)}`)).facets.year.buckets
  .map((b) => b.value).sort();
if (!someHit || !someCountry || years.length < 2) {
  console.error('bench-dashboard needs passages of one country in two years: run ./rightstream up (it ingests seeds/) first');
  process.exit(1);
}
views[2][1] = `#/passage/${encodeURIComponent(someHit.chunkId)}`;
views[4][1] = `#/compare?country=${encodeURIComponent(someCountry)}&from=${years[0]}&to=${years[years.length - 1]}`;

// Query words with more than one page of results on this index, so "more results" can be timed.
const words = [];
for (const w of ['detention', 'torture', 'journalist', 'election', 'prison', 'court', 'police', 'children', 'government', 'law']) {
  if ((await api(`/api/search?q=${w}&size=1&facets=false`)).total > 40) words.push(w);
}
if (!words.length) {
  console.error('bench-dashboard needs an index where common words have more than 40 passages: run ./rightstream up first');
  process.exit(1);
}

const samples = new Map();
const record = (name, ms) => { if (!samples.has(name)) samples.set(name, []); samples.get(name).push(ms); };

// Times from the action to the moment `done` holds in the page, measured inside the page itself.
async function interaction(page, name, act, done) {
  const ms = await page.evaluate(async ([actSrc, doneSrc]) => {
    const act = new Function(actSrc);
    const done = new Function(doneSrc);
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10000);
      const check = () => {
        if (done()) {
          clearTimeout(timer);
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      act();
    });
  }, [act, done]);
  record(name, ms);
}

for (let run = 0; run < runs; run++) {
  for (const [name, hash, ready] of views) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/${hash}`, { waitUntil: 'commit' });
    await page.waitForSelector(ready);
    record(`first render: ${name}`, await page.evaluate(() => performance.now()));
    await context.close();
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/#/search`, { waitUntil: 'commit' });
  await page.waitForSelector('.hit');
  const word = words[run % words.length];
  await page.fill('#q', word);
  await interaction(page, 'search: type a query, press Enter',
    "document.querySelector('form[role=search] button[type=submit]').click()",
    `return document.querySelector('.summary').textContent.includes('“${word}”') && !!document.querySelector('.hit')`);
  await interaction(page, 'search: press a facet value',
    "window.__before = document.querySelector('.summary').textContent; document.querySelector('#facet-year + ul button').click()",
    "return document.querySelector('#facet-year + ul button[aria-pressed=true]') !== null");
  await interaction(page, 'search: choose a minimum severity',
    "const s = document.querySelector('select[name=minSeverity]'); s.value = '3'; s.dispatchEvent(new Event('change'))",
    "return [...document.querySelectorAll('.chip')].some(c => c.textContent.includes('severity ≥ 3')) && document.querySelector('.summary').textContent.includes('passage')");
  await page.goto(`${base}/#/search?q=${word}`);
  // The filtered page is still on screen until the new search answers: wait for the unfiltered one.
  await page.waitForFunction(() => document.querySelectorAll('.chip').length === 0
    && !!document.querySelector('.more button') && !document.querySelector('.summary').textContent.startsWith('Searching'));
  await interaction(page, 'search: more results (cursor page)',
    "window.__n = document.querySelectorAll('.hit').length; document.querySelector('.more button').click()",
    'return document.querySelectorAll(\'.hit\').length > window.__n');
  await interaction(page, 'open a passage from the results',
    "document.querySelector('.hit h2 a').click()",
    "return !!document.querySelector('.passage-text')");
  await interaction(page, 'trends: open from the menu',
    "document.querySelector('nav a[data-view=trends]').click()",
    "return !!document.querySelector('.person-years .card')");
  await interaction(page, 'trends: change the country',
    `const s = document.getElementById('trend-country'); s.value = ${JSON.stringify(someCountry)}; s.dispatchEvent(new Event('change'))`,
    `return document.querySelector('h1').textContent.includes(${JSON.stringify(someCountry)}) && !!document.querySelector('.person-years .card')`);
  await interaction(page, 'compare: open with country and years',
    `location.hash = ${JSON.stringify(views[4][1])}`,
    "return !!document.querySelector('.compare table tbody tr')");
  await context.close();
  process.stderr.write(`run ${run + 1}/${runs} done\n`);
}
await browser.close();

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
console.log(`Dashboard on ${base}, ${runs} runs, Chromium headless (times in ms, from navigation start or from the action)`);
console.log(`${'what'.padEnd(44)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'max'.padStart(6)}`);
for (const [name, values] of samples) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} ${pct(sorted, 50).toFixed(0).padStart(6)} ${pct(sorted, 95).toFixed(0).padStart(6)} ${sorted[sorted.length - 1].toFixed(0).padStart(6)}`);
}
