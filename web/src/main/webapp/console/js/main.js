// The console's shell: a hash router (#/apps, #/apps/{app}, …), the header's navigation and user
// menu, and one place that shows every screen's loading and error states.
import { h, loading, errorBox } from './dom.js';
import { whenSignedOut } from './api.js';
import { announce, go, renderWith, takeFlash } from './navigation.js';
import { session, resume, signOut, forget, adminSomewhere } from './session.js';
import { signInScreen } from './screens/signin.js';
import { applicationsScreen } from './screens/applications.js';
import { matrixScreen } from './screens/matrix.js';
import { settingScreen } from './screens/setting.js';
import { secretsScreen, secretScreen } from './screens/secrets.js';
import { releasesScreen } from './screens/releases.js';
import { readinessScreen } from './screens/readiness.js';
import { consumersScreen } from './screens/consumers.js';
import { changesScreen, changeScreen } from './screens/changes.js';
import { webhooksScreen } from './screens/webhooks.js';
import { auditScreen } from './screens/audit.js';
import { adminScreen } from './screens/admin.js';

const SLUG = '([a-z][a-z0-9-]{1,62})';
const KEY = '([A-Za-z_][A-Za-z0-9_.-]{0,127})';
const routes = [
  [/^\/apps$/, applicationsScreen],
  [new RegExp(`^/apps/${SLUG}$`), matrixScreen],
  [new RegExp(`^/apps/${SLUG}/settings/new$`), (app) => settingScreen(app, null)],
  [new RegExp(`^/apps/${SLUG}/settings/${KEY}$`), settingScreen],
  [new RegExp(`^/apps/${SLUG}/webhooks$`), webhooksScreen],
  [new RegExp(`^/apps/${SLUG}/envs/${SLUG}/secrets$`), secretsScreen],
  [new RegExp(`^/apps/${SLUG}/envs/${SLUG}/secrets/${KEY}$`), secretScreen],
  [new RegExp(`^/apps/${SLUG}/envs/${SLUG}/releases$`), releasesScreen],
  [new RegExp(`^/apps/${SLUG}/envs/${SLUG}/readiness$`), readinessScreen],
  [new RegExp(`^/apps/${SLUG}/envs/${SLUG}/consumers$`), consumersScreen],
  [new RegExp(`^/apps/${SLUG}/envs/${SLUG}/changes$`), changesScreen],
  [new RegExp(`^/apps/${SLUG}/envs/${SLUG}/changes/([1-9][0-9]{0,8})$`), changeScreen],
  [/^\/audit$/, auditScreen],
  [/^\/admin$/, adminScreen],
];

const main = document.getElementById('main');
let generation = 0;
let wanted = null;

function path() {
  const hash = location.hash || '#/apps';
  return hash.startsWith('#/') ? decodeURIComponent(hash.slice(1)) : null;
}

function shell() {
  const signedIn = Boolean(session.username);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('nav-admin').hidden = !adminSomewhere();
  const user = document.getElementById('user');
  user.replaceChildren();
  if (signedIn) {
    user.append(
      h('span', { test: 'signed-in-as' }, `Signed in as ${session.username}`),
      h('button', { type: 'button', test: 'sign-out', onclick: doSignOut }, 'Sign out'),
    );
  }
  const current = path() || '';
  for (const link of document.querySelectorAll('#nav a')) {
    const target = link.getAttribute('href').slice(1);
    if (current === target || current.startsWith(`${target}/`)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function doSignOut() {
  try {
    await signOut();
  } finally {
    announce('Signed out.');
    go('#/sign-in');
  }
}

async function render() {
  const current = path();
  if (current === null) return; // the skip link's #main
  const mine = ++generation;
  if (current !== '/sign-in' && !session.username) {
    wanted = location.hash;
    location.replace('#/sign-in');
    return;
  }
  shell();
  const flash = takeFlash();
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(loading('Loading'));
  let screen;
  try {
    screen = await route(current);
  } catch (error) {
    screen = h('div', {}, h('h1', {}, error.status === 404 ? 'Not found' : 'Something went wrong'), errorBox(error));
  }
  if (mine !== generation) return; // a newer navigation won
  main.removeAttribute('aria-busy');
  main.replaceChildren(...(flash ? [h('p', { class: 'flash', role: 'status', test: 'flash' }, flash)] : []), screen);
  const heading = main.querySelector('h1');
  document.title = `${heading ? heading.textContent : 'Setpoint'} · Setpoint console`;
  main.focus({ preventScroll: true });
  main.dispatchEvent(new CustomEvent('screen-ready'));
}

async function route(current) {
  if (current === '/sign-in') {
    return signInScreen(() => {
      const next = wanted && wanted !== '#/sign-in' ? wanted : '#/apps';
      wanted = null;
      go(next);
    });
  }
  for (const [pattern, screen] of routes) {
    const match = pattern.exec(current);
    if (match) return screen(...match.slice(1));
  }
  return h('div', {}, h('h1', {}, 'Not found'), h('p', { class: 'state error', role: 'alert' }, `The console has no screen at ${current}.`), h('p', {}, h('a', { href: '#/apps' }, 'Back to the applications')));
}

whenSignedOut(() => {
  if (session.username) {
    forget();
    announce('Your session ended; sign in again.');
    wanted = location.hash;
    location.replace('#/sign-in');
  }
});

async function start() {
  try {
    await resume();
  } catch (error) {
    main.replaceChildren(h('h1', {}, 'Setpoint is unavailable'), errorBox(error));
    return;
  }
  renderWith(render);
  window.addEventListener('hashchange', render);
  render();
}

start();
