/**
 * The platform-free core: knowledge, language, resolution. Adapters (Teams, Slack, the
 * terminal) build on what this module exports and nothing here imports a platform SDK.
 */
export { BotError, ErrorCode, InvalidInputError, MessageTooLongError } from './errors.js';
export { DEFAULT_LANG, LANGUAGES, type Lang, isLang, langFromLocale } from './i18n/languages.js';
export { ContentIssueCode, ContentValidationError, type ContentIssue } from './knowledge/errors.js';
export { loadKnowledgePack, projectRoot } from './knowledge/load.js';
export { KnowledgePack } from './knowledge/pack.js';
export type { TopicStructure, TopicText } from './knowledge/types.js';
export { Resolver, DEFAULT_SETTINGS, type ResolverSettings } from './resolver/resolver.js';
export type { Candidate, Resolution, ResolveOptions } from './resolver/types.js';
