import { inArray } from 'drizzle-orm';
import type { InstitutionType, SchoolType } from '../../contracts/contacts.js';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { fold } from '../modules/contacts/fold.rules.js';
import {
  createInstitution,
  institutionIdByName,
  municipalityIdsByName,
} from '../modules/contacts/institutions.service.js';
import { addAffiliation, contactOptions, createPerson } from '../modules/contacts/people.service.js';
import { linkAccountPerson } from '../modules/contacts/person-link.service.js';
import * as steering from '../modules/steering/steering.service.js';
import { demoOffice } from './demo-office.js';
import { DEMO_ACCOUNTS } from './seed.js';

/*
 * The demo network's address book, entered through the same use cases the office uses: invented
 * institutions in all 12 municipalities (every name says "Beispiel", school numbers 99xxxx are not real),
 * a few dozen people with functions, multipliers with topics, mailing consents for some, the committee
 * members linked to their institutions and the office's staff as people with their accounts.
 */

type Inst = {
  name: string;
  type: InstitutionType;
  place: string;
  schoolType?: SchoolType;
  schoolNumber?: string;
  street?: string;
  postalCode?: string;
  email?: string;
  phone?: string;
};

const school = (
  n: number,
  schoolType: SchoolType,
  place: string,
  postalCode: string,
  short = place,
): Inst => ({
  name: `Beispiel-${schoolType} ${short}`,
  type: 'school',
  schoolType,
  schoolNumber: String(990000 + n),
  place,
  postalCode,
  street: 'Schulweg 1',
  email: `sekretariat.${fold(schoolType)}.${fold(short)}@demo.bildungsnetz.example`.replace(
    /[^a-z0-9.@-]/g,
    '',
  ),
  phone: '0291 000000',
});

export const DEMO_INSTITUTIONS: Inst[] = [
  school(1, 'Gymnasium', 'Brilon', '59929'),
  school(2, 'Realschule', 'Brilon', '59929'),
  school(3, 'Grundschule', 'Brilon', '59929'),
  school(4, 'Sekundarschule', 'Olsberg', '59939'),
  school(5, 'Grundschule', 'Olsberg', '59939'),
  school(6, 'Gesamtschule', 'Arnsberg', '59821'),
  school(7, 'Grundschule', 'Bestwig', '59909'),
  school(8, 'Hauptschule', 'Eslohe (Sauerland)', '59889', 'Eslohe'),
  school(9, 'Grundschule', 'Hallenberg', '59969'),
  school(10, 'Gymnasium', 'Marsberg', '34431'),
  school(11, 'Sekundarschule', 'Medebach', '59964'),
  school(12, 'Berufskolleg', 'Meschede', '59872'),
  school(13, 'Förderschule', 'Schmallenberg', '57392'),
  school(14, 'Realschule', 'Sundern (Sauerland)', '59846', 'Sundern'),
  school(15, 'Gymnasium', 'Winterberg', '59955'),
  { name: 'Beispiel-Kita Sonnenblume Meschede', type: 'kita', place: 'Meschede', postalCode: '59872' },
  { name: 'Beispiel-Kita Regenbogen Winterberg', type: 'kita', place: 'Winterberg', postalCode: '59955' },
  {
    name: 'Beispiel-Jugendamt Hochsauerlandkreis',
    type: 'youth_services',
    place: 'Meschede',
    postalCode: '59872',
  },
  { name: 'Beispiel-Jugendzentrum Arnsberg', type: 'youth_services', place: 'Arnsberg', postalCode: '59821' },
  {
    name: 'Beispiel-IHK Arnsberg, Hellweg-Sauerland',
    type: 'chamber',
    place: 'Arnsberg',
    postalCode: '59821',
  },
  { name: 'Beispiel-Handwerkskammer Südwestfalen', type: 'chamber', place: 'Arnsberg', postalCode: '59821' },
  { name: 'Beispiel-Metallbau GmbH Winterberg', type: 'company', place: 'Winterberg', postalCode: '59955' },
  {
    name: 'Beispiel-Touristik GmbH Schmallenberg',
    type: 'company',
    place: 'Schmallenberg',
    postalCode: '57392',
  },
  { name: 'Beispiel-Sportverein Medebach', type: 'association', place: 'Medebach', postalCode: '59964' },
  {
    name: 'Beispiel-Schulamt für den Hochsauerlandkreis',
    type: 'authority',
    place: 'Meschede',
    postalCode: '59872',
  },
  { name: 'Beispiel-Bezirksregierung Arnsberg', type: 'authority', place: 'Arnsberg', postalCode: '59821' },
  {
    name: 'Beispiel-Kreisverwaltung Hochsauerlandkreis',
    type: 'authority',
    place: 'Meschede',
    postalCode: '59872',
  },
  { name: 'Beispiel-Stadtverwaltung Meschede', type: 'authority', place: 'Meschede', postalCode: '59872' },
  { name: 'Beispiel-Agentur für Arbeit Meschede', type: 'authority', place: 'Meschede', postalCode: '59872' },
  {
    name: 'Beispiel-Fachhochschule Meschede',
    type: 'higher_education',
    place: 'Meschede',
    postalCode: '59872',
  },
];

type DemoPerson = {
  salutation: 'Frau' | 'Herr';
  title?: string;
  firstName: string;
  lastName: string;
  at: Array<[institution: string, fn: string]>;
  email?: boolean;
  topics?: string[];
  fields?: string[];
  consent?: boolean;
};

const KAOA = 'Übergang Schule – Beruf (KAoA)';
const MEDIA = 'Digitale Bildung und Medienbildung';
const KITA = 'Übergang Kita – Grundschule';
const SEK = 'Übergang Grundschule – weiterführende Schule';

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    salutation: 'Frau',
    title: 'Dr.',
    firstName: 'Jana',
    lastName: 'Müller-Beispiel',
    at: [['Beispiel-Realschule Brilon', 'Schulleitung']],
    topics: ['Übergang Schule–Beruf'],
    fields: [KAOA],
    consent: true,
  },
  {
    salutation: 'Herr',
    firstName: 'Thomas',
    lastName: 'Becker-Beispiel',
    at: [['Beispiel-Gymnasium Brilon', 'Schulleitung']],
  },
  {
    salutation: 'Frau',
    firstName: 'Sandra',
    lastName: 'Vogel-Beispiel',
    at: [['Beispiel-Gymnasium Brilon', 'stellv. Schulleitung']],
  },
  {
    salutation: 'Herr',
    firstName: 'Markus',
    lastName: 'Hoffmann-Beispiel',
    at: [['Beispiel-Gymnasium Brilon', 'StuBO']],
    topics: ['Übergang Schule–Beruf'],
    fields: [KAOA],
    consent: true,
  },
  {
    salutation: 'Frau',
    firstName: 'Anke',
    lastName: 'Schröder-Beispiel',
    at: [['Beispiel-Grundschule Brilon', 'Schulleitung']],
    fields: [KITA, SEK],
  },
  {
    salutation: 'Herr',
    firstName: 'Stefan',
    lastName: 'Strauß-Beispiel',
    at: [['Beispiel-Sekundarschule Olsberg', 'Schulleitung']],
  },
  {
    salutation: 'Frau',
    firstName: 'Łucja',
    lastName: 'Nowak-Beispiel',
    at: [['Beispiel-Sekundarschule Olsberg', 'StuBO']],
    topics: ['Übergang Schule–Beruf'],
    fields: [KAOA],
    consent: true,
  },
  {
    salutation: 'Frau',
    firstName: 'Petra',
    lastName: 'Klein-Beispiel',
    at: [['Beispiel-Grundschule Olsberg', 'Schulleitung']],
    email: false,
  },
  {
    salutation: 'Herr',
    firstName: 'Emre',
    lastName: 'Yılmaz-Beispiel',
    at: [['Beispiel-Gesamtschule Arnsberg', 'Schulleitung']],
    topics: ['Integration'],
    consent: false,
  },
  {
    salutation: 'Frau',
    firstName: 'Claudia',
    lastName: 'Wagner-Beispiel',
    at: [['Beispiel-Gesamtschule Arnsberg', 'Medienbeauftragte']],
    topics: ['Medienbildung'],
    fields: [MEDIA],
    consent: true,
  },
  {
    salutation: 'Herr',
    firstName: 'Jörg',
    lastName: 'Fischer-Beispiel',
    at: [['Beispiel-Grundschule Bestwig', 'Schulleitung']],
  },
  {
    salutation: 'Frau',
    firstName: 'Monika',
    lastName: 'Weber-Beispiel',
    at: [['Beispiel-Hauptschule Eslohe', 'Schulleitung']],
  },
  {
    salutation: 'Herr',
    firstName: 'Andreas',
    lastName: 'Koch-Beispiel',
    at: [['Beispiel-Hauptschule Eslohe', 'StuBO']],
    topics: ['Übergang Schule–Beruf'],
    fields: [KAOA],
  },
  {
    salutation: 'Frau',
    firstName: 'Birgit',
    lastName: 'Richter-Beispiel',
    at: [['Beispiel-Grundschule Hallenberg', 'Schulleitung']],
    fields: [KITA],
  },
  {
    salutation: 'Herr',
    title: 'Dr.',
    firstName: 'Frank',
    lastName: 'Neumann-Beispiel',
    at: [['Beispiel-Gymnasium Marsberg', 'Schulleitung']],
  },
  {
    salutation: 'Frau',
    firstName: 'Kerstin',
    lastName: 'Schwarz-Beispiel',
    at: [['Beispiel-Sekundarschule Medebach', 'Schulleitung']],
  },
  {
    salutation: 'Herr',
    firstName: 'Michael',
    lastName: 'Zimmermann-Beispiel',
    at: [['Beispiel-Berufskolleg Meschede', 'Schulleitung']],
    fields: [KAOA],
  },
  {
    salutation: 'Frau',
    firstName: 'Nicole',
    lastName: 'Braun-Beispiel',
    at: [['Beispiel-Berufskolleg Meschede', 'Abteilungsleitung Ausbildungsvorbereitung']],
    topics: ['Übergang Schule–Beruf'],
    consent: true,
  },
  {
    salutation: 'Herr',
    firstName: 'Uwe',
    lastName: 'Krüger-Beispiel',
    at: [['Beispiel-Förderschule Schmallenberg', 'Schulleitung']],
    topics: ['Inklusion'],
    consent: true,
  },
  {
    salutation: 'Frau',
    firstName: 'Heike',
    lastName: 'Hartmann-Beispiel',
    at: [['Beispiel-Realschule Sundern', 'Schulleitung']],
  },
  {
    salutation: 'Herr',
    firstName: 'Ralf',
    lastName: 'Lange-Beispiel',
    at: [['Beispiel-Realschule Sundern', 'stellv. Schulleitung']],
  },
  {
    salutation: 'Frau',
    firstName: 'Susanne',
    lastName: 'Werner-Beispiel',
    at: [['Beispiel-Gymnasium Winterberg', 'Schulleitung']],
  },
  {
    salutation: 'Herr',
    firstName: 'Tobias',
    lastName: 'Krause-Beispiel',
    at: [['Beispiel-Gymnasium Winterberg', 'StuBO']],
    topics: ['Übergang Schule–Beruf'],
    consent: true,
  },
  {
    salutation: 'Frau',
    firstName: 'Sabine',
    lastName: 'Lehmann-Beispiel',
    at: [['Beispiel-Kita Sonnenblume Meschede', 'Kita-Leitung']],
    fields: [KITA],
  },
  {
    salutation: 'Frau',
    firstName: 'Martina',
    lastName: 'Köhler-Beispiel',
    at: [['Beispiel-Kita Regenbogen Winterberg', 'Kita-Leitung']],
    email: false,
  },
  {
    salutation: 'Herr',
    firstName: 'Dirk',
    lastName: 'Schulz-Beispiel',
    at: [['Beispiel-Jugendamt Hochsauerlandkreis', 'Jugendamtsleitung']],
  },
  {
    salutation: 'Frau',
    firstName: 'Julia',
    lastName: 'Maier-Beispiel',
    at: [['Beispiel-Jugendamt Hochsauerlandkreis', 'Jugendhilfeplanung']],
    topics: ['Übergang Kita–Grundschule'],
    fields: [KITA],
    consent: true,
  },
  {
    salutation: 'Herr',
    firstName: 'Kai',
    lastName: 'Walter-Beispiel',
    at: [['Beispiel-Jugendzentrum Arnsberg', 'Leitung']],
    topics: ['Medienbildung'],
    fields: [MEDIA],
  },
  {
    salutation: 'Frau',
    firstName: 'Katrin',
    lastName: 'Peters-Beispiel',
    at: [['Beispiel-IHK Arnsberg, Hellweg-Sauerland', 'Ausbildungsberatung']],
    topics: ['Übergang Schule–Beruf'],
    fields: [KAOA],
    consent: true,
  },
  {
    salutation: 'Herr',
    firstName: 'Bernd',
    lastName: 'Möller-Beispiel',
    at: [['Beispiel-Handwerkskammer Südwestfalen', 'Ausbildungsberatung']],
    fields: [KAOA],
  },
  {
    salutation: 'Herr',
    firstName: 'Oliver',
    lastName: 'Jung-Beispiel',
    at: [['Beispiel-Metallbau GmbH Winterberg', 'Ausbildungsleitung']],
  },
  {
    salutation: 'Frau',
    firstName: 'Daniela',
    lastName: 'Hahn-Beispiel',
    at: [['Beispiel-Touristik GmbH Schmallenberg', 'Personalleitung']],
    email: false,
  },
  {
    salutation: 'Herr',
    firstName: 'Sven',
    lastName: 'Keller-Beispiel',
    at: [['Beispiel-Sportverein Medebach', 'Vorsitz']],
  },
  {
    salutation: 'Frau',
    firstName: 'Anna',
    lastName: 'Berger-Beispiel',
    at: [['Beispiel-Agentur für Arbeit Meschede', 'Berufsberatung']],
    topics: ['Übergang Schule–Beruf'],
    fields: [KAOA],
  },
  {
    salutation: 'Herr',
    title: 'Prof. Dr.',
    firstName: 'Lars',
    lastName: 'Winter-Beispiel',
    at: [['Beispiel-Fachhochschule Meschede', 'Studienberatung']],
    topics: ['MINT'],
  },
  {
    salutation: 'Frau',
    firstName: 'Eva',
    lastName: 'Roth-Beispiel',
    at: [['Beispiel-Stadtverwaltung Meschede', 'Schulverwaltungsamt']],
  },
];

/** The steering demo's members by e-mail (or name when they have none): their place of work. */
const MEMBER_PLACES: Array<[emailOrName: string, institution: string, fn: string]> = [
  [
    'schulamt@demo.bildungsnetz.example',
    'Beispiel-Schulamt für den Hochsauerlandkreis',
    'Schulamtsdirektorin',
  ],
  ['schulrat@demo.bildungsnetz.example', 'Beispiel-Schulamt für den Hochsauerlandkreis', 'Schulrat'],
  ['bezreg@demo.bildungsnetz.example', 'Beispiel-Bezirksregierung Arnsberg', 'Obere Schulaufsicht'],
  [
    'lenkungskreis@demo.bildungsnetz.example',
    'Beispiel-Kreisverwaltung Hochsauerlandkreis',
    'Schuldezernentin',
  ],
  ['Beispiel Bürgermeister', 'Beispiel-Stadtverwaltung Meschede', 'Bürgermeister'],
  ['ihk@demo.bildungsnetz.example', 'Beispiel-IHK Arnsberg, Hellweg-Sauerland', 'Geschäftsführung Bildung'],
];

const emailOf = (p: DemoPerson) =>
  `${fold(p.firstName)}.${fold(p.lastName)}@demo.bildungsnetz.example`.replace(/[^a-z0-9.@-]/g, '');

export async function seedContactsDemo(deps: Deps, networkId: string): Promise<void> {
  if (await institutionIdByName(deps.db, networkId, DEMO_INSTITUTIONS[0]!.name)) return;
  const actor = (await demoOffice(deps.db, networkId))!;
  const municipalities = await municipalityIdsByName(deps.db, networkId);
  const ids = new Map<string, string>();
  for (const i of DEMO_INSTITUTIONS) {
    const municipalityId = municipalities.get(fold(i.place)) ?? null;
    const created = await createInstitution(
      deps,
      actor,
      {
        name: i.name,
        type: i.type,
        schoolNumber: i.schoolNumber ?? null,
        schoolType: i.schoolType ?? null,
        // Schools of the towns are run by the town; the Berufskolleg and Förderschule by the county,
        // which is no municipality of the list: no operator named.
        operatorId:
          i.type === 'school' && i.schoolType !== 'Berufskolleg' && i.schoolType !== 'Förderschule'
            ? municipalityId
            : null,
        street: i.street ?? '',
        postalCode: i.postalCode ?? '',
        place: i.place,
        municipalityId,
        email: i.email ?? null,
        phone: i.phone ?? null,
        website: null,
        notes: 'Beispieldatensatz des Demonetzwerks (erfunden).',
      },
      { example: true },
    );
    ids.set(i.name, created.id);
  }

  const { fields } = await contactOptions(deps, actor);
  const fieldId = new Map(fields.map((f) => [f.name, f.id]));
  const consented: string[] = [];
  for (const p of DEMO_PEOPLE) {
    const created = await createPerson(
      deps,
      actor,
      {
        salutation: p.salutation,
        title: p.title ?? '',
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email === false ? null : emailOf(p),
        phone: null,
        notes: '',
        multiplier: (p.topics?.length ?? 0) > 0,
        multiplierTopics: p.topics ?? [],
        legalBasis: p.consent ? 'consent' : 'public_task',
        fieldIds: (p.fields ?? []).map((f) => fieldId.get(f)).filter((id): id is string => !!id),
      },
      { example: true },
    );
    for (const [institution, fn] of p.at)
      await addAffiliation(deps, actor, created.id, { institutionId: ids.get(institution)!, function: fn });
    if (p.consent) consented.push(created.id);
  }
  // Mailing consents as the registration form recorded them (the privacy part manages them from here).
  if (consented.length > 0)
    await deps.db.insert(t.consent).values(
      consented.map((personId) => ({
        networkId,
        personId,
        purpose: 'mailing' as const,
        givenAt: new Date('2026-01-15T09:00:00Z'),
        givenVia: 'form' as const,
        textVersion: 'Verteiler 2026-01',
        recordedBy: actor.userId,
      })),
    );

  // The committee members are people already (linked when they were entered): their places of work.
  const members = await steering.listCommitteeMembers(deps, actor);
  for (const [key, institution, fn] of MEMBER_PLACES) {
    const m = members.find((x) => x.email === key || x.name === key);
    if (m?.personId)
      await addAffiliation(deps, actor, m.personId, { institutionId: ids.get(institution)!, function: fn });
  }

  // The office's staff are people with their accounts.
  const staff = await deps.db
    .select({ id: t.user.id, name: t.user.name, email: t.user.email })
    .from(t.user)
    .where(inArray(t.user.email, [DEMO_ACCOUNTS[0]!.email, DEMO_ACCOUNTS[1]!.email]));
  const kreis = ids.get('Beispiel-Kreisverwaltung Hochsauerlandkreis')!;
  for (const s of staff) {
    const personId = await deps.db.transaction((tx) =>
      linkAccountPerson(tx, networkId, {
        userId: s.id,
        name: s.name.replace(/\s*\(.*\)$/, ''),
        email: s.email,
      }),
    );
    await addAffiliation(deps, actor, personId, {
      institutionId: kreis,
      function: 'Regionales Bildungsbüro',
    });
  }
}
