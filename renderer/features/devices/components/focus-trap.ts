/**
 * Keeps Tab inside a dialog. A modal <dialog> already makes the page behind it inert, but Tab from its
 * last control would leave for the browser's own UI; agents working by keyboard expect it to wrap.
 */
const FOCUSABLE = 'button, select, input, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** The controls Tab can reach inside `root`, in order. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hasAttribute('disabled') && !el.closest('[hidden]') && el.getAttribute('aria-hidden') !== 'true',
  );
}

/** On Tab / Shift+Tab at either end, moves focus to the other end instead of out of `root`. */
export function trapTab(event: { shiftKey: boolean; preventDefault(): void }, root: HTMLElement): void {
  const items = focusableIn(root);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = root.ownerDocument.activeElement;
  const inside = active instanceof Node && root.contains(active);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}
