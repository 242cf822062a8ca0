import type { PageKind } from '../../../contracts/publicsite.js';

export const pageTitle: Record<PageKind, string> = {
  imprint: 'Impressum',
  privacy: 'Datenschutzerklärung',
  accessibility: 'Erklärung zur Barrierefreiheit',
};

/**
 * Starting texts until the office writes its own: they say what is known and mark what the county
 * must add, rather than inventing legal facts.
 */
export function defaultPage(kind: PageKind, networkName: string, contactEmail: string | null): string {
  const contact = contactEmail ? `E-Mail: ${contactEmail}` : 'Kontakt: über das Formular auf dieser Seite';
  switch (kind) {
    case 'imprint':
      return [
        `Anbieter dieser Seiten: ${networkName}, vertreten durch das Regionale Bildungsbüro.`,
        contact,
        'Die vollständige Anschrift, die vertretungsberechtigte Person und die Aufsichtsbehörde ergänzt das Bildungsbüro unter „Öffentliche Seite“.',
      ].join('\n\n');
    case 'privacy':
      return [
        `Verantwortlich für diese Seiten: ${networkName}. Personenbezogene Daten werden verarbeitet nach der Datenschutz-Grundverordnung (DSGVO) und dem Datenschutzgesetz Nordrhein-Westfalen (DSG NRW).`,
        'Kontaktdaten von Vertreterinnen und Vertretern von Einrichtungen werden zur Erfüllung der öffentlichen Aufgabe nach § 78a SchulG NRW verarbeitet. Newsletter, Fotos und freiwillige Angaben verarbeiten wir nur mit Ihrer Einwilligung, die Sie jederzeit so einfach widerrufen können, wie Sie sie erteilt haben.',
        'Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Beschwerde bei der Landesbeauftragten für Datenschutz und Informationsfreiheit NRW.',
        'Die verantwortliche Stelle und die oder der behördliche Datenschutzbeauftragte ergänzt das Bildungsbüro unter „Öffentliche Seite“.',
        contact,
      ].join('\n\n');
    case 'accessibility':
      return [
        `${networkName}: Wir sind bemüht, diese Website im Einklang mit der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW) barrierefrei zugänglich zu machen. Maßstab ist die Norm EN 301 549, die die Anforderungen der WCAG 2.1 auf Stufe AA umfasst.`,
        'Stand der Vereinbarkeit: Die Seiten werden bei jeder Änderung automatisch auf die Anforderungen der WCAG 2.1 AA geprüft. Bekannte Einschränkungen nennen wir hier.',
        'Feedback und Kontakt: Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns über das Formular unten; Ihre Nachricht erreicht das Regionale Bildungsbüro.',
        'Durchsetzungsverfahren: Wenn wir Ihre Anfrage nicht zufriedenstellend beantworten, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden.',
      ].join('\n\n');
  }
}
