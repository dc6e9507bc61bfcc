// What the application screens share: the breadcrumb, the per-environment navigation, and loading
// the application with its environments.
import { h } from '../dom.js';
import { get, all, paths } from '../api.js';

/** The application and its environments, production ones last (otherwise in the API's order). */
export async function loadApplication(app) {
  const [application, environments] = await Promise.all([get(paths.app(app)), all(`${paths.app(app)}/environments`)]);
  environments.sort((a, b) => Number(a.production) - Number(b.production));
  return { application, environments };
}

/** The environment named `env` of `environments`, or a 404-like error. */
export function pick(environments, env) {
  const found = environments.find((e) => e.slug === env);
  if (!found) {
    const error = new Error(`No environment '${env}' in this application.`);
    error.status = 404;
    error.problem = { title: 'Not found', detail: error.message };
    throw error;
  }
  return found;
}

/** Breadcrumb: Applications / app [/ env] [/ last]. */
export function breadcrumb(app, env, last) {
  const items = [h('li', {}, h('a', { href: '#/apps' }, 'Applications'))];
  items.push(h('li', {}, h('a', { href: `#/apps/${app}` }, app)));
  if (env) items.push(h('li', {}, env));
  if (last) items.push(h('li', {}, last));
  return h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('ol', {}, items));
}

/** The links of one environment's screens, the current one marked. */
export function envNav(app, environments, env, current) {
  const screens = [
    ['secrets', 'Secrets'],
    ['releases', 'Releases'],
    ['readiness', 'Readiness'],
    ['consumers', 'Consumers'],
    ['changes', 'Change requests'],
  ];
  return h(
    'nav',
    { class: 'subnav', 'aria-label': `Environment ${env}` },
    h(
      'ul',
      {},
      screens.map(([slug, label]) =>
        h('li', {}, h('a', { href: `#/apps/${app}/envs/${env}/${slug}`, 'aria-current': slug === current ? 'page' : null }, label)),
      ),
      h(
        'li',
        {},
        h('label', { for: 'env-switch', class: 'visually-hidden' }, 'Environment'),
        h(
          'select',
          {
            id: 'env-switch',
            test: 'env-switch',
            onchange: (e) => {
              location.hash = `#/apps/${app}/envs/${e.target.value}/${current}`;
            },
          },
          environments.map((e) => h('option', { value: e.slug, selected: e.slug === env }, e.production ? `${e.slug} (production)` : e.slug)),
        ),
      ),
    ),
  );
}

/** Copies `value` to the clipboard; says so (or that it could not) on the button itself. */
export function copyButton(value) {
  const button = h('button', { type: 'button', class: 'secondary', test: 'copy' }, 'Copy');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed: select the text';
    }
  });
  return button;
}

/** A value shown once (a token, a signing secret) with a copy button; Done renders the screen again. */
export function onceBox(label, value, done) {
  const code = h('code', { class: 'value', test: 'shown-once' }, value);
  return h(
    'div',
    { class: 'once', role: 'status' },
    h('strong', {}, label),
    ': ',
    code,
    ' ',
    copyButton(value),
    ' ',
    h('button', { type: 'button', class: 'secondary', onclick: done }, 'Done'),
  );
}
