// Line numbers for policy errors (docs/design.md §8: "line-numbered parse errors", as sigsum-go's
// pkg/policy/config.go does). JSON.parse forgets where values were, so when a check fails, one
// scan of the text along the JSON path that the check prints finds the line of the key or
// value (jsonLines); nothing is computed while the document is valid. It only has to be right
// for well-formed JSON: the text has already passed parseStrictJson, which reports malformed
// input with an offset.

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
 * The lines of keys and values in well-formed JSON `text`, down to `maxDepth` levels (the
 * policy's deepest checked path is five deep, `fallback.countersigners[0].log.origin`, so
 * parsePolicy asks for 5; a deeper path names its ancestor's line). Nothing is computed up
 * front: each call walks the text once, from the start, along the path (linear in the text),
 * and only an error message asks. An index keyed by path strings, built before any check, was
 * quadratic for keys past 16 383 characters, which V8 hashes by length alone (issue 13 F2).
 */
export function jsonLines(text: string, maxDepth = 3): JsonLines {
  const locate = (path: string): { value: number; key: number | undefined } => {
    const segments = pathSegments(path);
    let pos = skipWs(text, 0);
    let key: number | undefined;
    let depth = 0;
    for (const segment of segments.slice(0, maxDepth)) {
      const found = typeof segment === 'number' ? element(text, pos, segment) : member(text, pos, segment);
      if (!found) break;
      pos = found.value;
      key = found.key;
      depth++;
    }
    // The key's line only for the whole path (an unknown field), within the depth.
    return { value: pos, key: depth === segments.length ? key : undefined };
  };
  return {
    valueLine: (path) => lineAt(text, locate(path).value),
    keyLine: (path) => {
      const at = locate(path);
      return lineAt(text, at.key ?? at.value);
    },
  };
}

/** The segments of a path printed by childPath: names, indices and quoted names; stops at anything else. */
function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const token = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  for (let m = token.exec(path); m; m = token.exec(path)) {
    segments.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3] as string) as string)));
    if (token.lastIndex === path.length) break;
  }
  return segments;
}

/** In the object at `pos`: the offsets of the member `name`'s key and value, if present. */
function member(text: string, pos: number, name: string): { value: number; key: number } | undefined {
  if (text[pos] !== '{') return undefined;
  let p = skipWs(text, pos + 1);
  while (text[p] === '"') {
    const key = p;
    const end = skipString(text, p);
    const raw = text.slice(key, end);
    p = skipWs(text, skipWs(text, end) + 1); // past ':'
    if ((raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1)) === name) return { value: p, key };
    p = next(text, p);
  }
  return undefined;
}

/** In the array at `pos`: the offset of element `index`, if present. */
function element(text: string, pos: number, index: number): { value: number; key: undefined } | undefined {
  if (text[pos] !== '[') return undefined;
  let p = skipWs(text, pos + 1);
  for (let i = 0; p < text.length && text[p] !== ']'; i++) {
    if (i === index) return { value: p, key: undefined };
    p = next(text, p);
  }
  return undefined;
}

/** Past the value at `p` and the ',' after it, at the next member or element (or the closing bracket). */
function next(text: string, p: number): number {
  const after = skipWs(text, skipValue(text, p));
  return text[after] === ',' ? skipWs(text, after + 1) : after;
}

function skipWs(text: string, p: number): number {
  let i = p;
  while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  return i;
}

/** Past the string token at `p` (well-formed JSON: it ends). */
function skipString(text: string, p: number): number {
  let i = p + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Past the value at `p`: a string, a whole object or array (strings inside skipped as tokens), or a scalar. */
function skipValue(text: string, p: number): number {
  const c = text[p];
  if (c === '"') return skipString(text, p);
  if (c === '{' || c === '[') {
    let depth = 0;
    let i = p;
    while (i < text.length) {
      const d = text[i];
      if (d === '"') {
        i = skipString(text, i);
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') depth--;
      i++;
      if (depth === 0) return i;
    }
    return i;
  }
  let i = p;
  while (i < text.length && !',]} \t\r\n'.includes(text[i] as string)) i++;
  return i;
}
