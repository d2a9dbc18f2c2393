/**
 * APL data binding for the tests: `${…}` expressions as the APL spec defines them, for the subset the
 * Calf Coach documents use (literals, data paths, `@resources`, `! - * / % + - < <= > >= == != && ||`,
 * `?:`, parentheses). Anything else is an error, so a document can't quietly use what the tests can't read.
 */

export type Value =
  string | number | boolean | null | undefined | readonly Value[] | { [key: string]: Value };

export interface Scope {
  /** Names in the data-binding context: `payload`, layout parameters, `viewport`… */
  readonly data: Readonly<Record<string, Value>>;
  /** `@name` resources. */
  readonly resources: Readonly<Record<string, Value>>;
}

type Token =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'id'; value: string }
  | { kind: 'res'; value: string }
  | { kind: 'op'; value: string };

const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '?',
  ':',
  '(',
  ')',
  '.',
  '[',
  ']',
];

const tokenized = new Map<string, Token[]>();

function tokenize(source: string): Token[] {
  const known = tokenized.get(source);
  if (known) return known;
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i));
      tokens.push({ kind: 'num', value: Number(m?.[0]) });
      i += m?.[0].length ?? 1;
    } else if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unterminated string in ${source}`);
      tokens.push({ kind: 'str', value: source.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '@' || /[A-Za-z_]/.test(c)) {
      const m = /^@?[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
      const word = m?.[0] ?? c;
      tokens.push(word.startsWith('@') ? { kind: 'res', value: word.slice(1) } : { kind: 'id', value: word });
      i += word.length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new Error(`unexpected "${c}" in ${source}`);
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  tokenized.set(source, tokens);
  return tokens;
}

/** A value as text, the way APL writes it into a string. */
export function asText(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const truthy = (v: Value): boolean => v !== '' && v !== 0 && v !== false && v !== null && v !== undefined;

function num(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?[0-9.]+(dp)?$/.test(v)) return parseFloat(v);
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}

/** Evaluates one expression (the text between `${` and `}`). */
export function evaluate(source: string, scope: Scope): Value {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (value: string): boolean => {
    const t = peek();
    return t?.kind === 'op' && t.value === value;
  };
  const expect = (value: string): void => {
    if (!isOp(value)) throw new Error(`expected "${value}" in ${source}`);
    at++;
  };

  function primary(): Value {
    const t = tokens[at++];
    if (!t) throw new Error(`unexpected end of ${source}`);
    if (t.kind === 'num' || t.kind === 'str') return t.value;
    if (t.kind === 'res') {
      if (!(t.value in scope.resources)) throw new Error(`unknown resource @${t.value}`);
      return scope.resources[t.value];
    }
    if (t.kind === 'id') {
      if (t.value === 'true') return true;
      if (t.value === 'false') return false;
      if (t.value === 'null') return null;
      return scope.data[t.value];
    }
    if (t.value === '(') {
      const v = ternary();
      expect(')');
      return v;
    }
    throw new Error(`unexpected "${t.value}" in ${source}`);
  }

  function postfix(): Value {
    let v = primary();
    for (;;) {
      if (isOp('.')) {
        at++;
        const name = tokens[at++];
        if (name?.kind !== 'id') throw new Error(`expected a name after "." in ${source}`);
        v = member(v, name.value);
      } else if (isOp('[')) {
        at++;
        const key = ternary();
        expect(']');
        v = member(v, key);
      } else return v;
    }
  }

  function member(v: Value, key: Value): Value {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    if (Array.isArray(v))
      return typeof key === 'number' ? (v as Value[])[key] : key === 'length' ? v.length : undefined;
    return (v as Record<string, Value>)[asText(key)];
  }

  function unary(): Value {
    if (isOp('!')) {
      at++;
      return !truthy(unary());
    }
    if (isOp('-')) {
      at++;
      return -num(unary());
    }
    return postfix();
  }

  function binary(
    next: () => Value,
    ops: readonly string[],
    apply: (op: string, a: Value, b: Value) => Value,
  ) {
    return (): Value => {
      let v = next();
      for (;;) {
        const t = peek();
        if (t?.kind !== 'op' || !ops.includes(t.value)) return v;
        at++;
        v = apply(t.value, v, next());
      }
    };
  }

  const mul = binary(unary, ['*', '/', '%'], (op, a, b) =>
    op === '*' ? num(a) * num(b) : op === '/' ? num(a) / num(b) : num(a) % num(b),
  );
  const add = binary(mul, ['+', '-'], (op, a, b) =>
    op === '-'
      ? num(a) - num(b)
      : typeof a === 'number' && typeof b === 'number'
        ? a + b
        : `${asText(a)}${asText(b)}`,
  );
  const rel = binary(add, ['<', '<=', '>', '>='], (op, a, b) => {
    const x = num(a);
    const y = num(b);
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  });
  const eq = binary(rel, ['==', '!='], (op, a, b) => (op === '==' ? a === b : a !== b));
  const and = (): Value => {
    let v = eq();
    while (isOp('&&')) {
      at++;
      const right = eq();
      v = truthy(v) ? right : v;
    }
    return v;
  };
  const or = (): Value => {
    let v = and();
    while (isOp('||')) {
      at++;
      const right = and();
      v = truthy(v) ? v : right;
    }
    return v;
  };
  function ternary(): Value {
    const test = or();
    if (!isOp('?')) return test;
    at++;
    const yes = ternary();
    expect(':');
    const no = ternary();
    return truthy(test) ? yes : no;
  }

  const value = ternary();
  if (at !== tokens.length) throw new Error(`unexpected "${String(peek()?.value)}" in ${source}`);
  return value;
}

/**
 * A property value with its `${…}` bound: a string that is one expression gives that expression's value
 * (a number stays a number); text around expressions gives a string; `@name` alone is a resource.
 */
export function bind(value: unknown, scope: Scope): Value {
  if (typeof value !== 'string') {
    if (Array.isArray(value)) return value.map((v) => bind(v, scope));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bind(v, scope)]));
    return value as Value;
  }
  if (/^@[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return evaluate(value, scope);
  const whole = /^\$\{([^}]*)\}$/.exec(value);
  if (whole) return evaluate(whole[1] ?? '', scope);
  return value.replace(/\$\{([^}]*)\}/g, (_m, expr: string) => asText(evaluate(expr, scope)));
}

export const isTruthy = truthy;
