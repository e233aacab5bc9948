// Focus management on route change (WCAG 2.4.3): after a navigation the page's h1 takes focus once, so screen-reader
// and keyboard users start at the new page. The first page loaded keeps the browser's default ("default" is the
// router's key for the entry the app started on). Keyed by history entry, not by effect order: a page whose chunk is
// already loaded renders in the same commit as the navigation.
let lastFocused = 'default';

export function shouldFocusHeading(locationKey: string): boolean {
  if (locationKey === lastFocused) return false;
  lastFocused = locationKey;
  return true;
}
