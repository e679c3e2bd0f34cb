/**
 * What a user can type besides a question: yes/no answers, help, cancel, start over, asking for
 * a person, switching language. The phrases live in `locales/<lang>/commands.json`; every
 * language's phrases are understood whatever the conversation's language is.
 */
import { LANGUAGES, type Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
export type { CommandsText } from '../knowledge/types.js';
import { PhraseMatcher } from '../resolver/phrases.js';
import { fold } from '../text/fold.js';

export const COMMANDS = [
  'yes',
  'no',
  'notSure',
  'help',
  'cancel',
  'restart',
  'person',
  'done',
  'skip',
] as const;
export type Command = (typeof COMMANDS)[number];

export type Recognized = { command: Command } | { command: 'switchTo'; lang: Lang };

/** Commands that also count inside a sentence ("I need to talk to a person", "日本語で答えて"). */
const IN_SENTENCE: readonly Command[] = ['help', 'cancel', 'restart', 'person'];

/** Folds a typed message for comparison: width, case, punctuation and spaces do not matter. */
export function normalizeTyped(text: string): string {
  return fold(text, 'en')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class CommandMatcher {
  private readonly exact = new Map<string, Recognized>();
  private readonly switches: [string, Lang][] = [];
  private readonly inside: PhraseMatcher<Recognized>;

  constructor(pack: KnowledgePack) {
    for (const lang of LANGUAGES) {
      const text = pack.commands(lang);
      for (const command of COMMANDS)
        for (const phrase of text[command]) this.exact.set(normalizeTyped(phrase), { command });
      for (const target of LANGUAGES)
        for (const phrase of text.switchTo[target] ?? []) {
          const p = normalizeTyped(phrase);
          this.exact.set(p, { command: 'switchTo', lang: target });
          this.switches.push([p, target]);
        }
    }
    // Longer phrases first, so "in traditional chinese" is not read as "in chinese".
    this.switches.sort((a, b) => b[0].length - a[0].length);
    this.inside = new PhraseMatcher<Recognized>([
      ...LANGUAGES.flatMap((lang) =>
        IN_SENTENCE.flatMap((command) =>
          pack.commands(lang)[command].map((p): [string, Recognized] => [p, { command }]),
        ),
      ),
      ...this.switches.map(([p, lang]): [string, Recognized] => [p, { command: 'switchTo', lang }]),
    ]);
  }

  /**
   * A command phrase inside a longer message, and what is left around it: the caller decides
   * whether the rest asks something else ("help, the server is temporarily unavailable" does).
   */
  within(text: string): { command: Recognized; rest: string } | undefined {
    const hit = this.inside.find(text);
    return hit && { command: hit.value, rest: hit.rest };
  }

  recognize(text: string): Recognized | undefined {
    const typed = normalizeTyped(text);
    if (!typed) return undefined;
    const exact = this.exact.get(typed);
    if (exact) return exact;
    // "日本語でお願いします", "can you answer in japanese": a switch phrase with a few words around it.
    for (const [phrase, lang] of this.switches) {
      if (typed.includes(phrase) && typed.length <= phrase.length + 12 && phrase.length >= 2)
        return { command: 'switchTo', lang };
    }
    return undefined;
  }
}
