// Reports: every file ingest-service has seen, with its status, passages published and searchable,
// duplicates and errors; and uploads by drag and drop (or the file picker), each with progress and the
// server's own message when a file is refused.
import { get, upload } from './api.js';
import { clear, errorBox, field, formatDate, h, announce } from './dom.js';
import { hashOf } from './nav.js';

const STATUS_TEXT = {
  PUBLISHING: 'publishing', PUBLISHED: 'published', FAILED: 'failed', NEAR_DUPLICATE: 'near-duplicate', REJECTED: 'rejected',
};
let timer;
let ui;

export function leave() {
  clearTimeout(timer);
  ui = null;
}

export function render(main) {
  const fileInput = h('input', { type: 'file', id: 'upload-files', multiple: true,
    accept: '.pdf,.docx,.doc,.odt,.rtf,.epub,.html,.htm,.txt,.md,.xml,text/*,application/pdf' });
  const country = h('input', { type: 'text', id: 'upload-country', autocomplete: 'off' });
  const year = h('input', { type: 'number', id: 'upload-year', min: 1900, max: 2100, class: 'year' });
  const title = h('input', { type: 'text', id: 'upload-title', autocomplete: 'off' });
  const allowDuplicate = h('input', { type: 'checkbox', id: 'upload-allow-duplicate' });
  const progress = h('ul', { class: 'uploads', 'aria-live': 'polite' });
  const zone = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', {}, h('strong', {}, 'Drop report files here'), ' or ',
      h('label', { for: 'upload-files', class: 'link' }, 'choose files'), '.'),
    fileInput,
    h('p', { class: 'hint' }, 'PDF, Word, ODT, RTF, EPUB, HTML, text or Markdown, up to 20 MB each. Country, year and title are read from the report when left empty.'));
  const send = (files) => {
    for (const file of files) {
      uploadOne(file, { country: country.value.trim(), year: year.value, title: title.value.trim(), allowDuplicate: allowDuplicate.checked }, progress);
    }
  };
  fileInput.addEventListener('change', () => { send([...fileInput.files]); fileInput.value = ''; });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    send([...e.dataTransfer.files]);
  });
  const table = h('div', { class: 'report-table' }, h('p', { class: 'loading' }, 'Loading…'));
  main.append(h('h1', {}, 'Reports'),
    h('section', { 'aria-labelledby': 'h-upload' }, h('h2', { id: 'h-upload' }, 'Upload'),
      zone,
      h('details', {}, h('summary', {}, 'Details for the next upload (optional)'),
        h('div', { class: 'filters' }, field('Country', country), field('Year', year), field('Title', title),
          h('div', { class: 'field check' }, allowDuplicate, h('label', { for: 'upload-allow-duplicate' }, 'Publish even if it nearly duplicates a report already ingested')))),
      progress),
    h('section', { 'aria-labelledby': 'h-list' }, h('h2', { id: 'h-list' }, 'Ingested'), table));
  ui = { table };
  refresh();
}

async function uploadOne(file, meta, list) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': `Upload of ${file.name}` });
  const message = h('span', { class: 'upload-message' }, 'uploading…');
  const item = h('li', {}, h('strong', {}, file.name), ' ', bar, ' ', message);
  list.prepend(item);
  if (file.size === 0) {
    bar.remove();
    message.replaceWith(errorBox(new Error(`${file.name} is empty`)));
    return;
  }
  const form = new FormData();
  form.append('file', file, file.name);
  for (const key of ['country', 'year', 'title']) if (meta[key]) form.append(key, meta[key]);
  try {
    const result = await upload(`/api/reports${meta.allowDuplicate ? '?allowDuplicate=true' : ''}`, form, (f) => { bar.value = f; });
    bar.value = 1;
    const text = result.status === 'PUBLISHED'
      ? `${result.chunks} passages published${result.title ? ` (${result.title})` : ''}; they become searchable in a few seconds.`
      : result.status === 'DUPLICATE'
        ? `already ingested as report ${result.reportId}; nothing was published again.`
        : `nearly the same as report ${result.duplicateOf} (${Math.round((result.similarity ?? 0) * 100)}% similar); not published. Tick “Publish even if…” to publish it anyway.`;
    message.className = `upload-message ${result.status === 'PUBLISHED' ? 'ok' : 'warn'}`;
    clear(message, text, ' ', result.reportId ? h('a', { href: hashOf('search', { report: result.reportId }) }, 'search it') : null);
    announce(`${file.name}: ${text}`);
  } catch (e) {
    bar.remove();
    message.replaceWith(errorBox(e));
    announce(`${file.name} was refused: ${e.message}`);
  }
  refresh();
}

async function refresh() {
  clearTimeout(timer);
  if (!ui) return;
  let reports;
  try {
    reports = await get('/api/reports');
  } catch (e) {
    if (ui) clear(ui.table, errorBox(e));
    timer = setTimeout(refresh, 5000);
    return;
  }
  if (!ui) return;
  clear(ui.table, reports.length ? reportTable(reports) : h('p', {}, 'No reports yet: upload one above.'));
  // Keep polling while passages are still on their way into the index.
  const pending = reports.some((r) => r.status === 'PUBLISHING' || (r.status === 'PUBLISHED' && r.indexed !== undefined && r.indexed < r.chunks));
  timer = setTimeout(refresh, pending ? 1500 : 10000);
}

function reportTable(reports) {
  return h('table', { class: 'reports' },
    h('caption', { class: 'visually-hidden' }, 'Ingested reports, newest first'),
    h('thead', {}, h('tr', {}, ['Report', 'Country', 'Year', 'Status', 'Passages', 'Searchable', 'Received', 'Notes']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, reports.map((r) => h('tr', { class: `status-${r.status}` },
      h('th', { scope: 'row' },
        r.chunks > 0 ? h('a', { href: `#/report/${encodeURIComponent(r.id)}` }, r.title || r.fileName) : (r.title || r.fileName),
        r.title && r.fileName ? h('div', { class: 'hint' }, r.fileName) : null),
      h('td', {}, r.country ?? '–'),
      h('td', {}, r.year ?? '–'),
      h('td', {}, h('span', { class: `status status-${r.status}` }, STATUS_TEXT[r.status] ?? r.status)),
      h('td', { class: 'num' }, String(r.chunks)),
      h('td', { class: 'num' }, r.indexed === undefined ? '?' : String(r.indexed)),
      h('td', {}, formatDate(r.receivedAt)),
      h('td', {},
        r.duplicateOf ? ['near-duplicate of ', h('a', { href: `#/report/${encodeURIComponent(r.duplicateOf)}` }, r.duplicateOf),
          r.similarity ? ` (${Math.round(r.similarity * 100)}% similar)` : ''] : null,
        r.error ? h('span', { class: 'error-text' }, r.error) : null)))));
}
