import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * After a client-side navigation to another page, move focus to the new page's heading so screen
 * readers announce it. A fresh page load keeps the browser's default, so the first Tab reaches the skip link.
 */
export function useFocusOnNavigation() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (evt) => {
        if (!evt.fromLocation || !evt.pathChanged) return;
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
