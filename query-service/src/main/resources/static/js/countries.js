import { get } from './api.js';

let cached;
// The countries present in the index, for pickers: the search API's country facet of all passages.
export function countries() {
  cached ??= get('/api/search', { size: 1, facets: 'country' })
    .then((r) => (r.facets?.country?.buckets ?? []).map((b) => String(b.value)).sort((a, b) => a.localeCompare(b)))
    .catch((e) => { cached = undefined; throw e; });
  return cached;
}
