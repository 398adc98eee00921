// Charts with Chart.js (loaded from its webjar as the global Chart). Every chart is a canvas with a text
// summary for screen readers and the same numbers as a table under "Show the numbers".
import { h } from './dom.js';

// Colour-blind-safe palette (Okabe-Ito, then Tol's muted) so adjacent series stay apart.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000',
  '#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499'];
export const SEVERITY_COLOURS = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];

let library;
// Chart.js (from its webjar) is 200 KB: loaded the first time a chart view opens, not with the page.
export function loadCharts() {
  library ??= new Promise((resolve, reject) => {
    if (window.Chart) { resolve(window.Chart); return; }
    const script = document.createElement('script');
    script.src = 'webjars/chart.js/dist/chart.umd.min.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = () => { library = undefined; reject(new Error('the chart library could not be loaded')); };
    document.head.append(script);
  });
  return library;
}

export function chartFigure(id, summary, config, table) {
  const canvas = h('canvas', { id, role: 'img', 'aria-label': summary });
  const figure = h('figure', { class: 'chart' },
    h('div', { class: 'chart-box' }, canvas),
    h('figcaption', {}, summary),
    table ? h('details', {}, h('summary', {}, 'Show the numbers'), table) : null);
  const chart = new window.Chart(canvas, {
    ...config,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      ...config.options,
    },
  });
  return { figure, chart };
}

export function dataTable(caption, head, rows) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i ? h('td', { class: 'num' }, c) : h('th', { scope: 'row' }, c)))))));
}
