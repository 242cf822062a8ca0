/** The three bodies as the original description of a network puts them (§ 78a SchulG NRW). */
export const BODIES = [
  {
    kind: 'office' as const,
    name: 'Regionales Bildungsbüro',
    description:
      'Die operative Einheit des Regionalen Bildungsnetzwerks in der Kreisverwaltung: Dienstleistungsstelle, Organisationsplattform, Vermittlungs-, Beratungs- und Koordinierungsinstanz. Es erstellt Konzepte, Vorlagen, Handreichungen und Dokumentationen, koordiniert Projekte, bereitet Veranstaltungen vor und nach, spricht Multiplikatorinnen und Multiplikatoren an, recherchiert in den Handlungsfeldern und sorgt für Evaluation und Qualitätsentwicklung.',
  },
  {
    kind: 'steering_committee' as const,
    name: 'Lenkungskreis',
    description:
      'Der strategische Kern der staatlich-kommunalen Zusammenarbeit. Vertretungen von Land und Kommune sowie ausgewählte Bildungsakteure vereinbaren Ziele und Arbeitsplanungen in den festgelegten Handlungsfeldern und erteilen dem Bildungsbüro Arbeitsaufträge. Entscheidungen fallen im Konsens; Gäste beraten anlass- und themenbezogen.',
  },
  {
    kind: 'conference' as const,
    name: 'Regionale Bildungskonferenz',
    description:
      'Die in der Regel jährliche Konferenz der Bildungsregion. Der Lenkungskreis verantwortet die Inhalte, das Bildungsbüro die Organisation. Sie wird dokumentiert und ausgewertet; ihre Empfehlungen gehen an den Lenkungskreis.',
  },
];
