// Year over year for one country: which categories grew or shrank (passages and mean severity), and the
// persons and organisations named in the later year and not in the earlier one, with the passages naming them.
import { get } from './api.js';
import { clear, errorBox, field, h } from './dom.js';
import { chartFigure, dataTable, loadCharts } from './charts.js';
import { hashOf, navigate } from './nav.js';
import { countries } from './countries.js';

let charts = [];

export function leave() {
  charts.forEach((c) => c.destroy());
  charts = [];
}

const signed = (n, digits = 0) => (n > 0 ? '+' : n < 0 ? '−' : '±') + Math.abs(n).toFixed(digits);

export async function render(main, params) {
  const country = params.get('country') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const countrySelect = h('select', { id: 'cmp-country', required: true }, h('option', { value: '' }, 'Choose a country'));
  const fromSelect = h('select', { id: 'cmp-from' });
  const toSelect = h('select', { id: 'cmp-to' });
  const body = h('div', { class: 'compare' });
  const form = h('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    navigate(hashOf('compare', { country: countrySelect.value, from: fromSelect.value, to: toSelect.value }));
  } },
  field('Country', countrySelect), field('Earlier year', fromSelect), field('Later year', toSelect),
  h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Compare')));
  main.append(h('h1', {}, country && from && to ? `What's new in ${to} compared with ${from}: ${country}` : 'Compare two years'), form, body);

  // With country and years given, the comparison starts at once, alongside the pickers' own lookups.
  const pending = country && from && to
    ? Promise.all([get('/api/compare', { country, from, to, passagesPerName: 3 }), loadCharts()]) : null;
  pending?.catch(() => {});
  try {
    for (const c of await countries()) countrySelect.append(h('option', { value: c }, c));
    countrySelect.value = country;
    const fillYears = async () => {
      const years = countrySelect.value
        ? (await get('/api/search', { country: countrySelect.value, size: 1, facets: 'year' })).facets.year.buckets.map((b) => b.value).sort()
        : [];
      fromSelect.replaceChildren(...years.map((y) => h('option', { value: y }, String(y))));
      toSelect.replaceChildren(...years.map((y) => h('option', { value: y }, String(y))));
      fromSelect.value = from && years.includes(Number(from)) ? from : String(years[0] ?? '');
      toSelect.value = to && years.includes(Number(to)) ? to : String(years[years.length - 1] ?? '');
      return years;
    };
    countrySelect.addEventListener('change', fillYears);
    const years = await fillYears();
    if (!country) {
      body.append(h('p', {}, 'Choose a country and two years to see what changed.'));
      return;
    }
    if (!from || !to) {
      if (years.length >= 2) navigate(hashOf('compare', { country, from: years[0], to: years[years.length - 1] }), { replace: true });
      else body.append(h('p', {}, `${country} has passages from ${years.length ? 'one year only' : 'no year'}; two years are needed.`));
      return;
    }
    body.append(h('p', { class: 'loading' }, 'Comparing…'));
    const [result] = await pending;
    leave();
    clear(body, summary(result), categoryChange(result), newNames(result));
  } catch (e) {
    clear(body, errorBox(e));
  }
}

function summary(r) {
  const a = r.allPassages;
  return h('p', { class: 'lead' },
    `${r.from}: ${a.from.passages} passages, mean severity ${a.from.meanSeverity ?? 'n/a'}. `,
    `${r.to}: ${a.to.passages} passages (${signed(a.change.passages)}), mean severity ${a.to.meanSeverity ?? 'n/a'}`,
    a.change.meanSeverity !== null && a.change.meanSeverity !== undefined ? ` (${signed(a.change.meanSeverity, 2)}).` : '.');
}

function categoryChange(r) {
  const rows = [...r.categories].filter((c) => c.from.passages || c.to.passages)
    .sort((x, y) => y.change.passages - x.change.passages || x.label.localeCompare(y.label));
  const grew = rows.filter((c) => c.change.passages > 0);
  const shrank = rows.filter((c) => c.change.passages < 0);
  const { figure, chart } = chartFigure('chart-compare',
    `Change in passages per category from ${r.from} to ${r.to}: ${grew.length} categories grew, ${shrank.length} shrank.`
      + (grew[0] ? ` Most growth: ${grew[0].label} (${signed(grew[0].change.passages)}).` : '')
      + (shrank.length ? ` Largest drop: ${shrank[shrank.length - 1].label} (${signed(shrank[shrank.length - 1].change.passages)}).` : ''),
    {
      type: 'bar',
      data: {
        labels: rows.map((c) => c.label),
        datasets: [{ label: `change in passages, ${r.from} → ${r.to}`, data: rows.map((c) => c.change.passages),
          backgroundColor: rows.map((c) => (c.change.passages >= 0 ? '#D55E00' : '#0072B2')) }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    },
    null);
  figure.querySelector('.chart-box').style.height = `${Math.max(160, rows.length * 22 + 40)}px`;
  charts.push(chart);
  const table = dataTable(`Passages and mean severity per category, ${r.from} and ${r.to}`,
    ['Category', `${r.from} passages`, `${r.to} passages`, 'Change', `${r.from} mean severity`, `${r.to} mean severity`, 'Severity change'],
    rows.map((c) => [
      h('a', { href: hashOf('search', { country: r.country, category: c.id, yearFrom: r.to, yearTo: r.to }) }, c.label),
      c.from.passages, c.to.passages,
      h('span', { class: c.change.passages > 0 ? 'up' : c.change.passages < 0 ? 'down' : '' },
        `${c.change.passages > 0 ? '▲ grew ' : c.change.passages < 0 ? '▼ shrank ' : ''}${signed(c.change.passages)}`),
      c.from.meanSeverity ?? '–', c.to.meanSeverity ?? '–',
      c.change.meanSeverity === null || c.change.meanSeverity === undefined ? '–' : signed(c.change.meanSeverity, 2)]));
  return h('section', { 'aria-labelledby': 'h-change' }, h('h2', { id: 'h-change' }, 'Categories that grew or shrank'), figure, table);
}

function newNames(r) {
  const group = (title, id, names) => h('section', { 'aria-labelledby': id },
    h('h3', { id }, `${title} (${names.total})`),
    names.names.length ? h('ul', { class: 'new-names' }, names.names.map((n) => h('li', {},
      h('details', {},
        h('summary', {}, h('strong', {}, n.name), ` — ${n.passages} passage${n.passages === 1 ? '' : 's'}`),
        h('ul', {}, n.examples.map((e) => h('li', {}, h('a', { href: `#/passage/${encodeURIComponent(e.chunkId)}` }, e.snippet)))))))) :
      h('p', {}, 'None.'));
  const nn = r.newNames;
  return h('section', { 'aria-labelledby': 'h-new' },
    h('h2', { id: 'h-new' }, `Named in ${r.to}, not in ${r.from}`),
    h('div', { class: 'columns' }, group('Persons', 'h-new-p', nn.persons), group('Organisations', 'h-new-o', nn.organisations)),
    nn.complete === false ? h('p', { class: 'hint' }, 'Only part of the passages were read; the lists may be incomplete.') : null);
}
