import type { Api, Network } from './fixtures';
import { berlinDay, KAOA, SPECIAL, SPRING } from './meeting-support';
import { minimalPdf } from './support';

/**
 * What a journey finds already done in its network, recorded through the same API calls the UI
 * makes (the office's forms): a contract with a joint field, the committee, meetings held or planned.
 * Each function states which earlier work of the office it stands for.
 */

type Meeting = { id: string; items: { id: string; number: number; title: string }[] };

/** The contract in force since 2024 with KAoA as a joint field (what journey 09 does by hand). */
export async function jointField(api: Api, networkId: string, name = KAOA): Promise<string> {
  const base = `/networks/${networkId}/contract`;
  await api.put(base, {
    title: 'Kooperationsvertrag Regionales Bildungsnetzwerk',
    landPartyName: 'Land Nordrhein-Westfalen',
    municipalityPartyName: 'Hochsauerlandkreis',
  });
  const version = await api.post<{ id: string; addedFields: { id: string; name: string }[] }>(
    `${base}/versions`,
    {
      title: 'Kooperationsvertrag Regionales Bildungsnetzwerk',
      effectiveFrom: '2024-01-01',
      addFields: [{ name, previousOwner: 'land' }],
    },
  );
  await api.post(`${base}/versions/${version.id}/consents`, {
    party: 'land',
    signedBy: 'Schulaufsicht, Bezirksregierung Arnsberg',
    signedOn: '2023-12-01',
  });
  await api.post(`${base}/versions/${version.id}/consents`, {
    party: 'municipality',
    signedBy: 'Landrat',
    signedOn: '2023-12-05',
  });
  return version.addedFields.find((f) => f.name === name)!.id;
}

type MemberSeed = {
  name: string;
  local: string | null;
  side: 'land' | 'municipality' | 'other' | 'office';
  function: string;
  institution: string;
  voting: boolean;
  deputyOf?: string;
  termFrom?: string;
};

/** Records committee members; returns their ids by name. Addresses are unique to the network. */
export async function recordMembers(network: Network, members: MemberSeed[]) {
  const ids: Record<string, string> = {};
  for (const m of members) {
    const { id } = await network.admin.api.post<{ id: string }>(`/networks/${network.id}/committee`, {
      name: m.name,
      email: m.local ? network.email(m.local) : '',
      side: m.side,
      function: m.function,
      institution: m.institution,
      voting: m.voting,
      termFrom: m.termFrom ?? '2025-01-01',
      deputyOf: m.deputyOf ? ids[m.deputyOf] : null,
    });
    ids[m.name] = id;
  }
  return ids;
}

/** The steering committee of journey 10: two members per side (one with a deputy), a partner, the office. */
export const COMMITTEE: MemberSeed[] = [
  {
    name: 'Ulrike Hartmann',
    local: 'ulrike.hartmann',
    side: 'land',
    function: 'Schulamtsdirektorin',
    institution: 'Schulamt für den Hochsauerlandkreis',
    voting: true,
  },
  {
    name: 'Dr. Thomas Berger',
    local: 'thomas.berger',
    side: 'land',
    function: 'Leitender Regierungsschuldirektor',
    institution: 'Bezirksregierung Arnsberg',
    voting: true,
  },
  {
    name: 'Martin Vogel',
    local: 'martin.vogel',
    side: 'municipality',
    function: 'Schuldezernent',
    institution: 'Hochsauerlandkreis',
    voting: true,
  },
  {
    name: 'Claudia Richter',
    local: 'claudia.richter',
    side: 'municipality',
    function: 'Bürgermeisterin',
    institution: 'Stadt Meschede',
    voting: true,
  },
  {
    name: 'Helga Brandt',
    local: null,
    side: 'other',
    function: 'Geschäftsführerin',
    institution: 'Kreishandwerkerschaft Hochsauerland',
    voting: true,
  },
  {
    name: 'Jens Wagner',
    local: 'jens.wagner',
    side: 'municipality',
    function: 'Erster Beigeordneter',
    institution: 'Stadt Meschede',
    voting: true,
    deputyOf: 'Claudia Richter',
  },
  {
    name: 'Petra Schulte',
    local: 'petra.schulte',
    side: 'office',
    function: 'Leitung des Bildungsbüros',
    institution: 'Regionales Bildungsbüro',
    voting: false,
  },
];

/** The five regular members entitled to vote (the deputy votes only when representing). */
const ENTITLED = ['Ulrike Hartmann', 'Dr. Thomas Berger', 'Martin Vogel', 'Claudia Richter', 'Helga Brandt'];

async function planMeeting(
  api: Api,
  networkId: string,
  title: string,
  day: string,
  from: string,
  to: string,
) {
  return api.post<Meeting>(`/networks/${networkId}/meetings`, {
    title,
    startsAt: `${day}T${from}`,
    endsAt: `${day}T${to}`,
    location: 'Kreishaus Meschede, Raum 2',
  });
}

type ItemSeed = {
  title: string;
  kind: 'information' | 'discussion' | 'decision';
  decisionType?: string;
  fieldId?: string;
  proposal?: string;
  presenter?: string;
  durationMinutes?: number;
};

async function addItems(api: Api, networkId: string, meetingId: string, items: ItemSeed[]) {
  let detail: Meeting | undefined;
  for (const item of items)
    detail = await api.post<Meeting>(`/networks/${networkId}/meetings/${meetingId}/items`, item);
  return detail!;
}

/**
 * The special meeting of journey 10, held yesterday: the committee present, the KAoA work order
 * decided by consensus, an advisory guest of the chamber of crafts. Returns the decision's number.
 */
export async function heldSpecialMeeting(network: Network) {
  const api = network.admin.api;
  const n = network.id;
  const fieldId = await jointField(api, n);
  const ids = await recordMembers(network, COMMITTEE);
  const m = await planMeeting(api, n, SPECIAL, berlinDay(-1), '10:00', '12:00');
  const proposal =
    'Das Bildungsbüro organisiert ab Februar Praxistage für alle Klassen 8, abgestimmt mit den Schulleitungen und der Schulaufsicht.';
  const detail = await addItems(api, n, m.id, [
    {
      title: 'Arbeitsauftrag Berufsorientierung',
      kind: 'decision',
      decisionType: 'work_order',
      fieldId,
      proposal,
    },
  ]);
  await api.post(`/networks/${n}/meetings/${m.id}/guests`, { name: 'Birgit Sommer', topic: 'IHK Arnsberg' });
  await api.post(`/networks/${n}/meetings/${m.id}/hold`);
  await api.put(`/networks/${n}/meetings/${m.id}/attendance`, {
    entries: [...ENTITLED, 'Petra Schulte'].map((name) => ({
      memberId: ids[name],
      status: 'present',
      deputyId: null,
    })),
  });
  const round = await api.post<{ outcome: string; decisionNumber: string | null }>(
    `/networks/${n}/meetings/${m.id}/items/${detail.items[0]!.id}/rounds`,
    { proposal, positions: ENTITLED.map((name) => ({ memberId: ids[name], stance: 'consent' })) },
  );
  return { meetingId: m.id, ids, decisionNumber: round.decisionNumber! };
}

/** The agenda of the spring meeting as journey 10 leaves it (TOP 3 with a paper, TOP 2 with one). */
export async function springMeeting(network: Network, fieldId: string) {
  const api = network.admin.api;
  const n = network.id;
  const year = Number(berlinDay().slice(0, 4)) + 1;
  const m = await planMeeting(api, n, SPRING, `${year}-03-12`, '14:00', '16:30');
  const detail = await addItems(api, n, m.id, [
    {
      title: 'Genehmigung der Niederschrift',
      kind: 'decision',
      decisionType: 'procedural',
      proposal: 'Die Niederschrift der Herbstsitzung wird genehmigt.',
    },
    {
      title: 'Bericht des Bildungsbüros',
      kind: 'information',
      presenter: 'Petra Schulte',
      durationMinutes: 20,
    },
    {
      title: 'Arbeitsauftrag KAoA',
      kind: 'decision',
      decisionType: 'work_order',
      fieldId,
      proposal:
        'Das Regionale Bildungsbüro erhält den Arbeitsauftrag, mit den weiterführenden Schulen ein Konzept für die Praxisphasen der Klassen 8 bis 10 zu erarbeiten.',
      presenter: 'Petra Schulte',
      durationMinutes: 30,
    },
    { title: 'Information der Schulaufsicht', kind: 'information', presenter: 'Ulrike Hartmann' },
  ]);
  const item = (title: string) => detail.items.find((i) => i.title === title)!.id;
  const papers = `/networks/${n}/meetings/${m.id}/items`;
  await api.upload(
    `${papers}/${item('Arbeitsauftrag KAoA')}/papers`,
    { title: 'Konzept Praxisphasen KAoA' },
    { name: 'konzept-kaoa.pdf', buffer: minimalPdf('Konzept KAoA') },
  );
  await api.upload(
    `${papers}/${item('Bericht des Bildungsbüros')}/papers`,
    { title: 'Sachstandsbericht des Bildungsbüros' },
    { name: 'sachstand.pdf', buffer: minimalPdf('Sachstand') },
  );
  return { meetingId: m.id, itemId: item };
}

/** Invitations of a meeting sent (mails with personal reply links go out through the outbox). */
export async function sendInvitations(network: Network, meetingId: string) {
  await network.admin.api.post(`/networks/${network.id}/meetings/${meetingId}/invitations`);
}

/** A meeting planned for yesterday that was never held (another meeting on the list). */
export async function plannedMeeting(network: Network, title: string, days: number) {
  return planMeeting(network.admin.api, network.id, title, berlinDay(days), '10:00', '12:00');
}

/**
 * The network's public page, published with the provider's details (what journey 17 does in the page
 * editor); returns its address's slug.
 */
export async function publishedSite(api: Api, networkId: string, contactEmail?: string): Promise<string> {
  const slug = `netz-${networkId.slice(0, 8)}`;
  await api.put(`/networks/${networkId}/public-site`, {
    published: true,
    slug,
    description: 'Das Bildungsnetzwerk des Hochsauerlandkreises.',
    contactEmail: contactEmail ?? `bildungsbuero@${slug}.example`,
    provider: 'Hochsauerlandkreis',
    street: 'Steinstraße 27',
    postalCode: '59872',
    city: 'Meschede',
    phone: '0291 940',
    representative: 'Der Landrat',
    responsible: 'Bildungsbüro',
    dataProtectionOfficer: '',
    team: [],
    bodies: [],
    publicDecisionIds: [],
  });
  return slug;
}

/**
 * The Bildungskonferenz 2027 (Thursday 25 February, 9:00–16:00, Kreishaus Meschede, public), as the
 * office creates it through the planning API; `extra` sets capacity, deadline and the like.
 */
export function conference2027(api: Api, networkId: string, extra: Record<string, unknown> = {}) {
  return api.post<{ id: string; version: number }>(`/networks/${networkId}/events`, {
    type: 'conference',
    title: 'Bildungskonferenz 2027',
    startsAt: '2027-02-25T09:00',
    endsAt: '2027-02-25T16:00',
    venue: 'Kreishaus Meschede',
    public: true,
    ...extra,
  });
}

/** The conference of `conference2027` with one workshop ("Workshop A", 10:00–11:30). */
export async function conferenceWithWorkshop(
  api: Api,
  networkId: string,
  places: { event: number; workshop: number },
) {
  const ev = await conference2027(api, networkId, { capacity: places.event });
  const e = `/networks/${networkId}/events/${ev.id}`;
  const workshop = await api.post<{ id: string }>(`${e}/sessions`, {
    kind: 'workshop',
    title: 'Workshop A: Übergang Schule–Beruf',
    startsAt: '2027-02-25T10:00',
    endsAt: '2027-02-25T11:30',
    capacity: places.workshop,
  });
  return { ev, e, workshop };
}
