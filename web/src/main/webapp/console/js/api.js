// The one API client of the console: same-origin fetch with the session cookie and the CSRF token
// on every request (never Basic), JSON in and out, problem+json turned into an ApiError whose
// `problem` carries the detail and the field errors the forms show next to each field.

const ROOT = '/api/v1';
let csrfToken = null;
let onSignedOut = () => {};

/** An answer other than 2xx, with the RFC 9457 problem the API sent (or one made up for it). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The CSRF token of the current session (null when signed out). */
export function useCsrfToken(token) {
  csrfToken = token;
}

/** What to do when the API answers 401 to anything but the session itself. */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

/** Encodes one path segment. */
export function seg(value) {
  return encodeURIComponent(value);
}

/** One request; resolves to `{data, status, etag}`, rejects with an ApiError. */
export async function request(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(ROOT + path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { title: 'Setpoint is unreachable', detail: `The request could not be sent (${e.message}).` });
  }
  const raw = response.status === 204 ? '' : await response.text();
  let data = null;
  if (raw) {
    try {
      data = JSON.parse(raw);
    } catch {
      data = raw;
    }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : { title: `HTTP ${response.status}`, detail: String(data || response.statusText) };
    if (response.status === 401 && path !== '/session') onSignedOut();
    throw new ApiError(response.status, problem);
  }
  return { data, status: response.status, etag: response.headers.get('ETag') };
}

export const get = async (path) => (await request('GET', path)).data;
export const post = async (path, body = {}) => (await request('POST', path, body)).data;
export const put = async (path, body) => (await request('PUT', path, body)).data;
export const del = async (path) => (await request('DELETE', path)).data;

/** Every item of a paged list, following nextCursor (500 per page, the API's maximum). */
export async function all(path, limit = 500) {
  const items = [];
  let cursor = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${seg(cursor)}` : ''}`);
    items.push(...(page.items || []));
    cursor = page.nextCursor || null;
  } while (cursor);
  return items;
}

/** Null instead of a 404: for things that may not exist (an override, say). */
export async function optional(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

export const paths = {
  app: (app) => `/applications/${seg(app)}`,
  env: (app, env) => `/applications/${seg(app)}/environments/${seg(env)}`,
};
