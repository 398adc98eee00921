// Moves to another state of the page. With replace, the browser history gets no entry (typing in a filter
// should not need twenty presses of Back); the hashchange event is raised by hand because replaceState
// does not raise it.
export function navigate(hash, { replace = false } = {}) {
  if (replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

export function hashOf(view, params) {
  const q = params instanceof URLSearchParams ? params.toString() : new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => [].concat(v).filter((x) => x !== undefined && x !== null && x !== '').map((x) => [k, x]))).toString();
  return `#/${view}${q ? '?' + q : ''}`;
}
