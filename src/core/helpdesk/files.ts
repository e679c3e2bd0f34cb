/**
 * Files a user sends in the chat: they go with the user's open ticket, within the upload rules
 * (size, count, kinds), each one answered with what became of it.
 */
import type { CardBuilder } from '../cards/build.js';
import type { Logger } from '../log/logger.js';
import type { Card } from '../cards/model.js';
import { FileTooLargeError } from '../errors.js';
import type { Lang } from '../i18n/languages.js';
import type { Incoming, Outgoing } from '../incoming.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { Helpdesk } from './service.js';

export class FileReceiver {
  constructor(
    private readonly pack: KnowledgePack,
    private readonly helpdesk: Helpdesk,
    private readonly cards: CardBuilder,
    private readonly log?: Logger,
  ) {}

  /** Files sent in the chat go with the user's open ticket, within the upload rules. */
  async receive(incoming: Incoming, lang: Lang): Promise<Outgoing> {
    const { uploads } = this.pack.escalation;
    const cards: Card[] = [];
    const actor = incoming.user?.name ?? incoming.user?.id ?? incoming.conversation;
    const megabytes = `${Math.round(uploads.maxBytes / 1024 / 1024)} MB`;
    for (const file of incoming.files ?? []) {
      const reject = (reason: string, values: Record<string, string | number> = {}) =>
        cards.push(
          this.cards.notice('ticket.fileRejected', lang, {
            name: file.name,
            reason: this.pack.message(`ticket.reasons.${reason}`, lang, values),
          }),
        );
      if (file.size !== undefined && file.size > uploads.maxBytes) {
        reject('tooBig', { max: megabytes });
        continue;
      }
      let content: Buffer;
      try {
        content = await file.download(uploads.maxBytes);
      } catch (e) {
        if (e instanceof FileTooLargeError) reject('tooBig', { max: megabytes });
        else {
          this.log?.warn(`could not download ${file.name}: ${(e as Error).message}`, { err: e });
          reject('download');
        }
        continue;
      }
      const result = await this.helpdesk.attach(
        incoming.conversation,
        { name: file.name, contentType: file.contentType, content },
        actor,
      );
      if (result.ok) {
        const size = `${Math.max(1, Math.round(result.size / 1024))} KB`;
        cards.push(
          this.cards.notice('ticket.fileReceived', lang, { name: result.name, size, ref: result.ticket.ref }),
        );
      } else if (result.reason === 'noTicket') {
        cards.push(this.cards.notice('ticket.noTicket', lang));
        break;
      } else
        reject(result.reason, {
          max: result.reason === 'tooMany' ? uploads.maxFiles : megabytes,
          allowed: uploads.extensions.join(' '),
        });
    }
    return { cards, events: [] };
  }
}
