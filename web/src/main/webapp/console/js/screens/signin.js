// Sign-in for people of the built-in user store: POST /api/v1/session sets the session cookie.
import { h, field, form } from '../dom.js';
import { signIn } from '../session.js';

export function signInScreen(done) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, test: 'username' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, test: 'password' });
  return h(
    'div',
    { class: 'signin' },
    h('h1', {}, 'Sign in to Setpoint'),
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
