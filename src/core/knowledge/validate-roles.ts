/**
 * The topics the code relies on by role, not by name: the triage menu ("which error do you
 * see?", kind `triage`) and the hand-over (kind `escalate`, whose links are the log-collection
 * guides on the ticket form). The pack must have exactly one of each; renaming either topic's
 * id is then safe, and deleting one is a content error naming the kind, not a crash at run time.
 */
import { type ContentIssue, ContentIssueCode as C } from './errors.js';
import type { TopicKind, TopicStructure } from './types.js';

export const ROLE_KINDS: readonly TopicKind[] = ['triage', 'escalate'];

export function checkTopicRoles(
  topics: Iterable<{ file: string; topic: TopicStructure }>,
  add: (code: C, file: string, key: string, message: string) => void,
): void {
  const all = [...topics];
  for (const kind of ROLE_KINDS) {
    const found = all.filter((t) => t.topic.kind === kind);
    if (found.length === 0)
      add(
        C.InvalidStructure,
        'dialogs/topics/',
        'kind',
        `no topic has kind "${kind}"; the bot needs exactly one`,
      );
    if (found.length > 1) {
      const ids = found.map((t) => t.topic.id).join(', ');
      for (const { file } of found)
        add(
          C.InvalidStructure,
          file,
          'kind',
          `${found.length} topics have kind "${kind}" (${ids}); the bot needs exactly one`,
        );
    }
  }
}

export type { ContentIssue };
