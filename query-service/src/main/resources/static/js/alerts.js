// The live alert feed: one EventSource per page (GET /api/alerts/stream), shared by the header badge and
// the watchlist view. The badge counts notifications not yet acknowledged.
import { get, withKey } from './api.js';

const listeners = new Set();
let unacknowledged = 0;
let badge;
let connected = false;
const statusListeners = new Set();

export function onAlert(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onFeedStatus(listener) {
  statusListeners.add(listener);
  listener(connected);
  return () => statusListeners.delete(listener);
}

export function startAlertBadge(el) {
  badge = el;
  recount();
  connect();
}

export async function recount() {
  try {
    const page = await get('/api/alerts/notifications', { acknowledged: false, size: 1 });
    unacknowledged = page.total;
  } catch {
    // The badge is a convenience; the watchlist view shows errors.
  }
  show();
}

function show() {
  if (!badge) return;
  badge.hidden = unacknowledged === 0;
  badge.textContent = String(unacknowledged);
  badge.setAttribute('aria-label', `${unacknowledged} unacknowledged alert${unacknowledged === 1 ? '' : 's'}`);
}

function setConnected(value) {
  connected = value;
  statusListeners.forEach((l) => l(value));
}

function onEvent(type, data) {
  if (type === 'ready') {
    setConnected(true);
    return;
  }
  if (type !== 'alert') return;
  let notification;
  try {
    notification = JSON.parse(data);
  } catch {
    return;
  }
  unacknowledged += 1;
  show();
  listeners.forEach((l) => l(notification));
}

// The event stream read with fetch rather than EventSource, because EventSource cannot send the API key
// header that a service with closed reads asks for. The server ends each stream after its timeout; the
// page then connects again, waiting longer after each failure (1 s up to 30 s).
async function connect() {
  let wait = 1000;
  for (;;) {
    try {
      const response = await fetch('/api/alerts/stream', { headers: withKey({ Accept: 'text/event-stream' }) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      wait = 1000;
      await readEvents(response.body, onEvent);
    } catch {
      // Shown as "reconnecting"; the loop tries again.
    }
    setConnected(false);
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 30000);
  }
}

// Server-Sent Events framing: "field: value" lines, an empty line ends an event.
async function readEvents(body, handle) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let type = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer[end] === '\r' ? 2 : 1));
      if (line === '') {
        if (data.length) handle(type, data.join('\n'));
        type = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') type = text;
        else if (field === 'data') data.push(text);
      }
    }
  }
}
