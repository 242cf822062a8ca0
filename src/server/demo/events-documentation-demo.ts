import { deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { listFields } from '../modules/contract/contract.service.js';
import {
  addDocumentFile,
  getDocumentation,
  publishDocumentation,
  saveEventDocumentation,
  saveSessionDocumentation,
} from '../modules/events/documentation.service.js';
import {
  agreeRecommendation,
  createRecommendation,
  recordHandOver,
} from '../modules/events/recommendations.service.js';
import { getMeeting, listMeetings, renderPdf } from '../modules/steering/steering.service.js';
import { demoOffice } from './demo-office.js';

/*
 * The documentation of last year's Bildungskonferenz 2026 in the demo network, entered through the
 * documentation and recommendation use cases with the clock of the weeks after the conference: the
 * results of every session, the summary, two files, a photo with consent, published. Three
 * recommendations: two agreed and taken up by the "Lenkungskreis Herbst 2026" (linked to the decision
 * items of that meeting, so the trace runs conference → recommendation → agenda item → decision →
 * work order), one still a draft. The 2027 conference has none yet. Idempotent: a conference whose
 * documentation is published or that has recommendations is left alone.
 */

const TITLE = 'Bildungskonferenz 2026';
const AUTUMN = 'Lenkungskreis Herbst 2026';

/** The results of each session, found by a word of its title (the programme part names them). */
const results: Array<[string, string]> = [
  [
    'Eröffnung',
    'Landrat und Schuldezernentin eröffneten die Konferenz vor rund 110 Teilnehmenden aus Schulen, Kitas, Betrieben, Kammern und Jugendhilfe. Der Impuls des Bildungsbüros stellte die Beispieldaten des Bildungsmonitorings 2026 vor: Der Anteil der Jugendlichen, die nach Klasse 10 direkt in eine duale Ausbildung wechseln, ist im Kreis leicht gestiegen; in den kleinen Gemeinden im Süden des Kreises bleiben die Wege zu Praktikumsbetrieben aber lang. Beim Ganztag an Grundschulen fehlen vor dem Rechtsanspruch ab 2026/27 noch Plätze und Räume. Zentrale Frage des Tages: Wie gestalten wir die Übergänge von der Kita bis in den Beruf gemeinsam?',
  ],
  [
    'Berufsorientierung',
    'Die Schulen berichteten über die Standardelemente von KAoA: Die Potenzialanalyse in Klasse 8 läuft flächendeckend, die Berufsfelderkundungen hängen stark vom Angebot der Betriebe vor Ort ab. Das zdi-Zentrum HSK stellte seine Schülerlabore vor; viele Schulen kennen die MINT-Angebote nicht oder können die Fahrten nicht organisieren. Ergebnis: Die Schulen wünschen ein Netzwerk der MINT-Koordinatorinnen und -Koordinatoren mit dem zdi-Zentrum, einen gemeinsamen Angebotskalender und abgestimmte Termine mit den Praxisphasen.',
  ],
  [
    'Kita',
    'Kitas und Grundschulen tauschten sich über Übergabegespräche und die Dokumentation der Bildungsentwicklung aus. Wo Kita und Grundschule gemeinsame Fortbildungen besuchen, gelingen die Übergänge sichtbar besser. Übergabebögen werden nur mit Einwilligung der Eltern weitergegeben; ein kreisweit einheitliches Formular fehlt. Ergebnis: Ein Fachtag für Kitas und Grundschulen im Frühjahr 2027 soll die guten Beispiele bekannt machen und ein gemeinsames Übergabeverfahren vorbereiten.',
  ],
  [
    'Praxisphasen',
    'Betriebe, IHK, Handwerkskammer und Schulen berieten über Praxisphasen im ländlichen Raum. Praktikumsplätze sind vorhanden, aber schwer zu finden; Busverbindungen passen oft nicht zu Arbeitszeiten. Die IHK bot an, ein gemeinsames Portal für Praktikumsplätze aufzubauen. Ergebnis: Das Bildungsbüro prüft mit IHK und Kreishandwerkerschaft ein Praxisphasen-Portal und spricht mit dem Nahverkehr über Schülerfahrkarten für Praktikumstage.',
  ],
  [
    'Ganztag',
    'Offene Ganztagsschulen, Träger, Sportvereine und Musikschule diskutierten den Rechtsanspruch auf Ganztagsbetreuung. Engpässe: Räume, Fachkräfte und die Abstimmung der Angebote am Nachmittag. Gute Erfahrungen gibt es mit festen Kooperationsvereinbarungen zwischen Schule und Verein. Ergebnis: Eine Kooperationsbörse soll Schulen und außerschulische Partner zusammenbringen; der Vorschlag wird als Empfehlung weiter ausgearbeitet.',
  ],
  [
    'Sprachbildung',
    'Familienzentren, Bibliotheken und Grundschulen stellten Angebote der alltagsintegrierten Sprachbildung vor. Mehrsprachige Eltern werden am besten über vertraute Orte erreicht. Ergebnis: Die Angebote werden in der Übersicht des Bildungsbüros gesammelt; die Stadtbibliotheken laden zu einem Austausch im Herbst ein.',
  ],
  [
    'Bildungsdaten',
    'Der Workshop ging der Frage nach, wie Schulträger und Schulen die Daten des Bildungsmonitorings nutzen können. Gewünscht sind kleinräumige Auswertungen nach Sozialräumen, ohne einzelne Schulen bloßzustellen; bei kleinen Zahlen werden Werte zusammengefasst. Ergebnis: Der nächste Bildungsbericht enthält ein Kapitel zu den Übergängen und eine Kurzfassung für die Gemeinderäte.',
  ],
  [
    'Ergebnisse der Workshops',
    'Die Moderatorinnen und Moderatoren stellten die Ergebnisse der sechs Workshops vor. Die Konferenz sammelte daraus drei Empfehlungen an den Lenkungskreis: einen Fachtag Übergang Kita – Grundschule, ein MINT-Netzwerk der Schulen mit dem zdi-Zentrum und eine Kooperationsbörse für den Ganztag. Zum Abschluss dankte die Schuldezernentin allen Beteiligten; die Bildungskonferenz 2027 findet im Februar im Kreishaus statt.',
  ],
];
const fallback =
  'Die Teilnehmenden tauschten Erfahrungen aus dem Hochsauerlandkreis aus und hielten die wichtigsten Ergebnisse für die weitere Arbeit des Netzwerks fest.';

const summary =
  'Die Bildungskonferenz 2026 stand unter dem Motto „Übergänge gestalten“. Rund 110 Teilnehmende aus Schulen, Kitas, Betrieben, Kammern, Jugendhilfe und Verwaltung arbeiteten in sechs Workshops zu Berufsorientierung (KAoA), Übergang Kita – Grundschule, Praxisphasen, Ganztag, Sprachbildung und Bildungsmonitoring. Aus den Workshops gingen drei Empfehlungen an den Lenkungskreis hervor: ein Fachtag Übergang Kita – Grundschule, ein MINT-Netzwerk der Schulen mit dem zdi-Zentrum und eine Kooperationsbörse für den Ganztag. Die Folien des Impulsvortrags und eine Übersicht der Ergebnisse stehen unten zum Herunterladen bereit.';

const recommendations = [
  {
    key: 'fachtag',
    title: 'Fachtag Übergang Kita – Grundschule ausrichten',
    text: 'Die Bildungskonferenz empfiehlt dem Lenkungskreis, das Bildungsbüro mit einem Fachtag für Kitas und Grundschulen im Frühjahr 2027 zu beauftragen: gute Beispiele gemeinsamer Fortbildungen vorstellen und ein kreisweites Übergabeverfahren mit Einwilligung der Eltern vorbereiten.',
    session: 'Kita',
    field: 'Übergang Kita – Grundschule',
    item: 'Fachtag Übergang Kita',
  },
  {
    key: 'mint',
    title: 'MINT-Netzwerk der Schulen mit dem zdi-Zentrum aufbauen',
    text: 'Die Bildungskonferenz empfiehlt, die MINT-Koordinatorinnen und -Koordinatoren der Schulen mit dem zdi-Zentrum HSK zu vernetzen: ein gemeinsamer Angebotskalender der Schülerlabore, abgestimmt mit den Praxisphasen von KAoA.',
    session: 'Berufsorientierung',
    field: 'MINT / zdi',
    item: 'MINT-Netzwerk',
  },
  {
    key: 'ganztag',
    title: 'Kooperationsbörse für den Ganztag',
    text: 'Schulen des Ganztags und außerschulische Partner (Sportvereine, Musikschule, Jugendkunstschule) finden über eine Kooperationsbörse des Bildungsbüros zueinander; Musterverträge für Kooperationsvereinbarungen werden bereitgestellt.',
    session: 'Ganztag',
    field: null,
    item: null,
  },
] as const;

/** A small landscape picture (sky, sun, two hills of the Sauerland) as PNG: the demo's photo. */
export function demoPhoto(width = 320, height = 180): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const far = height * 0.55 + Math.sin(x / 37) * 14 + Math.sin(x / 11) * 4;
      const near = height * 0.72 + Math.sin(x / 53 + 2) * 18;
      const sun = (x - width * 0.78) ** 2 + (y - height * 0.25) ** 2 < (height * 0.09) ** 2;
      const px =
        y > near
          ? [58, 118 - (y - near) / 3, 52]
          : y > far
            ? [92, 140, 84]
            : sun
              ? [250, 214, 90]
              : [150 + (y * 60) / height, 196 + (y * 30) / height, 235];
      raw.set(
        px.map((v) => Math.max(0, Math.min(255, Math.round(v)))),
        row + 1 + x * 3,
      );
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bit, RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export async function seedEventsDocumentationDemo(deps: Deps, networkId: string): Promise<void> {
  const db = deps.db;
  const [ev] = await db
    .select()
    .from(t.event)
    .where(and(eq(t.event.networkId, networkId), eq(t.event.title, TITLE), eq(t.event.example, true)));
  if (!ev || ev.documentationPublishedAt) return;
  const [existing] = await db.select().from(t.recommendation).where(eq(t.recommendation.eventId, ev.id));
  if (existing) return;
  const actor = await demoOffice(db, networkId);
  if (!actor) return;
  const on = (day: string) => ({ ...deps, now: () => new Date(`${day}T10:00:00+02:00`) });

  // The week after the conference: the office writes up each session and the summary.
  let doc = await getDocumentation(deps, actor, ev.id);
  for (const s of doc.sessions.filter((x) => x.kind !== 'break' && !x.documentation)) {
    const text = results.find(([word]) => s.title.includes(word))?.[1] ?? fallback;
    doc = await saveSessionDocumentation(on('2026-06-24'), actor, ev.id, s.id, {
      documentation: text,
      version: s.version,
    });
  }
  if (!doc.event.documentation)
    doc = await saveEventDocumentation(on('2026-06-25'), actor, ev.id, {
      documentation: summary,
      version: doc.event.version,
    });
  const session = (word: string) => doc.sessions.find((s) => s.title.includes(word))?.id ?? null;

  const impulse = await renderPdf('Impuls: Bildungsmonitoring 2026', [
    { type: 'h1', text: 'Impuls: Bildung im Hochsauerlandkreis 2026' },
    { type: 'p', text: 'Beispielfolien des Demonetzwerks zum Eröffnungsimpuls der Bildungskonferenz 2026.' },
    { type: 'h2', text: 'Übergänge in Zahlen (Beispieldaten)' },
    {
      type: 'p',
      text: 'Übergang nach Klasse 10 in duale Ausbildung, Plätze im Ganztag der Grundschulen, Teilnahme an der Potenzialanalyse (KAoA).',
    },
  ]);
  await addDocumentFile(on('2026-06-24'), actor, ev.id, {
    sessionId: session('Eröffnung'),
    kind: 'file',
    caption: 'Folien des Impulsvortrags (Bildungsmonitoring 2026)',
    photoConsent: false,
    fileName: 'Impuls-Bildungsmonitoring-2026.pdf',
    content: impulse,
  });
  const overview = await renderPdf('Ergebnisse der Workshops', [
    { type: 'h1', text: 'Bildungskonferenz 2026: Ergebnisse der Workshops' },
    ...results.flatMap(([word, text]) => [
      { type: 'h2' as const, text: word },
      { type: 'p' as const, text },
    ]),
  ]);
  await addDocumentFile(on('2026-06-25'), actor, ev.id, {
    sessionId: null,
    kind: 'file',
    caption: 'Ergebnisse aller Workshops auf einen Blick',
    photoConsent: false,
    fileName: 'Ergebnisse-Bildungskonferenz-2026.pdf',
    content: overview,
  });
  await addDocumentFile(on('2026-06-25'), actor, ev.id, {
    sessionId: session('Praxisphasen'),
    kind: 'photo',
    caption: 'Workshop Praxisphasen im Sitzungsraum 3 (Beispielbild)',
    photoConsent: true,
    fileName: 'Workshop-Praxisphasen.png',
    content: demoPhoto(),
  });
  await publishDocumentation(on('2026-06-26'), actor, ev.id, true);

  // The recommendations of the closing plenary, agreed with the committee's content leads in July.
  const fields = new Map((await listFields(deps, actor, '2026-06-18')).map((f) => [f.name, f.id] as const));
  const made = new Map<string, { id: string; version: number }>();
  for (const r of recommendations) {
    const rec = await createRecommendation(on('2026-06-30'), actor, ev.id, {
      title: r.title,
      text: r.text,
      sessionId: session(r.session),
      fieldId: r.field ? (fields.get(r.field) ?? null) : null,
    });
    made.set(r.key, rec);
  }
  for (const r of recommendations.filter((x) => x.item)) {
    const rec = made.get(r.key)!;
    made.set(
      r.key,
      await agreeRecommendation(on('2026-07-08'), actor, ev.id, rec.id, { version: rec.version }),
    );
  }

  // Taken up by the autumn meeting of the steering committee: its decision items on the Fachtag (a work
  // order) and the MINT network (a recommendation).
  const autumn = (await listMeetings(deps, actor)).find((m) => m.title === AUTUMN);
  if (!autumn) return;
  const items = (await getMeeting(deps, actor, autumn.id)).items;
  const pairs = recommendations.flatMap((r) => {
    const item = r.item && items.find((i) => i.title.includes(r.item));
    const rec = made.get(r.key);
    return item && rec && r.field && fields.has(r.field) ? [{ id: rec.id, agendaItemId: item.id }] : [];
  });
  if (pairs.length > 0) await recordHandOver(on('2026-08-20'), actor, ev.id, pairs);
}
