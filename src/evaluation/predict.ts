/**
 * Resolves a labelled set the way the bot meets it: messages as pasted from a chat (a mention
 * of the bot, `<at>SignInBot</at>` or `<@U02ABCDEF>`, included) read as the platform's adapter
 * reads them, and a row with earlier messages answered in that conversation, with the topic
 * the earlier messages led to as its context.
 */
import { chatText } from '../adapters/registry.js';
import type { Resolver } from '../core/resolver/resolver.js';
import type { Resolution } from '../core/resolver/types.js';
import type { LabelledQuestion } from './dataset.js';

export function predict(resolver: Resolver, rows: LabelledQuestion[]): Resolution[] {
  return rows.map((row) => {
    let topic: string | null = null;
    for (const earlier of row.context ?? [])
      topic = resolver.resolve(chatText(earlier), { context: { topic } }).topic ?? topic;
    return resolver.resolve(chatText(row.text), { context: { topic } });
  });
}
