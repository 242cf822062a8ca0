import type { Deps } from '../../lib/context.js';
import { deliverDueMails, type Transport } from './mail.service.js';
import { smtpTransport } from './mail.transport.js';

export type MailWorker = { runOnce(): Promise<number>; stop(): Promise<void> };

/**
 * Polls the outbox while SMTP is configured. Without SMTP_URL nothing is sent: mails wait in the
 * Postausgang and go out once SMTP is configured and the app restarts.
 */
export function startMailWorker(deps: Deps, log: { error(o: object, m: string): void }): MailWorker | null {
  if (!deps.config.smtpUrl) return null;
  const transport: Transport & { close(): void } = smtpTransport(deps.config.smtpUrl, deps.config.mailFrom);
  let running: Promise<number> | null = null;
  const runOnce = async () => {
    if (running) return running;
    running = (async () => {
      let total = 0;
      for (;;) {
        const n = await deliverDueMails(deps, transport);
        total += n;
        if (n === 0) return total;
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((err) => log.error({ err }, 'outbox delivery failed'));
  }, deps.config.outboxIntervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => 0);
      transport.close();
    },
  };
}
