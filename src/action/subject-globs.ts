// `subject-path`: what the statement covers, one pattern per line, relative to the workspace
// (like actions/attest's subject-path). A line without glob characters names a file or a
// directory (a directory is walked, as `countersign build DIR` does); a glob pattern
// (node:fs glob: *, **, ?, [...], {a,b}) adds the regular files and symbolic links it matches
// (directories it matches are not walked, so `dist/**` does not list a file twice); a line
// starting with `!` removes what it matches from the glob results. Fail closed: a line that
// matches nothing is an error, never a silently smaller release.
import { glob, lstat } from 'node:fs/promises';
import { matchesGlob } from 'node:path';
import { InputError } from '../lib/basics/errors/errors.ts';

/** At most this many lines and this many paths (the statement's own subject cap applies after). */
export const MAX_SUBJECT_PATTERNS = 1000;
export const MAX_GLOB_MATCHES = 100_000;

const GLOB_CHARACTERS = /[*?[\]{}]/;

/** The paths (relative to `cwd`) to hand to collectSubjects, sorted and without duplicates. */
export async function expandSubjectPaths(lines: string[], cwd: string, input = 'subject-path'): Promise<string[]> {
  if (lines.length > MAX_SUBJECT_PATTERNS)
    throw new InputError(
      'subject-too-many',
      `input ${input}: at most ${MAX_SUBJECT_PATTERNS} lines, found ${lines.length}`,
    );
  const includes = lines.filter((l) => !l.startsWith('!'));
  const excludes = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
  if (includes.length === 0)
    throw new InputError(
      'subject-empty',
      `input ${input}: expected at least one path or glob pattern, found ${lines.length === 0 ? 'nothing' : 'only exclusions'}`,
    );
  const excluded = (path: string) => excludes.some((pattern) => matchesGlob(path, pattern));

  const found = new Set<string>();
  for (const line of includes) {
    if (!GLOB_CHARACTERS.test(line)) {
      await lstat(`${cwd}/${line}`).catch(() => {
        throw new InputError(
          'subject-path-invalid',
          `input ${input}: ${JSON.stringify(line)} matched no file (no such file or directory in ${cwd})`,
        );
      });
      found.add(line);
      continue;
    }
    let matched = 0;
    for await (const entry of glob(line, { cwd, withFileTypes: true })) {
      if (entry.isDirectory()) continue;
      const path = relativeName(entry.parentPath, entry.name, cwd);
      matched++;
      if (excluded(path)) continue;
      found.add(path);
      if (found.size > MAX_GLOB_MATCHES)
        throw new InputError('subject-too-many', `input ${input}: more than ${MAX_GLOB_MATCHES} files`);
    }
    if (matched === 0)
      throw new InputError(
        'subject-path-invalid',
        `input ${input}: the pattern ${JSON.stringify(line)} matched no file in ${cwd}`,
      );
  }
  if (found.size === 0)
    throw new InputError('subject-empty', `input ${input}: every matched file was excluded by a "!" line`);
  return [...found].sort();
}

function relativeName(parent: string, name: string, cwd: string): string {
  const full = `${parent}/${name}`;
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return full.startsWith(prefix) ? full.slice(prefix.length) : full;
}
