// Trends for one country (or all): passages per category and year, the severity distribution per year with
// its mean, and the persons named most each year.
import { get } from './api.js';
import { clear, errorBox, field, h } from './dom.js';
import { chartFigure, dataTable, loadCharts, PALETTE, SEVERITY_COLOURS } from './charts.js';
import { hashOf, navigate } from './nav.js';
import { countries } from './countries.js';

const TOP_CATEGORIES = 10;
let charts = [];

export function leave() {
  charts.forEach((c) => c.destroy());
  charts = [];
}

export async function render(main, params) {
  const country = params.get('country') ?? '';
  const countBy = params.get('countBy') ?? 'all';
  const select = h('select', { id: 'trend-country' }, h('option', { value: '' }, 'All countries'));
  const countBySelect = h('select', { id: 'trend-countby' },
    h('option', { value: 'all' }, 'every category of a passage'),
    h('option', { value: 'primary' }, 'primary category only'));
  countBySelect.value = countBy;
  const change = () => navigate(hashOf('trends', { country: select.value, countBy: countBySelect.value === 'all' ? '' : countBySelect.value }));
  select.addEventListener('change', change);
  countBySelect.addEventListener('change', change);
  const body = h('div', { class: 'trends' }, h('p', { class: 'loading' }, 'Loading…'));
  main.append(h('h1', {}, country ? `Trends: ${country}` : 'Trends'),
    h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() }, field('Country', select), field('Count a passage under', countBySelect)),
    body);
  try {
    const scope = { country: country || undefined };
    const [list, cats, sev, persons] = await Promise.all([
      countries(),
      get('/api/trends/categories', { ...scope, countBy }),
      get('/api/trends/severity', scope),
      get('/api/trends/persons', { ...scope, top: 5 }),
      loadCharts(),
    ]);
    for (const c of list) select.append(h('option', { value: c }, c));
    select.value = country;
    leave();
    clear(body);
    if (!cats.years.length) {
      body.append(h('p', {}, 'No passages with a year yet. Upload reports on the Reports page.'));
      return;
    }
    body.append(categoryChart(cats), severityChart(sev), personTable(persons));
  } catch (e) {
    clear(body, errorBox(e));
  }
}

function categoryChart(trends) {
  const years = trends.years.map((y) => y.year);
  const totals = new Map();
  const labels = new Map();
  for (const y of trends.years) {
    for (const c of y.categories) {
      totals.set(c.id, (totals.get(c.id) ?? 0) + c.passages);
      labels.set(c.id, c.label);
    }
  }
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_CATEGORIES).map(([id]) => id);
  const count = (y, id) => y.categories.find((c) => c.id === id)?.passages ?? 0;
  const datasets = top.map((id, i) => ({ label: labels.get(id), data: trends.years.map((y) => count(y, id)), backgroundColor: PALETTE[i % PALETTE.length] }));
  const rest = trends.years.map((y) => y.categories.filter((c) => !top.includes(c.id)).reduce((s, c) => s + c.passages, 0));
  if (rest.some((n) => n > 0)) datasets.push({ label: 'Other categories', data: rest, backgroundColor: '#bbbbbb' });
  const biggest = top[0] ? `${labels.get(top[0])} is the largest category overall` : '';
  const { figure, chart } = chartFigure('chart-categories',
    `Passages per category and year, ${years[0]} to ${years[years.length - 1]}, top ${top.length} categories. ${biggest}.`,
    {
      type: 'bar',
      data: { labels: years, datasets },
      options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'passages' } } },
        plugins: { legend: { position: 'bottom' } } },
    },
    dataTable('Passages per category and year', ['Category', ...years],
      [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a)).map((id) => [labels.get(id), ...trends.years.map((y) => count(y, id))])));
  charts.push(chart);
  return h('section', { 'aria-labelledby': 'h-cat' }, h('h2', { id: 'h-cat' }, 'Categories by year'), figure);
}

function severityChart(trends) {
  const years = trends.years.map((y) => y.year);
  const levels = trends.years[0]?.levels.map((l) => [l.level, l.name]) ?? [];
  const datasets = levels.map(([level, name], i) => ({
    type: 'bar', label: `${level} ${name}`, stack: 'levels', yAxisID: 'y',
    data: trends.years.map((y) => y.levels.find((l) => l.level === level)?.passages ?? 0),
    backgroundColor: SEVERITY_COLOURS[i] ?? '#999', borderColor: '#555', borderWidth: 0.5,
  }));
  datasets.push({ type: 'line', label: 'mean severity', yAxisID: 'mean', data: trends.years.map((y) => y.meanSeverity),
    borderColor: '#000', backgroundColor: '#000', pointRadius: 4 });
  const last = trends.years[trends.years.length - 1];
  const { figure, chart } = chartFigure('chart-severity',
    `Passages per severity level and year, with the mean severity; mean ${last.meanSeverity ?? 'n/a'} in ${last.year}.`,
    {
      type: 'bar',
      data: { labels: years, datasets },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'passages' } },
          mean: { position: 'right', min: 1, max: 5, grid: { drawOnChartArea: false }, title: { display: true, text: 'mean severity' } } },
        plugins: { legend: { position: 'bottom' } },
      },
    },
    dataTable('Passages per severity level and year', ['Year', ...levels.map(([l, n]) => `${l} ${n}`), 'Unrated', 'Mean'],
      trends.years.map((y) => [y.year, ...levels.map(([l]) => y.levels.find((x) => x.level === l)?.passages ?? 0), y.unrated ?? 0, y.meanSeverity ?? ''])));
  charts.push(chart);
  return h('section', { 'aria-labelledby': 'h-sev' }, h('h2', { id: 'h-sev' }, 'Severity by year'), figure);
}

function personTable(trends) {
  return h('section', { 'aria-labelledby': 'h-per' }, h('h2', { id: 'h-per' }, 'Most-named persons'),
    h('div', { class: 'person-years' }, trends.years.map((y) => h('div', { class: 'card' },
      h('h3', {}, String(y.year)),
      y.persons.length ? h('ol', {}, y.persons.map((p) => h('li', {},
        h('a', { href: hashOf('search', { entity: p.name, yearFrom: y.year, yearTo: y.year }) }, p.name),
        ` (${p.passages} passage${p.passages === 1 ? '' : 's'})`))) : h('p', {}, 'No persons named.')))));
}
