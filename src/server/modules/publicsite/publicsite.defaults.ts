import type { PageKind } from '../../../contracts/publicsite.js';

export const pageTitle: Record<PageKind, string> = {
  imprint: 'Impressum',
  privacy: 'Datenschutzerklärung',
  accessibility: 'Erklärung zur Barrierefreiheit',
};

/**
 * Starting texts until the office writes its own. The provider's name, address and the responsible
 * persons are not part of these texts: the pages print them from the public site's details, so a text
 * never tells the public what the office still has to fill in.
 */
export function defaultPage(kind: PageKind, networkName: string): string {
  switch (kind) {
    case 'imprint':
      return [
        `Diese Seiten informieren über die Arbeit von „${networkName}“.`,
        'Haftung für Inhalte: Die Inhalte dieser Seiten werden mit größter Sorgfalt erstellt. Für die Richtigkeit, Vollständigkeit und Aktualität der Inhalte übernehmen wir jedoch keine Gewähr.',
        'Haftung für Links: Für die Inhalte verlinkter Seiten anderer Anbieter ist stets deren Anbieter verantwortlich. Erkennen wir einen Rechtsverstoß, entfernen wir den Link.',
        'Urheberrecht: Texte, Bilder und Dokumente auf diesen Seiten unterliegen dem Urheberrecht. Eine Verwendung außerhalb der Grenzen des Urheberrechts bedarf der Zustimmung.',
      ].join('\n\n');
    case 'privacy':
      return [
        `Diese Erklärung gilt für die öffentlichen Seiten von „${networkName}“. Personenbezogene Daten werden verarbeitet nach der Datenschutz-Grundverordnung (DSGVO) und dem Datenschutzgesetz Nordrhein-Westfalen (DSG NRW).`,
        'Kontaktdaten von Vertreterinnen und Vertretern von Einrichtungen werden zur Erfüllung der öffentlichen Aufgabe nach § 78a SchulG NRW verarbeitet. Die Namen und Kontaktdaten im Team des Bildungsbüros veröffentlichen wir, damit Sie Ihre Ansprechpersonen erreichen. Newsletter, Fotos und freiwillige Angaben verarbeiten wir nur mit Ihrer Einwilligung, die Sie jederzeit so einfach widerrufen können, wie Sie sie erteilt haben.',
        'Beim Aufruf dieser Seiten setzen wir keine Cookies zur Analyse oder Werbung ein. Schreiben Sie uns über ein Formular, verwenden wir Ihre Angaben nur, um Ihre Nachricht zu beantworten.',
        'Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Beschwerde bei der Landesbeauftragten für Datenschutz und Informationsfreiheit NRW.',
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
