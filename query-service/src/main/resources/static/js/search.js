// Search: the query box, the search API's filters, facet counts that filter when pressed, and results with
// highlighted snippets. The URL holds the query and filters; "More results" pages on with the API's cursor.
import { query, taxonomy, withKey } from './api.js';
import { clear, errorBox, field, h, announce, severityBadge, snippet } from './dom.js';
import { hashOf, navigate } from './nav.js';

const MULTI = ['country', 'category', 'entity', 'report'];
const SINGLE = ['q', 'yearFrom', 'yearTo', 'minSeverity', 'sort'];
let ui;
let inflight;

export function render(main, params) {
  const input = h('input', { type: 'search', name: 'q', placeholder: 'torture "pretrial detention" NOT Almaty', autocomplete: 'off' });
  const sort = h('select', { name: 'sort' },
    h('option', { value: '' }, 'Relevance'),
    h('option', { value: 'year:desc' }, 'Newest first'),
    h('option', { value: 'year:asc' }, 'Oldest first'),
    h('option', { value: 'severity:desc' }, 'Most severe first'));
  const minSeverity = h('select', { name: 'minSeverity' }, h('option', { value: '' }, 'Any'));
  const category = h('select', { name: 'category' }, h('option', { value: '' }, 'Any category'));
  const yearFrom = h('input', { type: 'number', name: 'yearFrom', min: 1900, max: 2100, inputmode: 'numeric', class: 'year' });
  const yearTo = h('input', { type: 'number', name: 'yearTo', min: 1900, max: 2100, inputmode: 'numeric', class: 'year' });

  const form = h('form', { role: 'search', class: 'search-form', onsubmit: (e) => { e.preventDefault(); submit(); } },
    h('div', { class: 'search-line' },
      h('label', { for: 'q', class: 'visually-hidden' }, 'Search passages'),
      Object.assign(input, { id: 'q' }),
      h('button', { type: 'submit' }, 'Search')),
    h('div', { class: 'filters' },
      field('Category', category),
      field('Minimum severity', minSeverity),
      field('From year', yearFrom),
      field('To year', yearTo),
      field('Sort', sort)));
  for (const control of [sort, minSeverity, category]) control.addEventListener('change', submit);
  for (const control of [yearFrom, yearTo]) control.addEventListener('change', submit);

  const chips = h('div', { class: 'chips', 'aria-label': 'Active filters' });
  const facets = h('aside', { class: 'facets', 'aria-label': 'Refine by' });
  const summary = h('p', { class: 'summary', role: 'status' });
  const list = h('ol', { class: 'hits' });
  const more = h('div', { class: 'more' });
  main.append(h('h1', {}, 'Search passages'), form, chips,
    h('div', { class: 'with-sidebar' }, facets, h('section', { class: 'results', 'aria-label': 'Results' }, summary, list, more)));
  ui = { input, sort, minSeverity, category, yearFrom, yearTo, chips, facets, summary, list, more };

  taxonomy().then((t) => {
    for (const c of [...t.categories].sort((a, b) => a.label.localeCompare(b.label))) {
      category.append(h('option', { value: c.id }, c.label));
    }
    for (const l of t.severity.levels) minSeverity.append(h('option', { value: l.level }, `${l.level} ${l.name} or worse`));
    fill(params);
  }).catch((e) => ui.summary.replaceChildren(errorBox(e)));
  update(params);
}

export function update(params) {
  if (!ui) return;
  fill(params);
  run(params);
}

export function leave() {
  inflight?.abort();
  ui = null;
}

function fill(params) {
  ui.input.value = params.get('q') ?? '';
  ui.sort.value = params.get('sort') ?? '';
  ui.minSeverity.value = params.get('minSeverity') ?? '';
  ui.yearFrom.value = params.get('yearFrom') ?? '';
  ui.yearTo.value = params.get('yearTo') ?? '';
  const categories = params.getAll('category');
  ui.category.value = categories.length === 1 ? categories[0] : '';
}

function currentParams() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}

// The form's fields replace their parameters; facet filters (country, entity, report, several categories) stay.
function submit() {
  const params = currentParams();
  const set = { q: ui.input.value.trim(), sort: ui.sort.value, minSeverity: ui.minSeverity.value,
    yearFrom: ui.yearFrom.value, yearTo: ui.yearTo.value };
  for (const [k, v] of Object.entries(set)) {
    if (v) params.set(k, v); else params.delete(k);
  }
  if (ui.category.value) params.set('category', ui.category.value);
  else if (params.getAll('category').length <= 1) params.delete('category');
  navigate(hashOf('search', params));
}

function toggle(name, value) {
  const params = currentParams();
  const values = params.getAll(name);
  params.delete(name);
  const next = values.includes(String(value)) ? values.filter((v) => v !== String(value)) : [...values, String(value)];
  for (const v of next) params.append(name, v);
  navigate(hashOf('search', params));
}

function setParam(name, value) {
  const params = currentParams();
  if (value === null) params.delete(name); else params.set(name, value);
  navigate(hashOf('search', params));
}

function apiParams(params, extra) {
  const out = {};
  for (const k of SINGLE) if (params.get(k)) out[k] = params.get(k);
  for (const k of MULTI) if (params.getAll(k).length) out[k] = params.getAll(k);
  return { ...out, ...extra };
}

async function run(params, cursor) {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  const labels = taxonomy().catch(() => null);
  const call = { ...apiParams(params, { size: 20 }), ...(cursor ? { cursor } : {}) };
  if (!cursor) ui.summary.textContent = 'Searching…';
  ui.more.replaceChildren();
  let result;
  let t;
  try {
    [result, t] = await Promise.all([fetch(`/api/search?${query(call)}`, { signal: controller.signal, headers: withKey({ Accept: 'application/json' }) })
      .then(async (r) => {
        const body = await r.json().catch(() => ({}));
        if (!r.ok) throw new Error(body.parameter ? `${body.detail} (parameter: ${body.parameter})` : (body.detail || `HTTP ${r.status}`));
        return body;
      }), labels]);
  } catch (e) {
    if (e.name === 'AbortError' || !ui) return;
    clear(ui.summary, errorBox(e));
    if (!cursor) ui.list.replaceChildren();
    return;
  }
  if (!ui || controller.signal.aborted) return;
  if (!cursor) {
    ui.list.replaceChildren();
    const text = `${result.total.toLocaleString()} passage${result.total === 1 ? '' : 's'}${params.get('q') ? ` for “${params.get('q')}”` : ''}`;
    ui.summary.textContent = text;
    announce(text);
    renderChips(params, t);
    renderFacets(result.facets, params);
  }
  const start = ui.list.children.length;
  for (const hit of result.hits) ui.list.append(renderHit(hit, t));
  ui.list.start = 1;
  if (cursor && result.hits.length) ui.list.children[start]?.querySelector('a')?.focus();
  if (result.cursor) {
    ui.more.append(h('button', { type: 'button', onclick: () => run(params, result.cursor) },
      `More results (${(ui.list.children.length).toLocaleString()} of ${result.total.toLocaleString()} shown)`));
  }
}

function renderHit(hit, t) {
  const section = hit.sectionPath?.length ? hit.sectionPath[hit.sectionPath.length - 1] : `Passage ${hit.ordinal + 1}`;
  return h('li', { class: 'hit' },
    h('article', {},
      h('h2', {}, h('a', { href: `#/passage/${encodeURIComponent(hit.chunkId)}` }, section)),
      h('p', { class: 'meta' },
        [hit.title, hit.country, hit.year].filter(Boolean).join(' · '),
        ' · ', h('a', { href: `#/report/${encodeURIComponent(hit.reportId)}?at=${hit.ordinal}` }, 'in report')),
      hit.sectionPath?.length > 1 ? h('p', { class: 'path' }, hit.sectionPath.join(' › ')) : null,
      h('div', { class: 'labels' },
        severityBadge(hit.severity, t?.levelName),
        (hit.categories ?? []).map((c) => h('span', { class: 'cat', title: `score ${c.score}` }, t?.label[c.id] ?? c.id))),
      (hit.snippets ?? []).map((s) => h('p', { class: 'snippet' }, snippet(s)))));
}

function renderChips(params, t) {
  const chips = [];
  for (const name of MULTI) {
    for (const value of params.getAll(name)) {
      const label = name === 'category' ? (t?.label[value] ?? value) : value;
      chips.push(h('button', { type: 'button', class: 'chip', onclick: () => toggle(name, value),
        'aria-label': `Remove filter ${name} ${label}` }, `${name}: ${label} ✕`));
    }
  }
  if (params.get('minSeverity')) {
    chips.push(h('button', { type: 'button', class: 'chip', onclick: () => setParam('minSeverity', null),
      'aria-label': 'Remove minimum severity filter' }, `severity ≥ ${params.get('minSeverity')} ✕`));
  }
  clear(ui.chips, chips);
}

function renderFacets(facets, params) {
  clear(ui.facets);
  if (!facets) return;
  const groups = [
    ['country', 'Country', facets.country, (b) => toggle('country', b.value), (b) => params.getAll('country').includes(String(b.value))],
    ['year', 'Year', facets.year, (b) => { const p = currentParams(); p.set('yearFrom', b.value); p.set('yearTo', b.value); navigate(hashOf('search', p)); },
      (b) => params.get('yearFrom') === String(b.value) && params.get('yearTo') === String(b.value)],
    ['category', 'Category', facets.category, (b) => toggle('category', b.value), (b) => params.getAll('category').includes(String(b.value))],
    ['severity', 'Severity', facets.severity, (b) => setParam('minSeverity', String(b.value)), (b) => params.get('minSeverity') === String(b.value)],
    ['entity', 'Named', facets.entity, (b) => toggle('entity', b.value), (b) => params.getAll('entity').includes(String(b.value))],
  ];
  for (const [key, title, facet, onPick, isOn] of groups) {
    if (!facet || !facet.buckets.length) continue;
    const headingId = `facet-${key}`;
    ui.facets.append(h('section', { class: 'facet', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, title),
      h('ul', {}, facet.buckets.map((b) => {
        const label = key === 'severity' ? `${b.value} ${b.label ?? ''}` : (b.label ?? String(b.value));
        return h('li', {}, h('button', { type: 'button', class: 'facet-value', 'aria-pressed': String(isOn(b)), onclick: () => onPick(b) },
          h('span', { class: 'facet-label' }, label), h('span', { class: 'count' }, b.count.toLocaleString())));
      }))));
  }
}
