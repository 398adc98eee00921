// One passage with everything the classifier said about it: categories with scores, the severity and the
// phrases and rules behind it, the named entities (marked in the text), and a link to its place in the report.
import { get, taxonomy } from './api.js';
import { clear, errorBox, h, severityBadge } from './dom.js';

export async function render(main, params, chunkId) {
  const body = h('div', { class: 'passage-view' }, h('p', { class: 'loading' }, 'Loading…'));
  main.append(h('p', { class: 'back' }, h('a', { href: '#/search', onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, '← Back')),
    h('h1', {}, 'Passage'), body);
  try {
    const [p, t] = await Promise.all([get(`/api/passages/${encodeURIComponent(chunkId)}`), taxonomy()]);
    main.querySelector('h1').textContent = p.sectionPath?.length ? p.sectionPath[p.sectionPath.length - 1] : `Passage ${p.ordinal + 1}`;
    clear(body, passageDetails(p, t));
  } catch (e) {
    clear(body, errorBox(e));
  }
}

export function passageDetails(p, t) {
  const severity = p.severity ?? {};
  return [
    h('p', { class: 'meta' }, [p.title, p.country, p.year].filter(Boolean).join(' · '), ' · ',
      h('a', { href: `#/report/${encodeURIComponent(p.reportId)}?at=${p.ordinal}` },
        `passage ${p.ordinal + 1} of ${p.totalChunks ?? '?'} in the report`),
      p.page ? ` · page ${p.page}` : ''),
    p.sectionPath?.length ? h('p', { class: 'path' }, p.sectionPath.join(' › ')) : null,
    h('blockquote', { class: 'passage-text' }, markedText(p.text ?? '', p.entities ?? [])),
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 'lbl-cats' },
        h('h2', { id: 'lbl-cats' }, 'Categories'),
        (p.categories ?? []).length
          ? h('ul', { class: 'scores' }, p.categories.map((c) => h('li', {},
            h('a', { href: `#/search?category=${encodeURIComponent(c.id)}` }, t.label[c.id] ?? c.id),
            h('meter', { min: 0, max: 1, value: c.score, 'aria-label': `confidence ${Math.round(c.score * 100)} percent` }),
            h('span', { class: 'count' }, `${Math.round(c.score * 100)}%`))))
          : h('p', {}, 'No category.')),
      h('section', { 'aria-labelledby': 'lbl-sev' },
        h('h2', { id: 'lbl-sev' }, 'Severity'),
        severityBadge(severity.level, t.levelName),
        h('h3', {}, 'Why this severity'),
        (severity.indicators ?? []).length
          ? h('ul', { class: 'indicators' }, severity.indicators.map((i) => h('li', {}, h('q', {}, i.text), ' — ', i.rule)))
          : h('p', {}, 'No indicator phrase was found; the level is the default.')),
      h('section', { 'aria-labelledby': 'lbl-ent' },
        h('h2', { id: 'lbl-ent' }, 'Named'),
        (p.entities ?? []).length
          ? h('ul', { class: 'entities' }, dedupe(p.entities).map((e) => h('li', {},
            h('a', { href: `#/search?entity=${encodeURIComponent(e.text)}` }, e.text), ' ', h('span', { class: `etype etype-${e.type}` }, e.type.toLowerCase()))))
          : h('p', {}, 'No names found.'))),
    h('p', { class: 'provenance' }, `Model ${p.modelVersion ?? '?'}, classified ${p.classifiedAt ? new Date(p.classifiedAt).toLocaleString() : '?'}; source file ${p.source?.fileName ?? '?'}.`),
  ];
}

function dedupe(entities) {
  const seen = new Set();
  return entities.filter((e) => !seen.has(`${e.type}|${e.text}`) && seen.add(`${e.type}|${e.text}`));
}

// The passage's text with its entities wrapped in <mark>, built from text nodes only.
function markedText(text, entities) {
  const spans = entities.filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end && e.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const e of spans) {
    if (e.start < at) continue;
    out.push(text.slice(at, e.start), h('mark', { class: `entity etype-${e.type}`, title: e.type.toLowerCase() }, text.slice(e.start, e.end)));
    at = e.end;
  }
  out.push(text.slice(at));
  return out;
}
