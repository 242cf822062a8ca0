import { describe, expect, it } from 'vitest';
import {
  answerOf,
  invitationDraft,
  invitationMailText,
  normalEmail,
  owesReminder,
  placeOf,
  tally,
} from './invitations.rules.js';

const at = (iso: string) => new Date(iso);
const since = at('2027-01-20T10:00:00Z');

describe('invitations rules', () => {
  it.each([
    { registrationId: null, declinedAt: null, answer: 'open' },
    { registrationId: 'r1', declinedAt: null, answer: 'registered' },
    { registrationId: null, declinedAt: at('2027-01-12T10:00:00Z'), answer: 'declined' },
    // Declined first, registered later: the registration counts.
    { registrationId: 'r1', declinedAt: at('2027-01-12T10:00:00Z'), answer: 'registered' },
  ] as const)('answer of $registrationId / $declinedAt is $answer', ({ answer, ...i }) => {
    expect(answerOf(i)).toBe(answer);
  });

  it.each([
    ['open and never reminded', { invitedAt: at('2027-01-10T09:00:00Z'), remindedAt: null }, true],
    [
      'reminded by an earlier reminder',
      { invitedAt: at('2027-01-10T09:00:00Z'), remindedAt: at('2027-01-15T09:00:00Z') },
      true,
    ],
    ['reminded by this reminder', { invitedAt: at('2027-01-10T09:00:00Z'), remindedAt: since }, false],
    ['mail not yet out', { invitedAt: null, remindedAt: null }, false],
    ['registered', { invitedAt: at('2027-01-10T09:00:00Z'), remindedAt: null, registrationId: 'r' }, false],
    ['declined', { invitedAt: at('2027-01-10T09:00:00Z'), remindedAt: null, declinedAt: since }, false],
  ] as const)('a reminder is owed when %s: %s', (_, i, owed) => {
    expect(owesReminder({ registrationId: null, declinedAt: null, ...i }, since)).toBe(owed);
  });

  it('counts reasons with stable keys and folds e-mail addresses', () => {
    expect(tally(['no_email', 'already_invited', 'no_email'])).toEqual({ already_invited: 1, no_email: 2 });
    expect(Object.keys(tally(['z', 'a']))).toEqual(['a', 'z']);
    expect(tally([])).toEqual({});
    expect(normalEmail('  Anna.Mueller@Schule.Example ')).toBe('anna.mueller@schule.example');
  });

  const conference = {
    title: 'Bildungskonferenz 2027',
    startsAt: at('2027-02-25T08:00:00Z'),
    endsAt: at('2027-02-25T15:00:00Z'),
    venue: 'Kreishaus Meschede',
    venueAddress: 'Steinstraße 27, 59872 Meschede',
  };

  it('prefills the invitation with title, Berlin date and place', () => {
    const d = invitationDraft(conference, 'Regionales Bildungsnetzwerk Hochsauerlandkreis');
    expect(d.subject).toBe('Einladung: Bildungskonferenz 2027');
    expect(d.body).toContain('Termin: Donnerstag, 25.02.2027, von 09:00 bis 16:00 Uhr');
    expect(d.body).toContain('Ort: Kreishaus Meschede, Steinstraße 27, 59872 Meschede');
    expect(d.reminderSubject).toBe('Erinnerung: Bildungskonferenz 2027');
    expect(placeOf({ ...conference, venue: '', venueAddress: ' ' })).toBe('wird noch bekannt gegeben');
  });

  it('writes the mail with personal link, the public page only for public events, and the withdrawal link', () => {
    const full = invitationMailText({
      salutation: 'Sehr geehrte Frau Müller,',
      body: '  Text  ',
      personalLink: 'LINK',
      publicUrl: 'PUBLIC',
      withdrawalLink: 'STOP',
    });
    expect(full.startsWith('Sehr geehrte Frau Müller,\n\nText\n')).toBe(true);
    expect(full).toContain('Ihre persönliche Anmeldung (auch zum Absagen): LINK');
    expect(full).toContain('hier anmelden: PUBLIC');
    expect(full).toContain('Keine weiteren E-Mails: STOP');
    const bare = invitationMailText({
      salutation: 'Guten Tag,',
      body: 'Text',
      personalLink: 'LINK',
      publicUrl: null,
      withdrawalLink: null,
    });
    expect(bare).not.toContain('anmelden:');
    expect(bare).not.toContain('Keine weiteren E-Mails');
  });
});
