/**
 * The Adaptive Card templates in `cards/`, expanded without `adaptivecards-templating` (whose
 * import alone took about 0.45 s and 28 MB at start: it brings a whole expression language).
 * This expands exactly the templating the cards use, with the same results (compared card by
 * card with the library in test/render/adaptive/template.test.ts):
 *
 * - `"${path}"` as a whole value gives the value itself (an object, a boolean, a number);
 *   inside a longer string, its text. A path is read from the current `$data` (`title`,
 *   `pin.label`), or is `$data`, `$index` or `$root`. A value that is not there stays as its
 *   binding (`"${title}"`), as the library leaves it.
 * - `$data` on an object repeats it for each item of an array (an empty array drops it), or
 *   makes an object the current data; `$when` drops the object when its condition is not true.
 * - Conditions and values: `'text'`, numbers, `==`, `!=`, `<`, `>`, `<=`, `>=`, `&&`, `||`,
 *   `!`, `+` (numbers) and `count(list)`.
 *
 * A template is compiled once, when the renderer is made; a binding outside this language is
 * an error then, naming the card file and the expression, never a card rendered wrong.
 */

type Scope = { data: unknown; root: unknown; index: number | undefined };
type Expr = (scope: Scope) => unknown;
/** An expanded node; DROP is an object left out (by `$when`, or `$data` bound to an empty list). */
type Node = (scope: Scope) => unknown;
const DROP = Symbol('drop');
/** An object repeated by `$data` over a list: its copies go into the parent list, in order. */
class Repeated {
  constructor(readonly items: unknown[]) {}
}

export class TemplateError extends Error {}

/** Compiles a template (the parsed JSON of a card file); `name` is for error messages. */
export function compileTemplate(template: unknown, name: string): (root: unknown) => unknown {
  const node = compileNode(template, name);
  return (root) => {
    const out = node({ data: root, root, index: undefined });
    if (out === DROP) return null;
    return out instanceof Repeated ? out.items : out;
  };
}

function compileNode(node: unknown, name: string): Node {
  if (Array.isArray(node)) {
    const items = node.map((n) => compileNode(n, name));
    return (scope) => {
      const out: unknown[] = [];
      for (const item of items) {
        const v = item(scope);
        if (v === DROP || v === null) continue;
        if (v instanceof Repeated) out.push(...v.items);
        else out.push(v);
      }
      return out;
    };
  }
  if (typeof node === 'string') return compileString(node, name);
  if (typeof node !== 'object' || node === null) return () => node;
  return compileObject(node as Record<string, unknown>, name);
}

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

function compileObject(node: Record<string, unknown>, name: string): Node {
  const when = node.$when === undefined ? undefined : compileCondition(node.$when, name);
  const data = node.$data === undefined ? undefined : compileNode(node.$data, name);
  const fields = Object.entries(node)
    .filter(([key]) => !RESERVED.has(key))
    .map(([key, value]) => [key, compileNode(value, name)] as const);
  const one = (scope: Scope) => {
    if (when && when(scope) !== true) return DROP;
    const out: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const v = field(scope);
      // As the library: a dropped object is null in its parent; one repeated several times, a list.
      out[key] = v === DROP ? null : v instanceof Repeated ? v.items : v;
    }
    return out;
  };
  if (!data) return one;
  return (scope) => {
    const bound = data(scope);
    if (!Array.isArray(bound)) return one(bound === undefined ? scope : { ...scope, data: bound });
    const items = bound.map((item, index) => one({ ...scope, data: item, index })).filter((v) => v !== DROP);
    return items.length === 0 ? DROP : items.length === 1 ? items[0] : new Repeated(items);
  };
}

/** `$when` must be one binding (a plain string would drop the object, as in the library). */
function compileCondition(when: unknown, name: string): Expr {
  const whole = typeof when === 'string' ? /^\$\{([^}]*)\}$/.exec(when) : null;
  if (!whole)
    throw new TemplateError(`${name}: "$when": ${JSON.stringify(when)} is not one \${...} condition.`);
  return parseExpression(whole[1]!, name, false);
}

function compileString(text: string, name: string): Node {
  if (!text.includes('${')) return () => text;
  const parts: (string | Expr)[] = [];
  let rest = text;
  for (let m = /\$\{([^}]*)\}/.exec(rest); m; m = /\$\{([^}]*)\}/.exec(rest)) {
    if (m.index > 0) parts.push(rest.slice(0, m.index));
    parts.push(parseExpression(m[1]!, name, true));
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) parts.push(rest);
  if (rest.includes('${')) throw new TemplateError(`${name}: an unclosed \${ in ${JSON.stringify(text)}.`);
  if (parts.length === 1 && typeof parts[0] === 'function') return parts[0];
  return (scope) => parts.map((p) => (typeof p === 'string' ? p : String(p(scope)))).join('');
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|'([^']*)'|(\$?[A-Za-z_][\w]*(?:\.\$?[A-Za-z_]\w*)*)|(==|!=|<=|>=|&&|\|\||[<>+!()]))/y;

/**
 * Parses one expression into a function of the scope. `substitute`: a path with no value
 * gives its binding text back (values and texts do; conditions get undefined, so not true).
 */
function parseExpression(source: string, name: string, substitute: boolean): Expr {
  const tokens: { kind: 'num' | 'str' | 'path' | 'op'; text: string }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length && source.slice(TOKEN.lastIndex).trim()) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new TemplateError(`${name}: cannot read \${${source}} at "${source.slice(at)}".`);
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'path', text: m[3] });
    else tokens.push({ kind: 'op', text: m[4]! });
  }
  let i = 0;
  const fail = (what: string): never => {
    throw new TemplateError(`${name}: ${what} in \${${source}}.`);
  };
  const peek = () => tokens[i];
  const takeOp = (...ops: string[]) => {
    const t = peek();
    if (t?.kind === 'op' && ops.includes(t.text)) return (i++, t.text);
    return undefined;
  };
  const binary =
    (next: () => Expr, ops: string[], apply: (op: string, a: unknown, b: unknown) => unknown) => () => {
      let left = next();
      for (let op = takeOp(...ops); op; op = takeOp(...ops)) {
        const [a, b, o] = [left, next(), op];
        left = (s) => apply(o, a(s), b(s));
      }
      return left;
    };
  const atom = (): Expr => {
    const t = tokens[i++] ?? fail('an expression is missing');
    if (t.kind === 'num') return () => Number(t.text);
    if (t.kind === 'str') return () => t.text;
    if (t.kind === 'op' && t.text === '(') {
      const inner = or();
      if (!takeOp(')')) fail('a ")" is missing');
      return inner;
    }
    if (t.kind === 'op' && t.text === '!') {
      const inner = atom();
      return (s) => !inner(s);
    }
    if (t.kind !== 'path') return fail(`"${t.text}" is not expected`);
    if (takeOp('(')) {
      if (t.text !== 'count') fail(`the function ${t.text}() is not supported (only count)`);
      const list = or();
      if (!takeOp(')')) fail('a ")" is missing');
      return (s) => {
        const v = list(s);
        return Array.isArray(v) || typeof v === 'string' ? v.length : 0;
      };
    }
    return readPath(t.text, substitute);
  };
  const add = binary(atom, ['+'], (_op, a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a + b : `${String(a)}${String(b)}`,
  );
  const compare = binary(add, ['==', '!=', '<', '>', '<=', '>='], (op, a, b) => {
    if (op === '==') return a === b;
    if (op === '!=') return a !== b;
    const [x, y] = [a as number, b as number];
    return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
  });
  const and = binary(compare, ['&&'], (_op, a, b) => a === true && b === true);
  const or = binary(and, ['||'], (_op, a, b) => a === true || b === true);
  const expr = or();
  if (i < tokens.length) fail(`"${tokens[i]!.text}" is not expected`);
  return expr;
}

/** A path read from the scope: `$data`, `$index`, `$root`, or fields of the current data. */
function readPath(path: string, substitute: boolean): Expr {
  const [head, ...rest] = path.split('.');
  const start: (s: Scope) => unknown =
    head === '$data'
      ? (s) => s.data
      : head === '$root'
        ? (s) => s.root
        : head === '$index'
          ? (s) => s.index
          : (s) => field(s.data, head!);
  return (s) => {
    let v = start(s);
    for (const key of rest) v = field(v, key);
    return v === undefined || v === null ? (substitute ? `\${${path}}` : undefined) : v;
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
