// Moving between screens and telling the reader what happened, for every screen module.
let renderer = () => {};
let pendingFlash = null;

/** The shell registers the function that renders the current hash. */
export function renderWith(render) {
  renderer = render;
}

/** Says `message` to screen readers (a live region), and shows it above the next screen. */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = message;
  pendingFlash = message;
}

/** The message to show above the screen being rendered, once. */
export function takeFlash() {
  const flash = pendingFlash;
  pendingFlash = null;
  return flash;
}

/** Goes to `hash` (e.g. '#/apps'), or renders it again when it is the current one. */
export function go(hash) {
  if (location.hash === hash) {
    renderer();
  } else {
    location.hash = hash;
  }
}

/** Renders the current screen again (after a change). */
export function refresh() {
  renderer();
}
