import type { ScopeAnswer } from '../../../contracts/contract.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { authorize } from '../networks/networks.policy.js';
import type { FieldRow } from './contract.repository.js';
import * as repo from './contract.repository.js';
import { fieldJointOn, germanDate, ownerStays, ownerText } from './contract.rules.js';
import { type ResponsibilityRow, responsibilityById } from './responsibilities.repository.js';

/**
 * The scope guard every module calls: may the steering committee decide on this field of action (or
 * matter) on this day? Joint → the contract version it rests on; not joint → the owner it stays with.
 */
export async function checkScope(
  db: Db,
  networkId: string,
  subject: { fieldId: string } | { matterId: string },
  day: string,
): Promise<ScopeAnswer> {
  const versions = await repo.versionsOf(db, networkId);
  const byId = new Map(versions.map((v) => [v.id, v]));
  const answerForField = (
    f: FieldRow,
    subjectName: { kind: 'field' | 'matter'; id: string; name: string },
    matterOwner?: ResponsibilityRow,
  ) => {
    const joint = fieldJointOn(f, byId, day);
    if (joint.joint) {
      const v = byId.get(joint.since.id)!;
      return {
        day,
        subject: subjectName,
        joint: true,
        version: { id: v.id, number: v.number, title: v.title, effectiveFrom: v.effectiveFrom },
        owner: null,
        message: `Gemeinsam: „${f.name}“ ist am ${germanDate(day)} gemeinsames Handlungsfeld nach Fassung ${v.number} des Kooperationsvertrags (wirksam ab ${germanDate(v.effectiveFrom)}).`,
      } satisfies ScopeAnswer;
    }
    const [kind, name] = matterOwner
      ? [matterOwner.owner, matterOwner.ownerName]
      : [f.previousOwner, f.previousOwnerName];
    const owner = { kind, label: ownerText(kind, name), stays: ownerStays(kind, name) };
    return {
      day,
      subject: subjectName,
      joint: false,
      version: null,
      owner,
      message: `Nicht gemeinsam: „${subjectName.name}“ ist am ${germanDate(day)} kein gemeinsames Handlungsfeld und bleibt ${owner.stays}.`,
    } satisfies ScopeAnswer;
  };

  if ('fieldId' in subject) {
    const f = await repo.fieldById(db, networkId, subject.fieldId);
    if (!f || byId.get(f.introducedBy)?.status === 'withdrawn') throw notFound('Das Handlungsfeld');
    return answerForField(f, { kind: 'field', id: f.id, name: f.name });
  }
  const m = await responsibilityById(db, networkId, subject.matterId);
  if (!m) throw notFound('Die Angelegenheit');
  const subjectName = { kind: 'matter' as const, id: m.id, name: m.matter };
  if (m.fieldId) {
    const f = await repo.fieldById(db, null, m.fieldId);
    if (f) return answerForField(f, subjectName, m);
  }
  const owner = {
    kind: m.owner,
    label: ownerText(m.owner, m.ownerName),
    stays: ownerStays(m.owner, m.ownerName),
  };
  return {
    day,
    subject: subjectName,
    joint: false,
    version: null,
    owner,
    message: `Nicht gemeinsam: „${m.matter}“ gehört zu keinem gemeinsamen Handlungsfeld und bleibt ${owner.stays}.`,
  };
}

export async function askScope(
  deps: Deps,
  actor: NetworkActor,
  q: { fieldId?: string; matterId?: string; on?: string },
): Promise<ScopeAnswer> {
  authorize(actor.role, 'contract.read');
  const subject = q.fieldId ? { fieldId: q.fieldId } : { matterId: q.matterId! };
  return checkScope(deps.db, actor.networkId, subject, q.on ?? berlinDay(deps.now()));
}

/**
 * For other modules (goals, work plans, work orders): refuses unless the field of action is joint on
 * the day, naming the owner the matter stays with.
 */
export async function assertJointField(
  db: Db,
  networkId: string,
  fieldId: string,
  day: string,
): Promise<ScopeAnswer> {
  const answer = await checkScope(db, networkId, { fieldId }, day);
  if (!answer.joint) {
    throw new DomainError(
      'scope.not_joint',
      `${answer.message} Der Lenkungskreis kann hierzu nicht entscheiden.`,
      'rule',
      {
        owner: answer.owner,
      },
    );
  }
  return answer;
}
