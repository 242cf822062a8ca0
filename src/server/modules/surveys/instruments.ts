import type { SurveySubject } from '../../../contracts/events.js';
import { likertLabels } from './survey.rules.js';

/*
 * Standard instruments: fixed questionnaires with stable question keys, so that a survey of one year
 * compares with the same instrument's survey of the year before.
 */

export type InstrumentQuestion = {
  key: string;
  kind: 'likert' | 'single' | 'multiple' | 'text';
  text: string;
  options: string[];
  required: boolean;
};
export type InstrumentDef = {
  key: string;
  title: string;
  subjectKind: SurveySubject;
  questions: InstrumentQuestion[];
};

const likert = (key: string, text: string, required = true): InstrumentQuestion => ({
  key,
  kind: 'likert',
  text,
  options: likertLabels,
  required,
});

export const instruments: InstrumentDef[] = [
  {
    key: 'conference-feedback',
    title: 'Rückmeldung Bildungskonferenz',
    subjectKind: 'event',
    questions: [
      likert('overall', 'Insgesamt war die Bildungskonferenz für meine Arbeit hilfreich.'),
      likert('programme', 'Das Programm passte zu den Themen, die mich beschäftigen.'),
      likert('workshops', 'Die Workshops boten genug Raum für Austausch.'),
      likert('organisation', 'Organisation und Räume waren gut.'),
      {
        key: 'role',
        kind: 'single',
        text: 'In welchem Bereich arbeiten Sie?',
        options: ['Schule', 'Kita', 'Jugendhilfe', 'Wirtschaft', 'Verwaltung', 'Sonstiges'],
        required: false,
      },
      {
        key: 'next-topics',
        kind: 'text',
        text: 'Welche Themen wünschen Sie sich für die nächste Konferenz?',
        options: [],
        required: false,
      },
    ],
  },
  {
    key: 'network-actors-annual',
    title: 'Jährliche Befragung der Netzwerkakteure',
    subjectKind: 'network',
    questions: [
      likert('benefit', 'Die Zusammenarbeit im Bildungsnetzwerk nützt meiner Einrichtung.'),
      likert('information', 'Ich fühle mich über die Arbeit des Bildungsbüros gut informiert.'),
      likert('participation', 'Ich kann mich an Entscheidungen des Netzwerks beteiligen.'),
      {
        key: 'fields',
        kind: 'multiple',
        text: 'In welchen Handlungsfeldern arbeiten Sie mit?',
        options: [
          'Übergang Kita–Schule',
          'Übergang Schule–Beruf',
          'Inklusion',
          'Ganztag',
          'Bildung für nachhaltige Entwicklung',
        ],
        required: false,
      },
      {
        key: 'suggestions',
        kind: 'text',
        text: 'Was sollte das Netzwerk im nächsten Jahr anders machen?',
        options: [],
        required: false,
      },
    ],
  },
];

export const instrumentOf = (key: string | null | undefined) => instruments.find((i) => i.key === key);
