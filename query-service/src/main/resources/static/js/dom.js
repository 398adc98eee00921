// Small DOM helpers. Report text only ever reaches the page as text nodes: h() sets children as text,
// and snippet() keeps nothing of the server's highlight HTML but the <mark> elements.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// A snippet from the API is HTML-escaped text with matches in <mark>. It is parsed into an inert document
// (nothing runs there) and rebuilt from text nodes and <mark> elements only, so even a snippet that was
// not escaped cannot add markup or script to the page.
const inert = new DOMParser();
export function snippet(html) {
  const doc = inert.parseFromString(`<body>${html ?? ''}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  for (const node of doc.body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'MARK') {
      out.append(h('mark', {}, node.textContent));
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

export function announce(message) {
  const el = document.getElementById('announcer');
  el.textContent = '';
  // A fresh text node after a tick makes screen readers read the same message again.
  setTimeout(() => { el.textContent = message; }, 30);
}

export function severityBadge(level, names) {
  if (level === null || level === undefined) return h('span', { class: 'sev sev-none' }, 'no severity');
  const name = names?.[level] ?? '';
  return h('span', { class: `sev sev-${level}`, title: `Severity ${level} of 5${name ? ': ' + name : ''}` },
    h('span', { 'aria-hidden': 'true' }, '●'.repeat(level) + '○'.repeat(5 - level)),
    h('span', { class: 'sev-text' }, ` ${level} ${name}`));
}

export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const parts = [h('label', { for: id }, label), control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('small', { id: hintId, class: 'hint' }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Error: '), error?.message ?? String(error));
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
