import { berlinDay, berlinWallClock } from '../../lib/berlin-time.js';
import type { Deps } from '../../lib/context.js';
import { formatDay } from '../../lib/format.js';
import { enqueueMail } from '../mail/mail.service.js';
import * as repo from './desk.repository.js';
import { addDays, REMINDER_DAYS_AHEAD, reminderHourReached } from './desk.rules.js';

type Candidate = Awaited<ReturnType<typeof repo.reminderCandidates>>[number];

/**
 * The daily reminder: each person of the office gets at most ONE mail a day per network, listing their
 * open orders and tasks that are overdue or due within the next days; nobody gets a mail when nothing
 * is due. The day's claim (a unique work_reminder row) is inserted in the same transaction as the mail,
 * so two app instances, or two runs on the same day, never send twice, and a failed run sends nothing.
 */
export async function runWorkReminders(
  deps: Deps,
  days = REMINDER_DAYS_AHEAD,
): Promise<{ sent: number; items: number }> {
  const today = berlinDay(deps.now());
  const candidates = await repo.reminderCandidates(deps.db, addDays(today, days));
  const byPerson = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.networkId}|${c.userId}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), c]);
  }
  let sent = 0;
  let items = 0;
  for (const list of byPerson.values()) {
    const first = list[0]!;
    const sorted = [...list].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.label.localeCompare(b.label));
    const overdue = sorted.filter((c) => c.dueOn < today);
    const soon = sorted.filter((c) => c.dueOn >= today);
    const claimed = await deps.db.transaction(async (tx) => {
      const ok = await repo.claimReminder(tx, {
        networkId: first.networkId,
        userId: first.userId,
        day: today,
        items: sorted.length,
      });
      if (!ok) return false;
      const line = (c: Candidate) => `- ${c.label}, fällig am ${formatDay(c.dueOn)}`;
      await enqueueMail(tx, {
        networkId: first.networkId,
        to: first.email,
        toName: first.name,
        subject:
          overdue.length > 0
            ? `Erinnerung: ${overdue.length} überfällig, ${soon.length} bald fällig`
            : `Erinnerung: ${soon.length} ${soon.length === 1 ? 'Eintrag' : 'Einträge'} in den nächsten ${days} Tagen fällig`,
        text: [
          `Guten Tag ${first.name},`,
          '',
          ...(overdue.length > 0 ? ['Überfällig:', ...overdue.map(line), ''] : []),
          ...(soon.length > 0 ? [`In den nächsten ${days} Tagen fällig:`, ...soon.map(line), ''] : []),
          `Ihr Schreibtisch: ${deps.config.baseUrl}/n/${first.networkId}/arbeitsprogramm/schreibtisch`,
          '',
          'Diese Erinnerung kommt höchstens einmal am Tag.',
        ].join('\n'),
      });
      return true;
    });
    if (claimed) {
      sent += 1;
      items += sorted.length;
    }
  }
  return { sent, items };
}

/**
 * Runs the reminder every few minutes from the morning on; the day's claim makes every run after the
 * day's first a no-op.
 */
export function startWorkReminderJobs(
  deps: Deps,
  log: { error(o: object, m: string): void },
  intervalMs = 10 * 60_000,
) {
  const timer = setInterval(() => {
    if (!reminderHourReached(berlinWallClock(deps.now()))) return;
    runWorkReminders(deps).catch((err) => log.error({ err }, 'work reminder job failed'));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
