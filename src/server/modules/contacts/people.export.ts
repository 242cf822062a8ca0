import type { Institution, PersonListItem } from '../../../contracts/contacts-people.js';
import { type Sheet, sheetCsv, sheetXlsx } from '../../lib/spreadsheet.js';

/* The list views of people and institutions as Excel and CSV files (with the filters on screen). */

const consentLabel = { given: 'erteilt', withdrawn: 'widerrufen', none: 'keine' } as const;
export const institutionTypeLabel: Record<Institution['type'], string> = {
  school: 'Schule',
  kita: 'Kita',
  youth_services: 'Jugendhilfe',
  company: 'Unternehmen',
  chamber: 'Kammer',
  association: 'Verband / Verein',
  authority: 'Behörde',
  higher_education: 'Hochschule',
  other: 'Sonstige',
};

const peopleSheet = (people: PersonListItem[]): Sheet => ({
  name: 'Personen',
  columns: [
    { header: 'Name', width: 32 },
    { header: 'Funktionen', width: 60 },
    { header: 'Ort', width: 18 },
    { header: 'E-Mail', width: 34 },
    { header: 'Telefon', width: 18 },
    { header: 'Multiplikator/in', width: 14 },
    { header: 'Einwilligung Verteiler', width: 20 },
  ],
  rows: people.map((p) => [
    p.name,
    p.affiliations.map((a) => `${a.function}, ${a.institutionName}`).join('; '),
    p.place,
    p.email,
    p.phone,
    p.multiplier ? 'ja' : 'nein',
    consentLabel[p.consent],
  ]),
});

const institutionsSheet = (list: Institution[]): Sheet => ({
  name: 'Einrichtungen',
  columns: [
    { header: 'Name', width: 40 },
    { header: 'Art', width: 16 },
    { header: 'Schulnummer', width: 12 },
    { header: 'Schulform', width: 16 },
    { header: 'Schulträger', width: 18 },
    { header: 'Straße', width: 26 },
    { header: 'PLZ', width: 8 },
    { header: 'Ort', width: 18 },
    { header: 'Kommune', width: 18 },
    { header: 'E-Mail', width: 30 },
    { header: 'Telefon', width: 18 },
    { header: 'Personen', width: 10 },
  ],
  rows: list.map((i) => [
    i.name,
    institutionTypeLabel[i.type],
    i.schoolNumber,
    i.schoolType,
    i.operatorName,
    i.street,
    i.postalCode,
    i.place,
    i.municipalityName,
    i.email,
    i.phone,
    String(i.peopleCount),
  ]),
});

export const peopleXlsx = (people: PersonListItem[]) => sheetXlsx(peopleSheet(people));
export const peopleCsv = (people: PersonListItem[]) => sheetCsv(peopleSheet(people));
export const institutionsXlsx = (list: Institution[]) => sheetXlsx(institutionsSheet(list));
export const institutionsCsv = (list: Institution[]) => sheetCsv(institutionsSheet(list));
