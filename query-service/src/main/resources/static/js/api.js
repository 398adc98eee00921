// Calls to query-service's API. Errors come back as JSON problem bodies; they become an Error whose message
// is the server's own explanation (and which parameter was wrong), so the page can show it as it is.

export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem?.detail || problem?.title || `HTTP ${status}`;
    super(problem?.parameter ? `${detail} (parameter: ${problem.parameter})` : detail);
    this.status = status;
    this.problem = problem;
  }
}

async function problemOf(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.trim().slice(0, 300) || response.statusText };
  }
}

const KEY_STORE = 'rightstream.apiKey';

export function apiKey() {
  return localStorage.getItem(KEY_STORE) || '';
}

export function setApiKey(key) {
  if (key) localStorage.setItem(KEY_STORE, key); else localStorage.removeItem(KEY_STORE);
  window.dispatchEvent(new Event('rightstream-key'));
}

// The key goes in a header the page sets itself (never a cookie), so no other site can make the browser use it.
export function withKey(headers = {}) {
  const key = apiKey();
  return key ? { ...headers, 'X-Api-Key': key } : headers;
}

export async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: withKey(options.headers ?? { Accept: 'application/json' }) });
  } catch (e) {
    throw new ApiError(0, { detail: `the server could not be reached (${e.message})` });
  }
  if (response.status === 401) window.dispatchEvent(new Event('rightstream-key-needed'));
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path, params) => request(params ? `${path}?${query(params)}` : path);

export const send = (method, path, body) => request(path, {
  method,
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
});

// Builds a query string from an object; arrays repeat the parameter, empty values are left out.
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of [].concat(value)) {
      if (v !== undefined && v !== null && v !== '') q.append(key, v);
    }
  }
  return q.toString();
}

// An upload with progress: fetch cannot report upload progress, XMLHttpRequest can.
export function upload(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(withKey())) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body;
      try { body = JSON.parse(xhr.responseText); } catch { body = { detail: xhr.responseText.slice(0, 300) }; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else {
        if (xhr.status === 401) window.dispatchEvent(new Event('rightstream-key-needed'));
        reject(new ApiError(xhr.status, body));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { detail: 'the upload was interrupted or the server could not be reached' })));
    xhr.send(formData);
  });
}

let taxonomyPromise;
// Category labels and severity level names, fetched once.
export function taxonomy() {
  taxonomyPromise ??= get('/api/taxonomy').then((t) => ({
    ...t,
    label: Object.fromEntries(t.categories.map((c) => [c.id, c.label])),
    levelName: Object.fromEntries(t.severity.levels.map((l) => [l.level, l.name])),
  }));
  return taxonomyPromise;
}
