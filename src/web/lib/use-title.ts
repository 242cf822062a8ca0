import { useEffect } from 'react';

/** Every page names itself in the window title: "Seite – Bildungsnetz". */
export function useTitle(page: string) {
  useEffect(() => {
    document.title = page ? `${page} – Bildungsnetz` : 'Bildungsnetz';
  }, [page]);
}
