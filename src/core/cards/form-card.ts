/** The escalation form: its fields labelled in the user's language, and the card that asks them. */
import type { Lang } from '../i18n/languages.js';
import type { KnowledgePack } from '../knowledge/pack.js';
import type { FormCard, FormField } from './model.js';

/** The escalation form's fields, labelled in `lang`. */
export function formFields(pack: KnowledgePack, lang: Lang): FormField[] {
  return pack.escalation.form.map((f) => {
    const base = `form.fields.${f.id}`;
    const placeholder = pack.i18n.exists(`${base}.placeholder`, { lng: lang, ns: 'common' })
      ? pack.message(`${base}.placeholder`, lang)
      : undefined;
    return {
      id: f.id,
      label: pack.message(`${base}.label`, lang),
      type: f.type,
      required: f.required,
      ...(f.maxLength ? { maxLength: f.maxLength } : {}),
      ...(placeholder ? { placeholder } : {}),
      ...(f.type === 'choice'
        ? {
            choices: (f.choices ?? []).map((c) => ({
              id: c,
              label: pack.message(`${base}.choices.${c}`, lang),
            })),
          }
        : {}),
    };
  });
}

export function formCard(
  pack: KnowledgePack,
  lang: Lang,
  token: string,
  current: number,
  problem?: string,
  values?: Record<string, string>,
): FormCard {
  const t = (key: string) => pack.message(key, lang);
  return {
    kind: 'form',
    lang,
    title: t('form.title'),
    intro: t('form.intro'),
    skipHint: t('form.skip'),
    fields: formFields(pack, lang),
    current,
    ...(problem ? { problem } : {}),
    ...(values && Object.keys(values).length ? { values } : {}),
    submit: t('form.submit'),
    open: t('form.open'),
    token,
    links: [],
    choices: [],
  };
}
