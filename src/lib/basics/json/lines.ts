// Line numbers for policy errors (docs/design.md §8: "line-numbered parse errors", as sigsum-go's
// pkg/policy/config.go does). JSON.parse forgets where values were, so one extra scan of the
// text records the line of every key and value down to a small depth, keyed by the same JSON
// path strings that the checks print. It only has to be right for well-formed JSON: the text
// has already passed parseStrictJson, which reports malformed input with an offset.

export interface JsonLines {
  /** The line (1-based) of the value at `path`, or of its nearest recorded ancestor. */
  valueLine(path: string): number;
  /** The line of the key that names `path` (for an unknown field), else as valueLine. */
  keyLine(path: string): number;
}

/** Paths are printed as `countersigners[0].keyId`; keys that are not identifiers as `a["b c"]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return parent === '' || name.startsWith('[') ? `${parent}${name}` : `${parent}.${name}`;
}

/** The 1-based line of a UTF-16 offset into `text` (LF, CRLF and lone CR all end a line). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}

/**
 * Indexes the lines of keys and values in well-formed JSON `text`, down to `maxDepth` levels
 * (the policy's deepest checked path is five deep, `fallback.countersigners[0].log.origin`,
 * so parsePolicy asks for 5; the embedded trusted root is not indexed beyond that, which keeps
 * the index small for any input under the size cap).
 */
export function indexJsonLines(text: string, maxDepth = 3): JsonLines {
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  let pos = 0;
  let line = 1;

  const advance = (to: number): void => {
    for (; pos < to; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(pos + 1) !== 0x0a)) line++;
    }
  };
  const ws = (): void => {
    let end = pos;
    while (end < text.length && ' \t\r\n'.includes(text[end] as string)) end++;
    advance(end);
  };
  const string = (): string => {
    // Strings cannot contain raw newlines in valid JSON, so the line does not change here.
    let end = pos + 1;
    while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    const raw = text.slice(pos, end + 1);
    pos = end + 1;
    return JSON.parse(raw) as string;
  };
  const scalar = (): void => {
    let end = pos;
    while (end < text.length && !',]}'.includes(text[end] as string) && !' \t\r\n'.includes(text[end] as string)) end++;
    pos = end;
  };
  const value = (path: string, depth: number): void => {
    if (depth <= maxDepth) values.set(path, line);
    const c = text[pos];
    if (c === '{') {
      pos++;
      ws();
      while (text[pos] !== '}') {
        const key = string();
        const child = childPath(path, key);
        if (depth + 1 <= maxDepth) keys.set(child, line);
        ws();
        pos++; // ':'
        ws();
        value(child, depth + 1);
        ws();
        if (text[pos] === ',') pos++;
        ws();
      }
      pos++;
    } else if (c === '[') {
      pos++;
      ws();
      for (let i = 0; text[pos] !== ']'; i++) {
        value(childPath(path, i), depth + 1);
        ws();
        if (text[pos] === ',') pos++;
        ws();
      }
      pos++;
    } else if (c === '"') {
      string();
    } else {
      scalar();
    }
  };

  ws();
  if (pos < text.length) value('', 0);

  const nearest = (path: string): number => {
    for (let p = path; ; p = parentOf(p)) {
      const found = values.get(p);
      if (found !== undefined) return found;
      if (p === '') return 1;
    }
  };
  return {
    valueLine: nearest,
    keyLine: (path) => keys.get(path) ?? nearest(path),
  };
}

/** The parent of a path printed by childPath: drops the last `.name`, `[n]` or `["key"]`. */
function parentOf(path: string): string {
  const m = /(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])$/.exec(path);
  if (m) return path.slice(0, m.index);
  return '';
}
