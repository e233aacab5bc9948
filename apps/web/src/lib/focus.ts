// Focus management on route change (WCAG 2.4.3): after a navigation the next page heading takes focus,
// so screen-reader and keyboard users start at the new page. The first load keeps the browser's default.
let pending = false;

export function markNavigation() {
  pending = true;
}

export function takePendingFocus(): boolean {
  const was = pending;
  pending = false;
  return was;
}
