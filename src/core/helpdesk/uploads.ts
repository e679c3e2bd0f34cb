/**
 * The rules a file sent for a ticket must meet (type, size, how many), checked before it is
 * stored. Files are kept as bytes, never opened, run or rendered.
 */
import type { NewFile } from './types.js';

export interface UploadRules {
  maxFiles: number;
  maxBytes: number;
  extensions: string[];
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The name a file is kept under: no path separators or NUL, at most 200 characters. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/\0]/g, '_').slice(0, 200);
}

/** Why a file (under its safe `name`) cannot be added to a ticket holding `held` files, if it cannot. */
export function uploadRefusal(
  rules: UploadRules,
  name: string,
  file: NewFile,
  held: number,
): 'type' | 'tooBig' | 'tooMany' | undefined {
  const extension = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (!rules.extensions.includes(extension)) return 'type';
  if (file.content.length > rules.maxBytes) return 'tooBig';
  if (held >= rules.maxFiles) return 'tooMany';
  return undefined;
}
