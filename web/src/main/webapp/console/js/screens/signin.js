// Sign-in for people: a built-in user's name and password (POST /api/v1/session sets the session
// cookie), and, where an OpenID Connect provider is configured (GET /api/v1/session/oidc answers),
// "Sign in with <provider>": a real link to /api/v1/session/oidc/start, a top-level navigation to
// the provider and back. A refused provider sign-in comes back as ?signin-error=<code>.
import { h, field, form } from '../dom.js';
import { get } from '../api.js';
import { signIn } from '../session.js';

const REFUSALS = {
  state: 'The sign-in through your identity provider expired or was not started in this browser. Try again.',
  provider: 'Your identity provider did not sign you in.',
  token: 'Your identity provider refused to complete the sign-in. Try again.',
  'id-token': 'The identity provider’s answer could not be verified, so you were not signed in.',
  nonce: 'The identity provider’s answer did not belong to this sign-in, so you were not signed in.',
  identity: 'Your identity provider did not say who you are in a form Setpoint accepts.',
  unavailable: 'Your identity provider cannot be reached now. Try again later.',
};

/** The provider's refusal in the URL, once: removed so that a reload does not show it again. */
function takeRefusal() {
  const params = new URLSearchParams(location.search);
  const code = params.get('signin-error');
  if (code === null) return null;
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
  return REFUSALS[code] || 'The sign-in through your identity provider was refused.';
}

/** The configured provider, or null (404: none; any other failure: the password form only). */
async function provider() {
  try {
    return await get('/session/oidc');
  } catch {
    return null;
  }
}

export async function signInScreen(done) {
  const refusal = takeRefusal();
  const sso = await provider();
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, test: 'username' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, test: 'password' });
  return h(
    'div',
    { class: 'signin' },
    h('h1', {}, 'Sign in to Setpoint'),
    refusal ? h('p', { class: 'state error', role: 'alert', test: 'sign-in-refusal' }, refusal) : null,
    sso
      ? h(
          'div',
          { class: 'provider' },
          h('a', { class: 'button', href: `${sso.start}`, test: 'sign-in-provider' }, `Sign in with ${sso.name}`),
          h('p', { class: 'muted' }, 'Or with a user of Setpoint’s own store:'),
        )
      : null,
    form(
      { 'aria-label': 'Sign in', test: 'sign-in-form' },
      [
        field('Username', username, { name: 'username' }),
        field('Password', password, { name: 'password' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit', test: 'sign-in' }, 'Sign in')),
      ],
      async () => {
        await signIn(username.value.trim(), password.value);
        password.value = '';
        done();
      },
    ),
    h('p', { class: 'muted' }, 'Applications and scripts keep using service tokens or HTTP Basic against the API.'),
  );
}
