/** `cli privacy forget USER`: deletes what the bot keeps about one user and says what it did. */
import { forgetUser } from '../../storage/privacy.js';
import type { Storage } from '../../storage/open.js';

export async function privacyCommand(storage: Storage, args: string[]): Promise<number> {
  const [sub, user] = args;
  if (sub !== 'forget' || !user?.trim()) {
    process.stderr.write(
      'usage: cli privacy forget USER   (USER: the Teams AAD object id or Slack user id)\n',
    );
    return 2;
  }
  const result = await forgetUser(storage.db, user.trim());
  const changed = result.tables.filter((t) => t.rows > 0);
  process.stdout.write(
    changed.length
      ? `forgot ${result.user}:\n${changed.map((t) => `  ${t.table.padEnd(20)} ${String(t.rows).padStart(5)} ${t.treatment}`).join('\n')}\n`
      : `nothing kept about ${result.user}\n`,
  );
  return 0;
}
