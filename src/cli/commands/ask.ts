/**
 * `cli ask`: ask questions in the terminal and read the matching fix, in the language the
 * question is written in. A plain local way to try the knowledge and the resolver.
 */
import { createInterface } from 'node:readline';
import { DEFAULT_LANG, type Lang, MessageTooLongError, type Resolver } from '../../core/index.js';

export function renderAnswer(resolver: Resolver, question: string, locale?: string): string {
  const pack = resolver.pack;
  let result;
  try {
    result = resolver.resolve(question, { locale: locale ?? null });
  } catch (e) {
    if (e instanceof MessageTooLongError)
      return pack.message('ask.tooLong', DEFAULT_LANG, { length: e.length, limit: e.limit });
    throw e;
  }
  const lang: Lang = result.lang;
  const title = (id: string) => pack.text(id, lang).title;
  if (!result.topic) {
    const near = result.candidates.slice(0, 3).filter((c) => c.score > 0.15);
    if (!near.length) return pack.message('ask.notFoundNone', lang);
    return [pack.message('ask.notFound', lang), ...near.map((c, i) => `  ${i + 1}. ${title(c.topic)}`)].join(
      '\n',
    );
  }
  const topic = pack.topic(result.topic);
  const text = pack.text(result.topic, lang);
  const lines = [
    `== ${text.title} ==`,
    text.symptom,
    '',
    `${pack.message('ask.cause', lang)}: ${text.cause}`,
  ];
  if (topic.kind === 'clarify' && text.options) {
    lines.push('', text.question ?? pack.message('ask.clarify', lang));
    Object.values(text.options).forEach((o, i) => lines.push(`  ${i + 1}. ${o}`));
  } else if (topic.kind === 'triage') {
    lines.push('', text.question ?? '');
    for (const id of topic.triage?.errors ?? []) {
      const err = pack.text(id, lang).errors[0];
      if (err) lines.push(`  - "${err}"`);
    }
    lines.push(`  - ${text.noErrorOption ?? ''}`);
  } else if (result.clarify && result.candidates[1]) {
    lines.push('', pack.message('ask.clarify', lang));
    result.candidates.slice(0, 2).forEach((c, i) => lines.push(`  ${i + 1}. ${title(c.topic)}`));
  }
  for (const stage of topic.stages) {
    const s = text.stages[stage]!;
    lines.push('', `${pack.message('ask.steps', lang)}: ${s.title}`);
    if (s.intro) lines.push(s.intro);
    s.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step.replace(/\*\*/g, '')}`));
  }
  if (topic.links.length) {
    lines.push('', `${pack.message('ask.links', lang)}:`);
    for (const link of topic.links) lines.push(`  - ${text.links[link.id]}: ${link.url}`);
  }
  return lines.join('\n');
}

export async function askCommand(resolver: Resolver, locale?: string): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lang: Lang = DEFAULT_LANG;
  process.stdout.write(resolver.pack.message('ask.welcome', lang) + '\n');
  const prompt = () => process.stdin.isTTY && process.stdout.write(resolver.pack.message('ask.prompt', lang));
  prompt();
  for await (const line of rl) {
    if (!line.trim()) break;
    process.stdout.write(renderAnswer(resolver, line, locale) + '\n\n');
    prompt();
  }
  rl.close();
  return 0;
}
