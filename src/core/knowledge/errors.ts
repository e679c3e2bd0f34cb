/**
 * Content problems found when the knowledge pack loads. Each names the file and the key, so
 * a content author can fix it without reading code.
 */
import { BotError, ErrorCode } from '../errors.js';

export enum ContentIssueCode {
  MalformedJson = 'malformed_json',
  MissingFile = 'missing_file',
  InvalidStructure = 'invalid_structure',
  MissingTranslation = 'missing_translation',
  UnexpectedKey = 'unexpected_key',
  EmptyText = 'empty_text',
  StepCountMismatch = 'step_count_mismatch',
  UnknownTopic = 'unknown_topic',
  MalformedLink = 'malformed_link',
  MissingFact = 'missing_fact',
  FactMismatch = 'fact_mismatch',
  MissingCitation = 'missing_citation',
}

export interface ContentIssue {
  code: ContentIssueCode;
  file: string;
  key: string;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}: ${issue.key}: ${issue.message} [${issue.code}]`;
}

export class ContentValidationError extends BotError {
  readonly code = ErrorCode.ContentInvalid;
  constructor(readonly issues: ContentIssue[]) {
    super(
      `The knowledge pack has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'ContentValidationError';
  }
}
