/** The entry point's guarantees: state kept per conversation, never corrupted by concurrency. */
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.js';
import type { ConversationState } from '../../src/core/dialogs/state.js';
import { MemoryStateStore } from '../../src/core/storage/memory.js';
import { StorageError, type StateStore, type Versioned } from '../../src/core/storage/types.js';
import { realPack, realResolver } from '../helpers/pack.js';

const pack = realPack();
const newBot = (states?: StateStore<ConversationState>) =>
  new Bot({ pack, resolver: realResolver(), ...(states ? { states } : {}) });

describe('Bot', () => {
  it('handles two messages of one conversation arriving at once one after the other', async () => {
    const bot = newBot();
    await bot.handle({ conversation: 'c', text: pack.text('personal-certificate', 'en').title });
    const [first, second] = await Promise.all([
      bot.handle({ conversation: 'c', text: 'no' }),
      bot.handle({ conversation: 'c', text: 'no' }),
    ]);
    const stage = (o: typeof first) =>
      o.cards.at(-1)!.kind === 'topic' ? (o.cards.at(-1) as any).stage.title : null;
    expect(stage(first)).toBe(pack.text('personal-certificate', 'en').stages['update-credentials']!.title);
    expect(stage(second)).toBe(pack.text('personal-certificate', 'en').stages['clear-credentials']!.title);
    const state = (await bot.states.get('c'))!.value;
    expect(state.attempts.map((a) => a.stage)).toEqual(['delete-signin-info', 'update-credentials']);
  });

  it('keeps conversations apart', async () => {
    const bot = newBot();
    await bot.handle({ conversation: 'a', text: 'パスワードを忘れました' });
    await bot.handle({ conversation: 'b', text: 'Sign-in address not found' });
    expect((await bot.states.get('a'))!.value).toMatchObject({
      lang: 'ja',
      flow: { topic: 'forgotten-password' },
    });
    expect((await bot.states.get('b'))!.value).toMatchObject({
      lang: 'en',
      flow: { topic: 'signin-address-not-found' },
    });
  });

  it('runs the step again when another process wrote the state in between', async () => {
    class RacingStore extends MemoryStateStore<ConversationState> {
      raced = false;
      override async put(
        key: string,
        value: ConversationState,
        expected: number,
      ): Promise<number | undefined> {
        if (!this.raced && expected > 0) {
          // Another bot process answers first: it moves the flow to the next stage.
          this.raced = true;
          const current = (await this.get(key))!;
          await super.put(key, { ...current.value, token: current.value.token + 1 }, current.version);
        }
        return super.put(key, value, expected);
      }
    }
    const store = new RacingStore();
    const bot = newBot(store);
    await bot.handle({ conversation: 'c', text: pack.text('clock-skew', 'en').title });
    const out = await bot.handle({ conversation: 'c', text: 'yes' });
    expect(store.raced).toBe(true);
    expect(out.cards.at(-1)).toMatchObject({ kind: 'notice', title: pack.message('closing.title', 'en') });
    expect(await bot.feedback.list()).toHaveLength(1);
  });

  it('gives up with a StorageError rather than overwrite a state that keeps changing', async () => {
    const store: StateStore<ConversationState> = {
      get: async (): Promise<Versioned<ConversationState> | undefined> => undefined,
      put: async () => undefined,
    };
    await expect(newBot(store).handle({ conversation: 'c', text: 'hi' })).rejects.toThrow(StorageError);
  });

  it('greets in the installer language', () => {
    expect(newBot().welcome('zh-TW')).toMatchObject({
      kind: 'welcome',
      lang: 'zh-TW',
      title: pack.message('welcome.title', 'zh-TW'),
    });
    expect(newBot().welcome('fr-FR').lang).toBe('en');
  });
});
