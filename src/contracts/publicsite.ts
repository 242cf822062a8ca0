import { z } from 'zod';
import { BodyKind } from './structure.js';
import { PublicWorkPlan } from './work-goals.js';

export const PageKind = z.enum(['imprint', 'privacy', 'accessibility'], { error: 'Unbekannte Seite.' });
export type PageKind = z.infer<typeof PageKind>;

export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    error: 'Die Adresse besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. hochsauerlandkreis.',
  });

export const PublicNetwork = z.object({
  name: z.string(),
  slug: z.string(),
  regionKey: z.string(),
  bodies: z.array(z.object({ kind: BodyKind, name: z.string(), description: z.string() })),
  fields: z.array(
    z.object({ name: z.string(), description: z.string(), goals: z.string(), jointSince: z.string() }),
  ),
  team: z.array(
    z.object({
      function: z.string(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  municipalities: z.array(z.object({ regionKey: z.string(), name: z.string() })),
  /** The network's public events not yet over (not cancelled), the earliest first; each has its page. */
  upcomingEvents: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string(),
    }),
  ),
  contactEmail: z.string().nullable(),
  /** What the network is, in a few sentences, at the top of its page. */
  description: z.string(),
  contact: z.object({
    provider: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    phone: z.string(),
  }),
  /** The agreed work plans the office published ("Arbeitsprogramm"), newest year first. */
  workPlans: z.array(PublicWorkPlan),
  /** Decisions the committee asked to publish, newest first. */
  decisions: z.array(
    z.object({ number: z.string(), decidedOn: z.string(), title: z.string(), text: z.string() }),
  ),
});
export type PublicNetwork = z.infer<typeof PublicNetwork>;

export const PublicNetworkListItem = z.object({
  name: z.string(),
  slug: z.string(),
  regionKey: z.string(),
  city: z.string(),
  description: z.string(),
});
export type PublicNetworkListItem = z.infer<typeof PublicNetworkListItem>;

/** The provider's data as the imprint and the privacy notice print them. */
export const LegalDetails = z.object({
  provider: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  representative: z.string(),
  responsible: z.string(),
  dataProtectionOfficer: z.string(),
});
export type LegalDetails = z.infer<typeof LegalDetails>;

export const PublicPage = z.object({
  kind: PageKind,
  title: z.string(),
  body: z.string(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  networkName: z.string(),
  legal: LegalDetails,
});
export type PublicPage = z.infer<typeof PublicPage>;

export const SlugParams = z.object({ slug: z.string().min(1).max(100) });
export const PageParams = z.object({ slug: z.string().min(1).max(100), kind: PageKind });

export const FeedbackInput = z.object({
  name: z.string().trim().max(200).default(''),
  email: z
    .union([
      z.literal(''),
      z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an oder lassen Sie das Feld leer.' }),
    ])
    .default(''),
  message: z
    .string()
    .trim()
    .min(10, { error: 'Bitte beschreiben Sie Ihr Anliegen in mindestens 10 Zeichen.' })
    .max(5000, { error: 'Bitte fassen Sie sich kürzer (höchstens 5000 Zeichen).' }),
  page: z.string().trim().max(500).default(''),
  /** Left empty by people; filled by robots. */
  website: z.string().max(500).default(''),
});
export type FeedbackInput = z.input<typeof FeedbackInput>;

export const PublicProfile = z.object({ slug: z.string().nullable(), contactEmail: z.string().nullable() });
export type PublicProfile = z.infer<typeof PublicProfile>;
export const PublicProfileInput = z.object({
  slug: Slug,
  contactEmail: z
    .union([z.literal(''), z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' })])
    .transform((s) => s || null),
});

export const PageEditParams = z.object({ networkId: z.uuid(), kind: PageKind });
export const PageInput = z.object({
  body: z.string().trim().min(20, { error: 'Bitte mindestens 20 Zeichen Text.' }).max(50_000),
});
export const EditablePage = z.object({
  kind: PageKind,
  title: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
});
export type EditablePage = z.infer<typeof EditablePage>;

export const TeamInput = z
  .array(
    z.object({
      function: z.string().trim().min(2, { error: 'Bitte die Funktion angeben.' }).max(200),
      name: z.string().trim().max(200).nullable().default(null),
      phone: z.string().trim().max(50).nullable().default(null),
      email: z
        .union([z.literal(''), z.email()])
        .nullable()
        .default(null)
        .transform((s) => s || null),
    }),
  )
  .max(50);
export const BodyInput = z.object({
  name: z.string().trim().min(3).max(200),
  description: z
    .string()
    .trim()
    .min(10, { error: 'Bitte beschreiben Sie das Gremium in mindestens 10 Zeichen.' })
    .max(5000),
});
export const BodyParams = z.object({ networkId: z.uuid(), kind: BodyKind });

const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Bitte höchstens ${max} Zeichen.` });

/** The network page as the office edits it: saved as a whole, with one button. */
export const PublicSiteInput = z.object({
  published: z.boolean(),
  slug: Slug,
  description: line(1000),
  contactEmail: z
    .union([z.literal(''), z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' })])
    .transform((s) => s || null),
  provider: line(300),
  street: line(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { error: 'Die Postleitzahl hat fünf Ziffern.' }),
  city: line(100),
  phone: line(50),
  representative: line(300),
  responsible: line(500),
  dataProtectionOfficer: line(500),
  team: TeamInput,
  bodies: z
    .array(BodyInput.extend({ kind: BodyKind }))
    .max(3)
    .refine((bs) => new Set(bs.map((b) => b.kind)).size === bs.length, {
      error: 'Jedes Gremium nur einmal.',
    }),
  publicDecisionIds: z.array(z.uuid({ error: 'Unbekannter Beschluss.' })).max(500),
});
export type PublicSiteInput = z.input<typeof PublicSiteInput>;

export const PublicSite = z.object({
  networkName: z.string(),
  published: z.boolean(),
  slug: z.string().nullable(),
  description: z.string(),
  contactEmail: z.string().nullable(),
  provider: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string(),
  representative: z.string(),
  responsible: z.string(),
  dataProtectionOfficer: z.string(),
  team: PublicNetwork.shape.team,
  bodies: PublicNetwork.shape.bodies,
  /** The register, each decision with whether it is shown on the public page. */
  decisions: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      decidedOn: z.string(),
      title: z.string(),
      public: z.boolean(),
    }),
  ),
});
export type PublicSite = z.infer<typeof PublicSite>;
