/**
 * Resolves a labelled set the way the bot meets it: a row with earlier messages is answered in
 * that conversation, with the topic the earlier messages led to as its context.
 */
import type { Resolver } from '../core/resolver/resolver.js';
import type { Resolution } from '../core/resolver/types.js';
import type { LabelledQuestion } from './dataset.js';

export function predict(resolver: Resolver, rows: LabelledQuestion[]): Resolution[] {
  return rows.map((row) => {
    let topic: string | null = null;
    for (const earlier of row.context ?? [])
      topic = resolver.resolve(earlier, { context: { topic } }).topic ?? topic;
    return resolver.resolve(row.text, { context: { topic } });
  });
}
