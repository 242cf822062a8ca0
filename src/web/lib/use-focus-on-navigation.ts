import { useLocation, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * After a client-side navigation to another page, move focus to the new page's heading so screen
 * readers announce it. A fresh page load keeps the browser's default, so the first Tab reaches the skip link.
 * A link to a place on the page (`#item-…`) leaves focus to that page's `useHashTarget`.
 */
export function useFocusOnNavigation() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (evt) => {
        if (!evt.fromLocation || !evt.pathChanged || evt.toLocation.hash) return;
        window.setTimeout(() => {
          const h =
            document.querySelector<HTMLElement>('main [data-page-heading]') ??
            document.getElementById('inhalt');
          h?.focus();
        }, 50);
      }),
    [router],
  );
}

/**
 * A page whose content loads after the navigation brings the element a link's hash names into view
 * and moves focus there once `ready` (the router scrolls only to what exists when it resolves), e.g.
 * a committee agenda item reached from the recommendation handed to it.
 */
export function useHashTarget(ready: boolean) {
  const hash = useLocation({ select: (l) => l.hash });
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(hash);
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}
