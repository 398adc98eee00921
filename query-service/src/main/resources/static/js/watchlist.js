// Watchlist: the watches (add, edit, delete, import and export CSV, the retroactive check of each) and the
// alert feed: notifications as they arrive over SSE and the ones already stored, each with an acknowledge button.
import { ApiError, get, request, send, taxonomy } from './api.js';
import { clear, errorBox, field, formatDate, h, announce, severityBadge, snippet } from './dom.js';
import { onAlert, onFeedStatus, recount } from './alerts.js';

let ui;
let unsubscribe = [];
const retroTimers = new Map();

export function leave() {
  unsubscribe.forEach((u) => u());
  unsubscribe = [];
  retroTimers.forEach((t) => clearTimeout(t));
  retroTimers.clear();
  ui = null;
}

export async function render(main) {
  const watches = h('div', { class: 'watches' }, h('p', { class: 'loading' }, 'Loading…'));
  const formBox = h('div', { class: 'watch-form-box' });
  const feedStatus = h('span', { class: 'feed-status' });
  const feed = h('ol', { class: 'alert-feed', 'aria-live': 'polite', 'aria-relevant': 'additions', id: 'alert-feed' });
  const stored = h('div', { class: 'stored-alerts' });
  const importBox = importForm();
  main.append(h('h1', {}, 'Watchlist and alerts'),
    h('div', { class: 'columns two' },
      h('section', { 'aria-labelledby': 'h-watches' },
        h('h2', { id: 'h-watches' }, 'Watched people and organisations'),
        h('p', {}, h('button', { type: 'button', id: 'add-watch', onclick: () => showForm(null) }, 'Add a watch'), ' ',
          h('a', { href: '/api/watchlist/export', download: 'watchlist.csv' }, 'Export CSV')),
        formBox, importBox, watches),
      h('section', { 'aria-labelledby': 'h-feed' },
        h('h2', { id: 'h-feed' }, 'Alerts ', feedStatus),
        h('h3', {}, 'Live'),
        h('p', { class: 'hint' }, 'New notifications appear here as soon as a passage names a watch.'),
        feed,
        h('h3', {}, 'Not yet acknowledged'),
        stored)));
  ui = { watches, formBox, feed, stored };
  unsubscribe.push(onFeedStatus((ok) => {
    feedStatus.textContent = ok ? '(live)' : '(reconnecting…)';
    feedStatus.className = `feed-status ${ok ? 'ok' : 'warn'}`;
  }));
  unsubscribe.push(onAlert((n) => {
    if (!ui) return;
    ui.feed.prepend(notificationItem(n, true));
    announce(`New alert: ${n.watchedName} named in ${n.title ?? n.reportId}`);
  }));
  await Promise.all([loadWatches(), loadStored()]);
}

async function loadWatches() {
  try {
    const [list, t] = await Promise.all([get('/api/watchlist'), taxonomy()]);
    if (!ui) return;
    clear(ui.watches, list.watches.length ? h('table', { class: 'watch-table' },
      h('caption', { class: 'visually-hidden' }, 'Watches'),
      h('thead', {}, h('tr', {}, ['Name', 'Type', 'Filters', 'Past matches', ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.watches.map((w) => watchRow(w, t)))) : h('p', {}, 'No watches yet.'));
    for (const w of list.watches) pollRetroactive(w.id);
  } catch (e) {
    if (ui) clear(ui.watches, errorBox(e));
  }
}

function watchRow(w, t) {
  const filters = [
    w.minSeverity ? `severity ≥ ${w.minSeverity}` : null,
    w.categories?.length ? w.categories.map((c) => t.label[c] ?? c).join(', ') : null,
    w.countries?.length ? w.countries.join(', ') : null,
    w.webhookUrl ? 'webhook' : null,
  ].filter(Boolean).join('; ');
  return h('tr', { id: `watch-${w.id}` },
    h('th', { scope: 'row' }, w.name, w.aliases?.length ? h('div', { class: 'hint' }, `also: ${w.aliases.join(', ')}`) : null,
      w.notes ? h('div', { class: 'hint' }, w.notes) : null),
    h('td', {}, (w.type ?? '').toLowerCase()),
    h('td', {}, filters || 'all passages'),
    h('td', { class: 'retro', id: `retro-${w.id}` }, '…'),
    h('td', { class: 'actions' },
      h('button', { type: 'button', onclick: () => showForm(w), 'aria-label': `Edit ${w.name}` }, 'Edit'), ' ',
      h('button', { type: 'button', class: 'danger', onclick: () => remove(w), 'aria-label': `Delete ${w.name}` }, 'Delete')));
}

// A new or changed watch is checked against everything already indexed in the background; its cell shows
// how far that got, then how many past passages matched.
async function pollRetroactive(id) {
  clearTimeout(retroTimers.get(id));
  const cell = () => document.getElementById(`retro-${id}`);
  try {
    const r = await get(`/api/watchlist/${encodeURIComponent(id)}/retroactive`);
    if (!cell()) return;
    if (r.state === 'DONE') {
      clear(cell(), r.alertsFound ? h('a', { href: '#/watchlist', onclick: (e) => { e.preventDefault(); loadStored({ watchId: id }); } },
        `${r.alertsFound} found`) : 'none found', h('div', { class: 'hint' }, `${(r.passagesRead ?? 0).toLocaleString()} passages checked`));
      if (r.alertsFound) loadStored();
    } else if (r.state === 'FAILED') {
      clear(cell(), h('span', { class: 'error-text' }, `check failed: ${r.error ?? 'unknown error'}`));
    } else if (r.state === 'NONE') {
      // Checks are remembered by the instance that ran them, until it restarts.
      clear(cell(), h('span', { class: 'hint' }, 'checked when added'));
    } else {
      clear(cell(), `${String(r.state).toLowerCase()}…`);
      retroTimers.set(id, setTimeout(() => pollRetroactive(id), 1000));
    }
  } catch (e) {
    if (cell()) clear(cell(), e instanceof ApiError && e.status === 404 ? '–' : h('span', { class: 'error-text' }, e.message));
  }
}

async function showForm(watch) {
  const t = await taxonomy();
  const name = h('input', { type: 'text', id: 'w-name', required: true, value: watch?.name ?? '' });
  const aliases = h('textarea', { id: 'w-aliases', rows: 2 }, (watch?.aliases ?? []).join('\n'));
  const type = h('select', { id: 'w-type' }, h('option', { value: 'PERSON' }, 'Person'), h('option', { value: 'ORG' }, 'Organisation'));
  type.value = watch?.type ?? 'PERSON';
  const notes = h('input', { type: 'text', id: 'w-notes', value: watch?.notes ?? '' });
  const minSeverity = h('select', { id: 'w-minsev' }, h('option', { value: '' }, 'any'),
    t.severity.levels.map((l) => h('option', { value: l.level }, `${l.level} ${l.name} or worse`)));
  minSeverity.value = watch?.minSeverity ?? '';
  const categories = h('select', { id: 'w-categories', multiple: true, size: 5 },
    [...t.categories].sort((a, b) => a.label.localeCompare(b.label)).map((c) => h('option', { value: c.id, selected: (watch?.categories ?? []).includes(c.id) }, c.label)));
  const countries = h('input', { type: 'text', id: 'w-countries', value: (watch?.countries ?? []).join(', ') });
  const webhook = h('input', { type: 'url', id: 'w-webhook', value: watch?.webhookUrl ?? '', placeholder: 'https://…' });
  const message = h('div', { class: 'form-message' });
  const form = h('form', { class: 'watch-form', 'aria-labelledby': 'h-watch-form', onsubmit: async (e) => {
    e.preventDefault();
    const body = {
      name: name.value.trim(),
      aliases: aliases.value.split(/\n|;/).map((s) => s.trim()).filter(Boolean),
      type: type.value,
      notes: notes.value.trim() || null,
      minSeverity: minSeverity.value ? Number(minSeverity.value) : null,
      categories: [...categories.selectedOptions].map((o) => o.value),
      countries: countries.value.split(',').map((s) => s.trim()).filter(Boolean),
      webhookUrl: webhook.value.trim() || null,
    };
    try {
      const saved = watch ? await send('PUT', `/api/watchlist/${encodeURIComponent(watch.id)}`, body)
        : await send('POST', '/api/watchlist', body);
      clear(ui.formBox);
      if (saved.webhookSecret) {
        ui.formBox.append(h('div', { class: 'notice', role: 'status' },
          'Webhook secret for ', h('strong', {}, saved.name), ' (shown once; store it where the receiver can check signatures): ',
          h('code', {}, saved.webhookSecret)));
      }
      announce(`${saved.name} ${watch ? 'updated' : 'added'}; checking past passages`);
      await loadWatches();
    } catch (err) {
      clear(message, errorBox(err));
      const bad = err.problem?.field && form.querySelector(`[data-field="${err.problem.field}"]`);
      (bad || name).focus();
    }
  } },
  h('h3', { id: 'h-watch-form' }, watch ? `Edit ${watch.name}` : 'Add a watch'),
  fieldFor('name', 'Name', name),
  fieldFor('aliases', 'Other spellings (one per line)', aliases, 'Transliterations are matched anyway; add nicknames or other names.'),
  fieldFor('type', 'Type', type),
  fieldFor('notes', 'Notes', notes),
  fieldFor('minSeverity', 'Alert from severity', minSeverity),
  fieldFor('categories', 'Only these categories', categories, 'None selected: every category.'),
  fieldFor('countries', 'Only these countries (comma-separated)', countries),
  fieldFor('webhookUrl', 'Webhook URL', webhook),
  message,
  h('p', {}, h('button', { type: 'submit' }, watch ? 'Save' : 'Add'), ' ',
    h('button', { type: 'button', onclick: () => clear(ui.formBox) }, 'Cancel')));
  clear(ui.formBox, form);
  name.focus();
}

function fieldFor(apiField, label, control, hint) {
  control.dataset.field = apiField;
  return field(label, control, hint);
}

async function remove(w) {
  if (!window.confirm(`Stop watching ${w.name}? Its past alerts stay.`)) return;
  try {
    await request(`/api/watchlist/${encodeURIComponent(w.id)}`, { method: 'DELETE' });
    announce(`${w.name} removed`);
    await loadWatches();
  } catch (e) {
    clear(ui.formBox, errorBox(e));
  }
}

function importForm() {
  const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,text/csv' });
  const skip = h('input', { type: 'checkbox', id: 'import-skip' });
  const result = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const form = h('form', { class: 'import', onsubmit: async (e) => {
    e.preventDefault();
    if (!file.files.length) {
      clear(result, errorBox(new Error('choose a CSV file first')));
      return;
    }
    try {
      const text = await file.files[0].text();
      const r = await request(`/api/watchlist/import${skip.checked ? '?skipInvalid=true' : ''}`,
        { method: 'POST', headers: { 'Content-Type': 'text/csv', Accept: 'application/json' }, body: text });
      clear(result, h('p', { class: 'ok' }, importSummary(r)));
      await loadWatches();
    } catch (err) {
      const rows = err.problem?.errors ?? err.problem?.rows;
      clear(result, errorBox(err), Array.isArray(rows) ? h('ul', { class: 'row-errors' },
        rows.map((row) => h('li', {}, row.line ? `line ${row.line}: ` : '', row.message ?? row.error ?? JSON.stringify(row)))) : null);
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'Import watches from CSV'), file,
    h('small', { class: 'hint' }, 'Columns: id, name, aliases, type, notes, minSeverity, categories, countries, webhookUrl; several values separated by |.')),
  h('div', { class: 'field check' }, skip, h('label', { for: 'import-skip' }, 'Store the valid rows even if some rows are wrong')),
  h('button', { type: 'submit' }, 'Import'), result);
  return h('details', { class: 'import-box' }, h('summary', {}, 'Import or replace watches from a CSV file'), form);
}

function importSummary(r) {
  const parts = [];
  for (const key of ['created', 'replaced', 'updated', 'stored', 'skipped']) {
    if (typeof r[key] === 'number') parts.push(`${r[key]} ${key}`);
    else if (Array.isArray(r[key])) parts.push(`${r[key].length} ${key}`);
  }
  return parts.length ? `Imported: ${parts.join(', ')}.` : 'Imported.';
}

async function loadStored(filter = {}) {
  if (!ui) return;
  try {
    const page = await get('/api/alerts/notifications', { acknowledged: false, size: 50, ...filter });
    if (!ui) return;
    clear(ui.stored, page.items.length
      ? h('ol', { class: 'alert-list' }, page.items.map((n) => notificationItem(n, false)))
      : h('p', {}, 'Nothing to acknowledge.'),
    page.total > page.items.length ? h('p', { class: 'hint' }, `${page.items.length} of ${page.total} shown.`) : null);
  } catch (e) {
    if (ui) clear(ui.stored, errorBox(e));
  }
}

function notificationItem(n, live) {
  const ack = h('button', { type: 'button', class: 'ack', 'aria-label': `Acknowledge alert for ${n.watchedName} in ${n.title ?? n.reportId}` }, 'Acknowledge');
  const item = h('li', { class: `alert-item${n.retroactive ? ' retro' : ''}${live ? ' live' : ''}`, dataset: { id: n.notificationId } },
    h('p', {},
      h('strong', {}, n.watchedName), ' named in ',
      h('a', { href: `#/report/${encodeURIComponent(n.reportId)}` }, n.title ?? n.reportId),
      [n.country, n.year].filter(Boolean).length ? ` (${[n.country, n.year].filter(Boolean).join(', ')})` : '',
      ` — ${n.passages} passage${n.passages === 1 ? '' : 's'} `,
      severityBadge(n.maxSeverity, null),
      n.retroactive ? h('span', { class: 'tag' }, 'past match') : null),
    h('ul', { class: 'alert-passages' }, (n.alerts ?? []).slice(0, 3).map((a) => h('li', {},
      h('a', { href: `#/passage/${encodeURIComponent(a.chunkId)}` }, a.sectionPath?.length ? a.sectionPath[a.sectionPath.length - 1] : `passage ${a.ordinal + 1}`),
      ': ', h('span', { class: 'snippet' }, snippet(a.snippet))))),
    h('p', { class: 'hint' }, formatDate(n.createdAt), ' ', ack));
  ack.addEventListener('click', async () => {
    try {
      await request(`/api/alerts/${encodeURIComponent(n.notificationId)}/ack`, { method: 'POST' });
      item.classList.add('acked');
      clear(ack.parentElement, formatDate(n.createdAt), ' — acknowledged');
      announce(`Alert for ${n.watchedName} acknowledged`);
      recount();
      if (!live) setTimeout(() => item.remove(), 800);
    } catch (e) {
      ack.after(errorBox(e));
    }
  });
  return item;
}
