/**
 * While a modal dialog is open, the console behind it is `inert`: out of the tab order, out of the accessibility
 * tree and not clickable (https://developer.mozilla.org/docs/Web/HTML/Global_attributes/inert).
 *
 * Fluent's dialogs hide the background themselves through their focus manager (Tabster), which sets aria-hidden on
 * the app root 250 ms after the dialog takes focus and takes it away 250 ms after it closes, while every button in
 * the root stays focusable. That is the "aria-hidden element contains focusable elements" failure
 * (https://dequeuniversity.com/rules/axe/4.10/aria-hidden-focus), and after a close the page stays hidden from a
 * screen reader for that quarter second. So the root is marked never-hide for Tabster, and this observer makes it
 * inert exactly while a modal surface (Fluent renders it in a portal beside the root) is in the document.
 */

/** Tabster's opt-out, the attribute behind Fluent's useDangerousNeverHidden_unstable (a top-level element only). */
const TABSTER_NEVER_HIDE = 'data-tabster-never-hide';
const MODAL_SURFACE = '[aria-modal="true"]';

export function keepBackgroundInertUnderModals(appRoot: HTMLElement): () => void {
  appRoot.setAttribute(TABSTER_NEVER_HIDE, '');
  const body = appRoot.ownerDocument.body;
  const update = () => {
    // Only surfaces outside the root count: a modal inside it would make its own container inert.
    const modalOpen = [...body.querySelectorAll(MODAL_SURFACE)].some((surface) => !appRoot.contains(surface));
    appRoot.inert = modalOpen;
  };
  // Changes inside the root (a grid scrolling) cannot open or close a portal: only those outside are looked at.
  const observer = new MutationObserver((records) => {
    if (records.some((record) => !appRoot.contains(record.target))) update();
  });
  observer.observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-modal'] });
  update();
  return () => observer.disconnect();
}
