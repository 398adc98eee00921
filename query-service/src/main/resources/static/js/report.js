// A report's passages in reading order, with their labels; opened at a passage (?at=ordinal) it starts
// there and highlights it, and pages on and back in steps of the API's page size.
import { get, taxonomy } from './api.js';
import { clear, errorBox, h, severityBadge } from './dom.js';
import { hashOf } from './nav.js';

const PAGE = 50;

export async function render(main, params, reportId) {
  const at = Number.parseInt(params.get('at') ?? '0', 10) || 0;
  const from = Math.max(0, at - (at % PAGE));
  const body = h('div', {}, h('p', { class: 'loading' }, 'Loading…'));
  main.append(h('h1', {}, 'Report'), body);
  try {
    const [page, t] = await Promise.all([get(`/api/reports/${encodeURIComponent(reportId)}/passages`, { from, size: PAGE }), taxonomy()]);
    const first = page.passages[0];
    if (first) main.querySelector('h1').textContent = first.title || 'Report';
    const pager = () => h('nav', { class: 'pager', 'aria-label': 'Report pages' },
      from > 0 ? h('a', { href: hashOf(`report/${encodeURIComponent(reportId)}`, { at: Math.max(0, from - PAGE) }) }, '← Earlier passages') : null,
      h('span', {}, `Passages ${from + 1}–${from + page.passages.length} of ${page.total}`),
      page.next !== null && page.next !== undefined ? h('a', { href: hashOf(`report/${encodeURIComponent(reportId)}`, { at: page.next }) }, 'Later passages →') : null);
    clear(body,
      first ? h('p', { class: 'meta' }, [first.country, first.year, first.source?.fileName].filter(Boolean).join(' · '),
        ' · ', h('a', { href: hashOf('search', { report: reportId }) }, 'search in this report')) : null,
      pager(),
      h('ol', { class: 'report-passages', start: from + 1 }, page.passages.map((p) => {
        const li = h('li', { id: `p-${p.ordinal}`, class: p.ordinal === at && params.has('at') ? 'target' : '' },
          p.sectionPath?.length ? h('p', { class: 'path' }, p.sectionPath.join(' › ')) : null,
          h('p', {}, p.text),
          h('div', { class: 'labels' }, severityBadge(p.severity?.level, t.levelName),
            (p.categories ?? []).map((c) => h('span', { class: 'cat' }, t.label[c.id] ?? c.id)),
            h('a', { href: `#/passage/${encodeURIComponent(p.chunkId)}`, class: 'details' }, 'labels and reasons')));
        return li;
      })),
      pager());
    const target = params.has('at') ? document.getElementById(`p-${at}`) : null;
    if (target) {
      target.tabIndex = -1;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
  } catch (e) {
    clear(body, errorBox(e));
  }
}
