/**
 * `cli resolve [--json] [--locale L] [TEXT]`: what the resolver makes of a message.
 * With no TEXT it reads one message per line from standard input and answers each, in order,
 * from one process (one JSON object per line with --json). A line it cannot resolve (too long)
 * gets an error object in its place, so answers stay aligned with the input; so does a line that
 * makes the resolver fail, and the process goes on with the next line. A message pasted from
 * Teams or Slack is read as the platform's adapter reads it (its mention and markup removed).
 */
import { createInterface } from 'node:readline';
import { BotError, type Resolution, type Resolver } from '../../core/index.js';
import { chatText } from '../../adapters/registry.js';

export interface ResolveArgs {
  json: boolean;
  locale?: string;
  text?: string;
}

function answer(resolver: Resolver, text: string, args: ResolveArgs): string {
  let result: Resolution;
  try {
    // The message as received is what the answer names, markup and all.
    result = { ...resolver.resolve(chatText(text), { locale: args.locale ?? null }), text };
  } catch (e) {
    // A line that breaks the resolver is answered in place (and reported on stderr with its
    // stack): the answers stay aligned with the input and the next line is still read.
    const code = e instanceof BotError ? e.code : 'internal_error';
    const message = e instanceof Error ? e.message : String(e);
    if (!(e instanceof BotError))
      process.stderr.write(
        `resolve failed on ${JSON.stringify(text.slice(0, 200))}: ${(e as Error).stack ?? message}\n`,
      );
    return args.json ? JSON.stringify({ text, error: { code, message } }) : `error (${code}): ${message}`;
  }
  if (args.json) return JSON.stringify(result);
  const others = result.candidates
    .slice(result.topic ? 1 : 0)
    .map((c) => `${c.topic} ${c.score.toFixed(2)}`)
    .join(', ');
  return [
    `topic       ${result.topic ?? '(none: not something I know)'}`,
    `confidence  ${result.confidence.toFixed(3)}`,
    `language    ${result.lang}`,
    `clarify     ${result.clarify ? 'yes' : 'no'}`,
    `others      ${others || '-'}`,
  ].join('\n');
}

export async function resolveCommand(resolver: Resolver, args: ResolveArgs): Promise<number> {
  if (args.text !== undefined) {
    const out = answer(resolver, args.text, args);
    process.stdout.write(out + '\n');
    return out.startsWith('{"text"') || !out.startsWith('error') ? 0 : 2;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(answer(resolver, line, args) + '\n');
  return 0;
}
