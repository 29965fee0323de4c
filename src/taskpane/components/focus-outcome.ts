// Keyboard focus after a press whose button goes away: a removed element leaves the focus on <body>
// (https://html.spec.whatwg.org/multipage/interaction.html#focus-fixup-rule), where a keyboard or screen
// reader user has lost their place; the pane hands it to what the press brought instead.

/**
 * Focuses `target` when the focus is still inside `within` (the section whose button was pressed) or fell
 * to <body>, and only while the pane has the focus: someone who went back to the message keeps it there.
 */
export function focusOutcome(target: HTMLElement | null, within: HTMLElement | null): void {
  if (target === null || !document.hasFocus()) return;
  const active = document.activeElement;
  const lost = active === null || active === document.body;
  if (lost || within?.contains(active) === true) target.focus({ preventScroll: true });
}
