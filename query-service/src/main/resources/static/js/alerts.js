// The live alert feed: one EventSource per page (GET /api/alerts/stream), shared by the header badge and
// the watchlist view. The badge counts notifications not yet acknowledged.
import { get } from './api.js';

const listeners = new Set();
let unacknowledged = 0;
let badge;
let source;
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

// EventSource reconnects by itself after a dropped connection; the server ends each stream after
// its timeout and the browser opens the next one.
function connect() {
  source = new EventSource('/api/alerts/stream');
  source.addEventListener('ready', () => setConnected(true));
  source.addEventListener('error', () => setConnected(false));
  source.addEventListener('alert', (event) => {
    let notification;
    try {
      notification = JSON.parse(event.data);
    } catch {
      return;
    }
    unacknowledged += 1;
    show();
    listeners.forEach((l) => l(notification));
  });
}
