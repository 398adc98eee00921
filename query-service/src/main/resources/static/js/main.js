// The dashboard: one page, one view at a time, chosen by the URL's hash (#/search?q=..., #/passage/ID, ...),
// so every state can be bookmarked, shared and reached with the browser's back button.
import { clear, errorBox, h, announce } from './dom.js';
import { apiKey, setApiKey } from './api.js';
import { startAlertBadge } from './alerts.js';

// Each view's module is loaded the first time the view opens, so a page opened at one view parses only that.
const views = {
  search: () => import('./search.js'),
  passage: () => import('./passage.js'),
  report: () => import('./report.js'),
  trends: () => import('./trends.js'),
  compare: () => import('./compare.js'),
  reports: () => import('./reports.js'),
  watchlist: () => import('./watchlist.js'),
};
const main = document.getElementById('main');
let current = null;
let routing = 0;

async function route() {
  const hash = location.hash.replace(/^#\/?/, '') || 'search';
  const [path, queryString = ''] = hash.split('?');
  const [name, ...rest] = path.split('/');
  const turn = ++routing;
  // The chart views need Chart.js; its download starts alongside the view's own module.
  if (name === 'trends' || name === 'compare') import('./charts.js').then((m) => m.loadCharts()).catch(() => {});
  let view = null;
  try {
    view = views[name] ? await views[name]() : null;
  } catch (e) {
    clear(main, errorBox(new Error(`this view could not be loaded (${e.message})`)));
    return;
  }
  // A later navigation that finished loading first wins.
  if (turn !== routing) return;
  const params = new URLSearchParams(queryString);
  const arg = rest.map(decodeURIComponent).join('/');

  for (const link of document.querySelectorAll('nav a[data-view]')) {
    const active = link.dataset.view === name || (name === 'passage' && link.dataset.view === 'search')
      || (name === 'report' && link.dataset.view === 'reports');
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const same = current && current.name === name && current.view.update;
  if (same) {
    current.view.update(params, arg);
    return;
  }
  current?.view.leave?.();
  if (!view) {
    clear(main, h('h1', {}, 'Not found'), h('p', {}, 'There is no page at this address. '), h('a', { href: '#/search' }, 'Go to search'));
    current = null;
    return;
  }
  current = { name, view };
  clear(main);
  try {
    view.render(main, params, arg);
  } catch (e) {
    clear(main, errorBox(e));
  }
  // Move focus to the new view's heading so keyboard and screen-reader users start at the top of it.
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
// The skip link moves focus to the content; followed as a link it would change the hash, which routes.
document.querySelector('.skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
// The API key dialog: opened from the header, or by any answer saying a key is needed.
const keyButton = document.getElementById('key-button');
const keyDialog = document.getElementById('key-dialog');
const keyInput = document.getElementById('api-key');
const showKeyState = () => {
  keyButton.textContent = apiKey() ? 'API key ✓' : 'API key';
  keyButton.setAttribute('aria-label', apiKey() ? 'API key set; change or forget it' : 'Enter the API key');
};
const openKeyDialog = () => {
  if (keyDialog.open) return;
  keyInput.value = apiKey();
  keyDialog.showModal();
  keyInput.focus();
};
keyButton.addEventListener('click', openKeyDialog);
window.addEventListener('rightstream-key-needed', openKeyDialog);
keyDialog.addEventListener('close', () => {
  if (keyDialog.returnValue === 'save' && keyInput.value.trim()) {
    setApiKey(keyInput.value.trim());
    announce('API key saved');
  } else if (keyDialog.returnValue === 'forget') {
    setApiKey('');
    announce('API key forgotten');
  }
  keyInput.value = '';
  showKeyState();
  keyButton.focus();
});
showKeyState();

route();
// The live feed and its badge start once the first view has had the network to itself.
setTimeout(() => startAlertBadge(document.getElementById('alert-badge')), 400);
