import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_MESSAGES, errorMessage } from '../../renderer/src/lib/i18n/error-messages.ts';

const SERVER = fileURLToPath(new URL('../../server/', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every code the server's sources can put in `{"error":{"code"}}`: the first argument of
 * `new KhiuError(...)`, `invalid(...)` and `conflict(...)` when it is written out, `not_found`
 * for `notFound(...)`, and, where the code is a variable, the literals of its `const code = ...`.
 */
function serverErrorCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const add = (code: string, file: string) => {
    if (!codes.has(code)) codes.set(code, file.slice(SERVER.length));
  };
  for (const file of sourcesUnder(SERVER)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:new KhiuError|invalid|conflict)\(\s*'([a-z0-9_]+)'/g))
      add(m[1]!, file);
    if (/\bnotFound\(/.test(text)) add('not_found', file);
    if (
      /\b(?:new KhiuError|invalid|conflict)\(\s*code\b/.test(text) &&
      !file.endsWith('errors.ts')
    ) {
      const assignment = /\bconst code\s*=([^;]+);/.exec(text);
      expect(assignment, `${file} builds an error from a variable code`).not.toBeNull();
      // The values it may take: a literal alone or a branch of a conditional, not a compared one.
      for (const m of assignment![1]!.matchAll(/(?:^|[?:])\s*'([a-z0-9_]+)'/g)) add(m[1]!, file);
    }
  }
  return codes;
}

describe('the error sentences', () => {
  it('has a Thai and an English sentence for every code the server can answer', () => {
    const codes = serverErrorCodes();
    // The scan itself must see the codes it is meant to: a broken scan would pass everything.
    for (const known of [
      'invalid_input',
      'not_found',
      'invalid_state',
      'ticket_not_finished',
      'storage_full',
    ])
      expect(codes.has(known), known).toBe(true);
    const missing = [...codes]
      .filter(([code]) => !errorMessage(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('says each sentence in Thai script and in English, without the raw code', () => {
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) {
      expect(text.th, code).toMatch(/[\u0E00-\u0E7F]/);
      expect(text.en.length, code).toBeGreaterThan(10);
      expect(text.en, code).not.toMatch(/[\u0E00-\u0E7F]/);
      expect(text.th, code).not.toContain(code);
      expect(text.en, code).not.toContain(code);
    }
  });

  it('knows the codes the screens make themselves, and no code it was not given', () => {
    expect(errorMessage('network')?.th).toContain('เครื่องแม่ข่าย');
    expect(errorMessage('constructor')).toBeUndefined();
    expect(errorMessage('http_502')).toBeUndefined();
  });
});
