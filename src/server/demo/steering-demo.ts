import { and, eq } from 'drizzle-orm';
import * as t from '../db/schema.js';
import { berlinDay } from '../lib/berlin-time.js';
import type { Deps } from '../lib/context.js';
import { listFields } from '../modules/contract/contract.service.js';
import { askQuestion } from '../modules/steering/preparation.service.js';
import { renderPdf } from '../modules/steering/steering.documents.js';
import { sendInvitations } from '../modules/steering/steering.invitations.js';
import { circulateMinutes, generateMinutes, saveMinutes } from '../modules/steering/steering.minutes.js';
import { startProcedure } from '../modules/steering/steering.procedures.js';
import * as steering from '../modules/steering/steering.service.js';
import { demoOffice } from './demo-office.js';

/**
 * The steering committee of the demo network, created through the same use cases the office uses:
 * members of both sides with deputies, a guest, three meetings (spring with approved minutes,
 * autumn held with draft minutes, next spring invited), decisions of several types, one blocked and
 * then taken after rework. Invented people, plainly marked as examples.
 */
export async function seedSteeringDemo(deps: Deps, networkId: string): Promise<void> {
  const [existing] = await deps.db.select().from(t.meeting).where(eq(t.meeting.networkId, networkId));
  if (existing) return;
  const actor = (await demoOffice(deps.db, networkId))!;
  const fieldList = await listFields(deps, actor, '2026-01-01');
  const fields = Object.fromEntries(fieldList.map((f) => [f.name, f.id]));
  const member = async (
    name: string,
    side: 'land' | 'municipality' | 'other' | 'office',
    fn: string,
    institution: string,
    email: string | null,
    deputyOf: string | null = null,
  ) =>
    (
      await steering.createCommitteeMember(deps, actor, {
        name,
        email,
        side,
        function: fn,
        institution,
        voting: side !== 'office',
        termFrom: '2024-01-01',
        termTo: null,
        deputyOf,
      })
    ).id;
  const land1 = await member(
    'Beispiel Schulamtsdirektorin',
    'land',
    'Untere Schulaufsicht',
    'Schulamt für den Hochsauerlandkreis',
    'schulamt@demo.bildungsnetz.example',
  );
  const land1d = await member(
    'Beispiel Schulrat (Stellvertretung)',
    'land',
    'Schulaufsicht Grundschulen',
    'Schulamt für den Hochsauerlandkreis',
    'schulrat@demo.bildungsnetz.example',
    land1,
  );
  const land2 = await member(
    'Beispiel Dezernent Bezirksregierung',
    'land',
    'Obere Schulaufsicht',
    'Bezirksregierung Arnsberg',
    'bezreg@demo.bildungsnetz.example',
  );
  const county1 = await member(
    'Beispiel Kreisdirektorin',
    'municipality',
    'Schuldezernentin',
    'Hochsauerlandkreis',
    'lenkungskreis@demo.bildungsnetz.example',
  );
  const county2 = await member(
    'Beispiel Bürgermeister',
    'municipality',
    'Vertretung der Städte und Gemeinden',
    'Stadt Meschede',
    null,
  );
  const other = await member(
    'Beispiel Geschäftsführerin',
    'other',
    'Bildung und Fachkräfte',
    'IHK Arnsberg, Hellweg-Sauerland',
    'ihk@demo.bildungsnetz.example',
  );
  // The office's team lead runs the meetings with her office account: she is not a committee member,
  // so she gets no invitation as one; in the rounds her advice is recorded as the office's.
  void land1d;

  const pdf = (title: string) =>
    renderPdf(title, [
      { type: 'h1', text: title },
      { type: 'p', text: 'Beispielvorlage des Demonetzwerks.' },
    ]);
  const consentAll = [land1, land2, county1, county2, other].map((memberId) => ({
    memberId,
    stance: 'consent' as const,
    reason: '',
  }));
  const presentAll = [land1, land2, county1, county2, other].map((memberId) => ({
    memberId,
    status: 'present' as const,
    deputyId: null,
  }));

  // Winter 2026: a retreat that sets the 2026 goals and work plans of the joint fields of action (one
  // decision each, as the register needs a field for them); the spring meeting adds KAoA's goal and
  // the media plan. Held, minutes drafted.
  const retreat = await steering.createMeeting(deps, actor, {
    title: 'Lenkungskreis Klausur 2026',
    startsAt: '2026-02-05T10:00',
    endsAt: '2026-02-05T15:00',
    location: 'Bildungsstätte Schmallenberg',
    onlineUrl: null,
  });
  const joint = fieldList.filter((f) => f.joint);
  const itemsR = [
    ...joint
      .filter((f) => f.name !== 'Übergang Schule – Beruf (KAoA)')
      .map((f) => ({
        title: `Ziele 2026: ${f.name}`,
        decisionType: 'goal' as const,
        fieldId: f.id,
        proposal: `Der Lenkungskreis setzt die Ziele 2026 im Handlungsfeld „${f.name}“ nach der Vorlage des Bildungsbüros.`,
      })),
    ...joint
      .filter((f) => f.name !== 'Digitale Bildung und Medienbildung')
      .map((f) => ({
        title: `Arbeitsplanung 2026: ${f.name}`,
        decisionType: 'work_plan' as const,
        fieldId: f.id,
        proposal: `Der Lenkungskreis beschließt die Arbeitsplanung 2026 im Handlungsfeld „${f.name}“ nach der Vorlage des Bildungsbüros.`,
      })),
  ];
  for (const i of itemsR) {
    await steering.addAgendaItem(deps, actor, retreat.id, {
      ...i,
      kind: 'decision',
      presenter: 'Teamleitung Bildungsbüro',
      public: false,
      durationMinutes: 15,
      approvesMinutesOf: null,
    });
  }
  await steering.holdMeeting(deps, actor, retreat.id);
  await steering.recordAttendance(deps, actor, retreat.id, presentAll);
  for (const [idx, item] of (await steering.getMeeting(deps, actor, retreat.id)).items.entries()) {
    await steering.recordRound(deps, actor, retreat.id, item.id, {
      proposal: itemsR[idx]!.proposal,
      positions: consentAll,
      advice: [],
      resolution: null,
    });
  }
  await generateMinutes(deps, actor, retreat.id);

  // Spring 2026: held, minutes drafted and circulated (approved in autumn).
  const spring = await steering.createMeeting(deps, actor, {
    title: 'Lenkungskreis Frühjahr 2026',
    startsAt: '2026-03-12T14:00',
    endsAt: '2026-03-12T16:30',
    location: 'Kreishaus Meschede, Raum 2',
    onlineUrl: null,
  });
  const itemsA = [
    {
      title: 'Bericht des Bildungsbüros',
      kind: 'information' as const,
      decisionType: null,
      fieldId: null,
      proposal: '',
      presenter: 'Teamleitung Bildungsbüro',
    },
    {
      title: 'Ziel: Berufsorientierung ab Klasse 8 in allen Schulformen',
      kind: 'decision' as const,
      decisionType: 'goal' as const,
      fieldId: fields['Übergang Schule – Beruf (KAoA)']!,
      proposal:
        'Bis 2028 bieten alle weiterführenden Schulen im Kreis die Standardelemente von KAoA vollständig an.',
      presenter: 'Untere Schulaufsicht',
    },
    {
      title: 'Arbeitsplanung Medienbildung 2026/27',
      kind: 'decision' as const,
      decisionType: 'work_plan' as const,
      fieldId: fields['Digitale Bildung und Medienbildung']!,
      proposal: 'Das Bildungsbüro plant mit dem Medienzentrum drei Fortbildungsreihen.',
      presenter: 'Medienzentrum',
    },
  ];
  for (const i of itemsA) {
    await steering.addAgendaItem(deps, actor, spring.id, {
      ...i,
      public: false,
      durationMinutes: 20,
      approvesMinutesOf: null,
    });
  }
  let detail = await steering.getMeeting(deps, actor, spring.id);
  await steering.addPaper(deps, actor, spring.id, detail.items[1]!.id, {
    title: 'Konzeptpapier KAoA',
    paperId: null,
    fileName: 'Konzeptpapier-KAoA.pdf',
    content: await pdf('Konzeptpapier KAoA'),
  });
  await steering.inviteGuest(deps, actor, spring.id, {
    name: 'Beispiel Berufsberaterin (Agentur für Arbeit)',
    email: 'gast@demo.bildungsnetz.example',
    topic: 'Berufsberatung an Schulen',
    itemId: detail.items[1]!.id,
  });
  await steering.holdMeeting(deps, actor, spring.id);
  await steering.recordAttendance(deps, actor, spring.id, presentAll);
  detail = await steering.getMeeting(deps, actor, spring.id);
  const guestId = detail.guests[0]!.id;
  // Blocked first: the Land side objects; reworked in the room, then taken.
  await steering.recordRound(deps, actor, spring.id, detail.items[1]!.id, {
    proposal: 'Ab sofort bieten alle weiterführenden Schulen die Standardelemente von KAoA vollständig an.',
    positions: consentAll.map((p) =>
      p.memberId === land2
        ? {
            ...p,
            stance: 'objection' as const,
            reason: 'Ohne Übergangsfrist für die Schulen nicht umsetzbar.',
          }
        : p,
    ),
    advice: [
      {
        kind: 'guest',
        id: guestId,
        text: 'Die Berufsberatung kann ab dem Herbst an allen Schulen Sprechstunden anbieten.',
      },
      {
        kind: 'office',
        id: actor.userId,
        text: 'Das Bildungsbüro empfiehlt eine Übergangsfrist bis zum Schuljahr 2027/28.',
      },
    ],
    resolution: 'reworked',
  });
  await steering.recordRound(deps, actor, spring.id, detail.items[1]!.id, {
    proposal: itemsA[1]!.proposal,
    positions: consentAll,
    advice: [],
    resolution: null,
  });
  await steering.recordRound(deps, actor, spring.id, detail.items[2]!.id, {
    proposal: itemsA[2]!.proposal,
    positions: consentAll,
    advice: [],
    resolution: null,
  });
  const [springDraft] = await generateMinutes(deps, actor, spring.id);
  // The office writes the minutes per item before they circulate.
  await saveMinutes(deps, actor, spring.id, {
    chair: 'Beispiel Kreisdirektorin',
    minuteTaker: 'Beispiel Teamleitung',
    startedAt: '14:05',
    endedAt: '16:20',
    opening:
      'Die Vorsitzende begrüßt die Mitglieder und stellt fest, dass der Lenkungskreis beschlussfähig ist. Die Tagesordnung wird ohne Änderungen angenommen.',
    items: (springDraft!.content?.items ?? []).map((i) => ({
      itemId: i.itemId,
      discussion:
        i.number === 1
          ? 'Die Teamleitung berichtet über die Arbeit des Bildungsbüros seit der letzten Sitzung.'
          : 'Der Vorschlag wird beraten; Rückfragen werden in der Sitzung beantwortet.',
    })),
    miscellaneous: 'Die nächste Sitzung findet im September im Kreishaus Meschede statt.',
  });
  await circulateMinutes(deps, actor, spring.id);

  // Autumn 2026: held; approves the spring minutes; a work order and a recommendation.
  const autumn = await steering.createMeeting(deps, actor, {
    title: 'Lenkungskreis Herbst 2026',
    startsAt: '2026-09-17T14:00',
    endsAt: '2026-09-17T16:30',
    location: 'Kreishaus Meschede, Raum 2',
    onlineUrl: 'https://video.example/lenkungskreis',
  });
  const itemsB = [
    {
      title: 'Genehmigung der Niederschrift der Frühjahrssitzung',
      kind: 'decision' as const,
      decisionType: 'procedural' as const,
      fieldId: null,
      proposal: 'Die Niederschrift der Sitzung vom 12.03.2026 wird genehmigt.',
      presenter: 'Vorsitz',
      approvesMinutesOf: spring.id,
    },
    {
      title: 'Arbeitsauftrag: Fachtag Übergang Kita – Grundschule',
      kind: 'decision' as const,
      decisionType: 'work_order' as const,
      fieldId: fields['Übergang Kita – Grundschule']!,
      proposal: 'Das Bildungsbüro richtet im Frühjahr 2027 einen Fachtag für Kitas und Grundschulen aus.',
      presenter: 'Bildungsbüro',
      approvesMinutesOf: null,
    },
    {
      title: 'Empfehlung an die Bildungskonferenz: MINT-Netzwerk',
      kind: 'decision' as const,
      decisionType: 'recommendation' as const,
      fieldId: fields['MINT / zdi']!,
      proposal:
        'Der Lenkungskreis empfiehlt der Bildungskonferenz, ein MINT-Netzwerk der Schulen aufzubauen.',
      presenter: 'zdi-Zentrum',
      approvesMinutesOf: null,
    },
  ];
  for (const i of itemsB)
    await steering.addAgendaItem(deps, actor, autumn.id, { ...i, public: false, durationMinutes: 15 });
  await steering.holdMeeting(deps, actor, autumn.id);
  await steering.recordAttendance(
    deps,
    actor,
    autumn.id,
    presentAll.map((a) =>
      a.memberId === land1 ? { memberId: land1, status: 'represented' as const, deputyId: land1d } : a,
    ),
  );
  detail = await steering.getMeeting(deps, actor, autumn.id);
  for (const [idx, item] of detail.items.entries()) {
    await steering.recordRound(deps, actor, autumn.id, item.id, {
      proposal: itemsB[idx]!.proposal,
      positions: consentAll,
      advice: [],
      resolution: null,
    });
  }
  await generateMinutes(deps, actor, autumn.id);
  // Out for comment until the spring meeting approves them: Start shows them to the members.
  await circulateMinutes(deps, actor, autumn.id);

  // Spring 2027: planned and invited; the mails wait in the Postausgang until SMTP is configured.
  const next = await steering.createMeeting(deps, actor, {
    title: 'Lenkungskreis Frühjahr 2027',
    startsAt: '2027-03-11T14:00',
    endsAt: '2027-03-11T16:30',
    location: 'Kreishaus Meschede, Raum 2',
    onlineUrl: null,
  });
  const itemsC = [
    {
      title: 'Genehmigung der Niederschrift der Herbstsitzung',
      kind: 'decision' as const,
      decisionType: 'procedural' as const,
      fieldId: null,
      proposal: 'Die Niederschrift der Sitzung vom 17. September 2026 wird genehmigt.',
      approvesMinutesOf: autumn.id,
    },
    {
      title: 'Bericht des Bildungsbüros',
      kind: 'information' as const,
      decisionType: null,
      fieldId: null,
      proposal: '',
      approvesMinutesOf: null,
    },
    {
      title: 'Arbeitsauftrag KAoA: Praxisphasen',
      kind: 'decision' as const,
      decisionType: 'work_order' as const,
      fieldId: fields['Übergang Schule – Beruf (KAoA)']!,
      proposal: 'Das Bildungsbüro koordiniert mit der IHK ein Portal für Praktikumsplätze.',
      approvesMinutesOf: null,
    },
    {
      title: 'Information der Schulaufsicht',
      kind: 'information' as const,
      decisionType: null,
      fieldId: null,
      proposal: '',
      approvesMinutesOf: null,
    },
  ];
  for (const i of itemsC)
    await steering.addAgendaItem(deps, actor, next.id, {
      ...i,
      public: false,
      presenter: '',
      durationMinutes: 20,
    });
  detail = await steering.getMeeting(deps, actor, next.id);
  await steering.inviteGuest(deps, actor, next.id, {
    name: 'Beispiel Berufsberaterin (Agentur für Arbeit)',
    email: 'gast@demo.bildungsnetz.example',
    topic: 'Praxisphasen',
    itemId: detail.items[2]!.id,
  });
  // Papers for the member's meeting page ("Ihre Sitzung"): a report and the concept behind TOP 3.
  await steering.addPaper(deps, actor, next.id, detail.items[1]!.id, {
    title: 'Sachstandsbericht des Bildungsbüros',
    paperId: null,
    fileName: 'Sachstandsbericht-Bildungsbüro-2027.pdf',
    content: await pdf('Sachstandsbericht des Bildungsbüros'),
  });
  await steering.addPaper(deps, actor, next.id, detail.items[2]!.id, {
    title: 'Konzept Praxisphasen-Portal',
    paperId: null,
    fileName: 'Konzept-Praxisphasen-Portal.pdf',
    content: await renderPdf('Konzept Praxisphasen-Portal', [
      { type: 'h1', text: 'Konzept Praxisphasen-Portal' },
      { type: 'p', text: 'Beispielvorlage des Demonetzwerks zu TOP 3.' },
      { type: 'h2', text: 'Ziel' },
      {
        type: 'p',
        text: 'Schülerinnen und Schüler der Klassen 8 bis 10 finden Praktikumsplätze im Kreis an einer Stelle.',
      },
      { type: 'h2', text: 'Beschlussvorschlag' },
      { type: 'p', text: itemsC[2]!.proposal },
    ]),
  });
  await sendInvitations(deps, actor, next.id);
  // A question of the Land side on TOP 3, still open: it shows on the office's Start page.
  const [asker] = await deps.db
    .select()
    .from(t.meetingRecipient)
    .where(and(eq(t.meetingRecipient.meetingId, next.id), eq(t.meetingRecipient.memberId, land2)));
  const [nextRow] = await deps.db.select().from(t.meeting).where(eq(t.meeting.id, next.id));
  // (Only while the meeting is ahead: a demo loaded after it would be refused.)
  if (nextRow!.startsAt > deps.now())
    await askQuestion(
      deps,
      {
        networkId,
        meeting: nextRow!,
        recipient: asker!,
        name: asker!.name,
        isGuest: false,
        visible: 'all',
        base: '',
      },
      detail.items[2]!.id,
      'Wie viele Praktikumsplätze stellt die IHK im ersten Jahr bereit?',
      null,
    );

  // A written procedure open for two weeks from the day the demo is loaded: members answer it on Start.
  await startProcedure(deps, actor, {
    title: 'Teilnahme am Landesprogramm „Bildung digital“',
    proposal:
      'Der Lenkungskreis stimmt zu, dass sich das Bildungsnetzwerk am Landesprogramm „Bildung digital“ beteiligt und das Bildungsbüro die Bewerbung einreicht.',
    decisionType: 'procedural',
    fieldId: null,
    deadline: `${berlinDay(new Date(deps.now().getTime() + 14 * 86_400_000))}T12:00`,
  });
}
