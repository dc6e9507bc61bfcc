// The signed-in person: the session (cookie + CSRF token) and what /whoami says they may do. The
// console hides what the roles do not allow; the API decides anyway (a forged request gets 403).
import { get, post, del, request, useCsrfToken, ApiError } from './api.js';

const ROLES = ['viewer', 'editor', 'releaser', 'admin'];
const NEEDS = { read: 'viewer', write: 'editor', reveal: 'editor', publish: 'releaser', manage: 'admin' };

export const session = { username: null, whoami: null };

async function adopt(body) {
  useCsrfToken(body.csrfToken);
  session.username = body.username;
  session.whoami = await get('/whoami');
}

/** Resumes the cookie's session; false when there is none (401). */
export async function resume() {
  try {
    await adopt((await request('GET', '/session')).data);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      forget();
      return false;
    }
    throw e;
  }
}

export async function signIn(username, password) {
  await adopt(await post('/session', { username, password }));
}

export async function signOut() {
  try {
    await del('/session');
  } finally {
    forget();
  }
}

export function forget() {
  useCsrfToken(null);
  session.username = null;
  session.whoami = null;
}

export function platformAdmin() {
  return Boolean(session.whoami && session.whoami.platformAdmin);
}

/** Whether any binding makes the caller an admin somewhere (the administration screen). */
export function adminSomewhere() {
  return platformAdmin() || (session.whoami?.roles || []).some((b) => b.role === 'admin');
}

/**
 * Whether the caller's bindings allow `action` (read, write, reveal, publish, manage) on
 * application `app` and, when given, environment `env` ({slug, production}). Mirrors the API's
 * rule: changes in production need a binding on the environment itself (or platform admin).
 */
export function can(action, app, env = null) {
  const whoami = session.whoami;
  if (!whoami) return false;
  if (whoami.platformAdmin) return true;
  const least = ROLES.indexOf(NEEDS[action]);
  const sensitive = action !== 'read';
  const strict = sensitive && env && env.production;
  return (whoami.roles || []).some((binding) => {
    let role = null;
    if (!binding.application) {
      role = strict && binding.role !== 'admin' ? null : binding.role;
    } else if (binding.application !== app) {
      role = null;
    } else if (!binding.environment) {
      role = strict ? null : binding.role;
    } else {
      role = env && binding.environment === env.slug ? binding.role : null;
    }
    return role !== null && ROLES.indexOf(role) >= least;
  });
}
