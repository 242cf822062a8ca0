import { and, eq } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { listNames } from '../modules/contacts/contacts.service.js';
import { createMailing, overview } from '../modules/events/invitations.service.js';
import { demoOffice } from './demo-office.js';

const CONFERENCE = 'Bildungskonferenz 2027';
const LIST = 'Einladung Bildungskonferenz';

/**
 * The demo's invitations, through the office's use cases: the 2027 conference invited the list
 * "Einladung Bildungskonferenz" (sent) and one reminder went out. Who registered is the registration
 * part's. Idempotent: a second run finds the mailings and adds nothing. Without the planning part's
 * event (a worktree of its own) the conference is created here with the data of the shared brief.
 */
export async function seedEventsInvitationsDemo(deps: Deps, networkId: string): Promise<void> {
  const actor = await demoOffice(deps.db, networkId);
  if (!actor) return;
  const list = (await listNames(deps.db, networkId)).find((l) => l.name === LIST);
  if (!list) return;
  let [conference] = await deps.db
    .select()
    .from(t.event)
    .where(and(eq(t.event.networkId, networkId), eq(t.event.title, CONFERENCE)));
  if (!conference) {
    [conference] = await deps.db
      .insert(t.event)
      .values({
        networkId,
        type: 'conference',
        title: CONFERENCE,
        startsAt: new Date('2027-02-25T08:00:00Z'),
        endsAt: new Date('2027-02-25T15:00:00Z'),
        venue: 'Kreishaus Meschede',
        venueAddress: 'Steinstraße 27, 59872 Meschede',
        public: true,
        status: 'registration_open',
        capacity: 120,
        registrationDeadline: new Date('2027-02-11T22:59:00Z'),
        example: true,
        createdBy: actor.userId,
      })
      .returning();
  }
  if (conference!.endsAt <= deps.now()) return;
  const o = await overview(deps, actor, conference!.id);
  if (!o.mailings.some((m) => m.kind === 'invitation')) {
    await createMailing(deps, actor, conference!.id, {
      kind: 'invitation',
      listId: list.id,
      personIds: [],
      subject: o.draft.subject,
      body: o.draft.body,
    });
  }
  const after = await overview(deps, actor, conference!.id);
  if (!after.mailings.some((m) => m.kind === 'reminder') && after.counts.remindable > 0) {
    await createMailing(deps, actor, conference!.id, {
      kind: 'reminder',
      subject: o.draft.reminderSubject,
      body: o.draft.reminderBody,
    });
  }
}
