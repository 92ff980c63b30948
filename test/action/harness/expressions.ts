// GitHub Actions expressions (`${{ ... }}`), the part the repository's action.yml files use:
// contexts (inputs.*, steps.<id>.outputs.*, github.*, env.*, runner.*), string/number/boolean
// literals, ==, != (strings compared case-insensitively, as the runner does), !, &&, || (which
// return an operand, so `a || b` picks the first truthy value), parentheses, and the status
// functions success(), failure(), always(). Anything else throws: the harness must not
// silently evaluate what it does not understand.
// Reference: https://docs.github.com/en/actions/reference/evaluate-expressions-in-workflows-and-actions
export type Value = string | number | boolean | null;
export interface ExpressionContext {
  lookup(path: string[]): Value;
  /** Whether an earlier step of this composite failed (for success()/failure()). */
  failed: boolean;
}

type Token = { t: 'str' | 'num' | 'id' | 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`expression: unterminated string in ${src}`);
        if (src[i] === "'" && src[i + 1] === "'") {
          s += "'";
          i += 2;
          continue;
        }
        if (src[i] === "'") {
          i++;
          break;
        }
        s += src.charAt(i++);
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '&&', '||'].includes(two)) {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('!().,'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    throw new Error(`expression: unsupported character ${JSON.stringify(c)} in ${src}`);
  }
  return out;
}

export function truthy(v: Value): boolean {
  return !(v === false || v === null || v === '' || v === 0);
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  // Mixed types coerce to numbers (the documented rule); only what the actions need.
  const n = (v: Value) => (v === null ? 0 : typeof v === 'boolean' ? Number(v) : v === '' ? 0 : Number(v));
  return n(a) === n(b);
}

export function evaluate(src: string, ctx: ExpressionContext): Value {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (v?: string) => {
    const tok = tokens[pos++];
    if (!tok || (v !== undefined && tok.v !== v)) throw new Error(`expression: expected ${v ?? 'more'} in ${src}`);
    return tok;
  };
  const or = (): Value => {
    let left = and();
    while (peek()?.v === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): Value => {
    let left = cmp();
    while (peek()?.v === '&&') {
      take();
      const right = cmp();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const cmp = (): Value => {
    let left = unary();
    while (peek()?.v === '==' || peek()?.v === '!=') {
      const op = take().v;
      const right = unary();
      left = op === '==' ? equal(left, right) : !equal(left, right);
    }
    return left;
  };
  const unary = (): Value => {
    if (peek()?.v === '!') {
      take();
      return !truthy(unary());
    }
    return primary();
  };
  const primary = (): Value => {
    const tok = take();
    if (tok.t === 'str') return tok.v;
    if (tok.t === 'num') return Number(tok.v);
    if (tok.v === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (tok.t !== 'id') throw new Error(`expression: unexpected ${tok.v} in ${src}`);
    if (tok.v === 'true') return true;
    if (tok.v === 'false') return false;
    if (tok.v === 'null') return null;
    if (peek()?.v === '(') {
      take('(');
      take(')');
      if (tok.v === 'success') return !ctx.failed;
      if (tok.v === 'failure') return ctx.failed;
      if (tok.v === 'always') return true;
      throw new Error(`expression: unsupported function ${tok.v}() in ${src}`);
    }
    const path = [tok.v];
    while (peek()?.v === '.') {
      take();
      path.push(take().v);
    }
    return ctx.lookup(path);
  };
  const value = or();
  if (pos !== tokens.length) throw new Error(`expression: unexpected ${tokens[pos]!.v} in ${src}`);
  return value;
}

export function toText(v: Value): string {
  return v === null ? '' : String(v);
}

/** Replaces every `${{ expr }}` in a string (the runner's template substitution). */
export function substitute(template: string, ctx: ExpressionContext): string {
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => toText(evaluate(expr, ctx)));
}

/** A step's `if:`: an expression with or without `${{ }}`, implicitly `success() && (...)`. */
export function evaluateIf(condition: string | undefined, ctx: ExpressionContext): boolean {
  if (condition === undefined || condition.trim() === '') return !ctx.failed;
  const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(condition);
  const expr = m ? m[1]! : condition;
  const usesStatus = /\b(success|failure|always|cancelled)\s*\(/.test(expr);
  return usesStatus ? truthy(evaluate(expr, ctx)) : !ctx.failed && truthy(evaluate(expr, ctx));
}
