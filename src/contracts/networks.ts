import { z } from 'zod';
import { Email, NetworkName, Password, Permission, PersonName, RegionKey, Role } from './common.js';

export const SetupStatus = z.object({ needed: z.boolean() });

export const SetupInput = z.object({
  admin: z.object({ name: PersonName, email: Email, password: Password }),
  network: z.object({ name: NetworkName, regionKey: RegionKey }),
});
export type SetupInput = z.input<typeof SetupInput>;

export const NetworkSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  regionKey: z.string(),
  /** Public page address: /netzwerk/<slug>. */
  slug: z.string().nullable(),
  role: Role,
  permissions: z.array(Permission),
});
export type NetworkSummary = z.infer<typeof NetworkSummary>;

export const Me = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    twoFactorEnabled: z.boolean(),
  }),
  platformAdmin: z.boolean(),
  networks: z.array(NetworkSummary),
  /** The network whose pages the person opened last: where they land after sign-in and on `/`. */
  lastNetworkId: z.string().nullable(),
  /** Networks that require a second factor the user has not set up yet. */
  secondFactorRequiredBy: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const NetworkDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  regionKey: z.string(),
  slug: z.string().nullable(),
  requireSecondFactor: z.boolean(),
  /** The letterhead logo of the minutes (a PNG or JPEG among the network's files). */
  logoFileId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  role: Role,
  permissions: z.array(Permission),
});
export type NetworkDetail = z.infer<typeof NetworkDetail>;

export const NetworkCreate = z.object({ name: NetworkName, regionKey: RegionKey });
export const NetworkUpdate = z
  .object({
    name: NetworkName.optional(),
    requireSecondFactor: z.boolean().optional(),
    logoFileId: z.uuid({ error: 'Bitte wählen Sie eine Bilddatei als Logo.' }).nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.requireSecondFactor !== undefined || v.logoFileId !== undefined, {
    error: 'Bitte ändern Sie mindestens eine Einstellung.',
  });
export type NetworkUpdate = z.input<typeof NetworkUpdate>;

export const Member = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  twoFactorEnabled: z.boolean(),
  since: z.iso.datetime({ offset: true }),
});
export type Member = z.infer<typeof Member>;

export const MemberParams = z.object({ networkId: z.uuid(), userId: z.string().min(1).max(100) });
export const MemberRoleUpdate = z.object({ role: Role });

export const InvitationCreate = z.object({ email: Email, name: PersonName, role: Role });
export type InvitationCreate = z.input<typeof InvitationCreate>;

export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  status: z.enum(['pending', 'accepted', 'revoked']),
  expiresAt: z.iso.datetime({ offset: true }),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationParams = z.object({ networkId: z.uuid(), invitationId: z.uuid() });
/** A freshly minted invitation link, shown once to the administration. */
export const InvitationLink = z.object({ url: z.url(), expiresAt: z.iso.datetime({ offset: true }) });
export type InvitationLink = z.infer<typeof InvitationLink>;
export const InvitationTokenParams = z.object({ token: z.string().min(20).max(200) });

export const InvitationPreview = z.object({
  networkName: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const InvitationAccept = z.object({
  /** Needed only when no account exists yet for the invited address. */
  name: PersonName.optional(),
  password: Password.optional(),
});
export type InvitationAccept = z.input<typeof InvitationAccept>;
