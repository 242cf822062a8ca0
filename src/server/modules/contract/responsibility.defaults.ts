/**
 * Default responsibility catalogue for NRW (SchulG NRW: inner-school matters with the Land, outer-school
 * matters with the school operator; SGB VIII youth services with the county/municipality). The office
 * edits it per network.
 */
export const DEFAULT_RESPONSIBILITIES: Array<{
  matter: string;
  category: 'inner_school' | 'outer_school' | 'youth' | 'other';
  owner: 'land' | 'school_operator' | 'municipality' | 'other';
  note: string;
}> = [
  {
    matter: 'Unterricht, Lehrpläne und Unterrichtsinhalte',
    category: 'inner_school',
    owner: 'land',
    note: 'Innere Schulangelegenheit (Schulaufsicht)',
  },
  {
    matter: 'Lehrerfortbildung',
    category: 'inner_school',
    owner: 'land',
    note: 'Innere Schulangelegenheit (Schulaufsicht, Kompetenzteams)',
  },
  {
    matter: 'Qualitätsanalyse an Schulen',
    category: 'inner_school',
    owner: 'land',
    note: 'Innere Schulangelegenheit',
  },
  {
    matter: 'Sonderpädagogischer Förderbedarf (Feststellung)',
    category: 'inner_school',
    owner: 'land',
    note: 'Entscheidung der Schulaufsicht (AO-SF)',
  },
  {
    matter: 'Personalausstattung der Schulen (Lehrkräfte)',
    category: 'inner_school',
    owner: 'land',
    note: 'Innere Schulangelegenheit',
  },
  {
    matter: 'Schulgebäude und Schulbau',
    category: 'outer_school',
    owner: 'school_operator',
    note: 'Äußere Schulangelegenheit',
  },
  {
    matter: 'Sachausstattung und IT der Schulen',
    category: 'outer_school',
    owner: 'school_operator',
    note: 'Äußere Schulangelegenheit (Medienentwicklungsplanung)',
  },
  {
    matter: 'Schülerbeförderung',
    category: 'outer_school',
    owner: 'school_operator',
    note: 'Äußere Schulangelegenheit',
  },
  {
    matter: 'Schulentwicklungsplanung',
    category: 'outer_school',
    owner: 'school_operator',
    note: 'Äußere Schulangelegenheit (§ 80 SchulG NRW)',
  },
  {
    matter: 'Kindertagesbetreuung (Kitas)',
    category: 'youth',
    owner: 'municipality',
    note: 'Jugendhilfe (SGB VIII, KiBiz)',
  },
  {
    matter: 'Kinder- und Jugendhilfe, Jugendarbeit',
    category: 'youth',
    owner: 'municipality',
    note: 'Jugendhilfe (SGB VIII)',
  },
  {
    matter: 'Weiterbildung und Volkshochschulen',
    category: 'other',
    owner: 'municipality',
    note: 'Kommunale Aufgabe (WbG NRW)',
  },
];
