/**
 * The client-error check: every error message the bot quotes is one the client shows in that
 * language, and reads as a sentence.
 *
 * "Shows" means a source says so: one of the article's copies quotes it, or the topic's
 * `errorSources` (in `dialogs/topics/<id>.json`) cites where Microsoft's own localized
 * documentation words it. "Reads as a sentence" is what a script can catch of machine-translation
 * garble: a message that starts with a particle or a comma, a clause with two copulas
 * ("是…是否"), a bare two-character question ("连接吗？"), leftover markup. A native speaker's
 * review stays the standard; this check keeps the known failure modes out.
 */
import type { Lang } from '../i18n/languages.js';
import type { SeedText } from './seeds.js';

export interface ErrorSource {
  text: string;
  url: string;
  note?: string;
}

export interface ClientErrorIssue {
  file: string;
  key: string;
  message: string;
}

/** Compared without markup, spacing, case or a closing full stop (the article quotes mid-sentence). */
const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[*\s]+/g, '')
    .replace(/[.。]$/, '')
    .toLowerCase();

/** What a script can tell about a message that does not read as a sentence. */
export function garbleProblems(text: string, lang: Lang): string[] {
  const problems: string[] = [];
  const t = text.normalize('NFKC').trim();
  if (/[*<>[\]{}]|&[a-z]+;/.test(t)) problems.push('contains markup');
  if (/^[、。,.;:!?！？]/.test(t)) problems.push('starts with punctuation');
  if (/([。、,.?!？！])\1/.test(t)) problems.push('has doubled punctuation');
  if (lang === 'en' && !/^[A-Z0-9"']/.test(t)) problems.push('does not start a sentence');
  if (lang === 'ja' && /^[がはをにでともへのや][、\s]?/.test(t))
    problems.push('starts with a particle (a fragment of a longer sentence)');
  if (lang === 'zh-CN' || lang === 'zh-TW') {
    if (/^[的了是和与與]/.test(t)) problems.push('starts with a particle (a fragment of a longer sentence)');
    if (/是[^，。？！,?!]*是否/.test(t)) problems.push('has two copulas in one clause ("是…是否")');
    if (/(?:^|[。！？.!?])\s*[^。！？，,\s]{1,2}[吗嗎][？?]/.test(t))
      problems.push('asks a bare two-character question ("…吗？") with no subject');
  }
  return problems;
}

/**
 * Checks one language's error messages. `errors` maps a key (`topic.errors[0]`) to its text;
 * `sources` are the cited localized wordings of each topic.
 */
export function checkClientErrors(
  file: string,
  lang: Lang,
  errors: { topic: string; key: string; text: string }[],
  seeds: readonly SeedText[],
  sources: (topic: string) => ErrorSource[],
): ClientErrorIssue[] {
  const issues: ClientErrorIssue[] = [];
  const seedTexts = seeds.map((s) => squash(s.text));
  for (const { topic, key, text } of errors) {
    const cited = sources(topic).some((s) => squash(s.text) === squash(text));
    const quoted = seedTexts.some((s) => s.includes(squash(text)));
    if (!cited && !quoted)
      issues.push({
        file,
        key,
        message: `"${text}" is not in the article's copies and has no cited source (errorSources.${lang} in dialogs/topics/${topic}.json)`,
      });
    for (const problem of garbleProblems(text, lang))
      issues.push({ file, key, message: `"${text}" does not read as the client's message: it ${problem}` });
  }
  return issues;
}
