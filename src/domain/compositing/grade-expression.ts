// Grade expressions such as `Zn + Pb` or `Cu + 0.62 * Au`: a small parser (numbers, analyte codes,
// + - * /, parentheses) that compiles to closures, never to eval or Function, so user text cannot run code.
// Kept over a general expression library (jsep, expr-eval, filtrex, mathjs): the grammar is four operators
// and codes matched to the project's analytes (exact, else one case-insensitive match, quoted when odd),
// and the errors must point at the position and name the known analytes. A general evaluator brings
// functions, member access and assignment we would have to switch off, and the eval-like surface this
// parser avoids by construction (expr-eval's prototype-pollution and code-injection fixes; filtrex
// compiles to a Function, which our Content-Security-Policy refuses). Not benchmarked: parsing runs once
// per calculation, and evaluation is already allocation-free closures.

export interface GradeExpression {
  /** The text as the user typed it. */
  source: string;
  /** Canonical form with analyte codes spelled as in the project, e.g. `Cu + 0.62 * Au`. */
  text: string;
  /** Compact label for a report column, e.g. `Zn+Pb`. */
  label: string;
  /** Analyte codes used, spelled as in the project, in order of first use. */
  analytes: readonly string[];
  /**
   * True when the expression is affine in the analytes (no analyte times or divided by an analyte), so
   * the expression of weighted averages equals the weighted average of the expression.
   */
  linear: boolean;
  /** Evaluates with `values[i]` the value of `analytes[i]`. Allocation-free. */
  evaluate(values: ArrayLike<number>): number;
}

/** A refusal that says what is wrong, where (0-based `position` in the text), and what is allowed. */
export class GradeExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly known: readonly string[],
  ) {
    super(message);
    this.name = 'GradeExpressionError';
  }
}

type TokenKind = 'number' | 'name' | 'op' | '(' | ')' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  position: number;
  value: number;
}

type Node =
  | { kind: 'number'; value: number }
  | { kind: 'analyte'; slot: number }
  | { kind: 'negate'; operand: Node }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Node; right: Node };

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z][A-Za-z0-9_]*/;

function tokenize(text: string, known: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], position: i, value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], position: i, value: NaN });
      i += name[0].length;
      continue;
    }
    if (ch === '"') {
      // Quoted codes allow characters an operator would otherwise claim, e.g. "Au-FA".
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new GradeExpressionError(`Unclosed quote at character ${i + 1}.`, i, known);
      tokens.push({ kind: 'name', text: text.slice(i + 1, close), position: i, value: NaN });
      i = close + 1;
      continue;
    }
    if (ch === '+' || ch === '-' || ch === '*' || ch === '/') {
      tokens.push({ kind: 'op', text: ch, position: i, value: NaN });
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch, text: ch, position: i, value: NaN });
    } else {
      throw new GradeExpressionError(
        `Unexpected character "${ch}" at character ${i + 1}; use analyte codes, numbers, + - * / and parentheses.`,
        i,
        known,
      );
    }
    i++;
  }
  tokens.push({ kind: 'end', text: '', position: text.length, value: NaN });
  return tokens;
}

class Parser {
  private index = 0;
  readonly used: string[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly known: readonly string[],
  ) {}

  parse(): Node {
    if (this.peek().kind === 'end') {
      throw new GradeExpressionError(`The grade expression is empty; ${this.knownList()}.`, 0, this.known);
    }
    const node = this.sum();
    const next = this.peek();
    if (next.kind !== 'end') throw this.unexpected(next, 'an operator or the end');
    return node;
  }

  private sum(): Node {
    let node = this.product();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.index++;
      node = { kind: 'binary', op: t.text, left: node, right: this.product() };
    }
    return node;
  }

  private product(): Node {
    let node = this.unary();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.index++;
      node = { kind: 'binary', op: t.text, left: node, right: this.unary() };
    }
    return node;
  }

  private unary(): Node {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.index++;
      const operand = this.unary();
      return t.text === '-' ? { kind: 'negate', operand } : operand;
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.peek();
    this.index++;
    if (t.kind === 'number') return { kind: 'number', value: t.value };
    if (t.kind === 'name') return { kind: 'analyte', slot: this.slotFor(t) };
    if (t.kind === '(') {
      const inner = this.sum();
      const close = this.peek();
      if (close.kind !== ')')
        throw this.unexpected(close, '")" to close the "(" at character ' + (t.position + 1));
      this.index++;
      return inner;
    }
    throw this.unexpected(t, 'an analyte code, a number or "("');
  }

  private slotFor(t: Token): number {
    let code = this.known.find((k) => k === t.text);
    if (code === undefined) {
      // Lab files spell codes in any case (ZN, Zn); accept that when it is not ambiguous.
      const lower = t.text.toLowerCase();
      const matches = this.known.filter((k) => k.toLowerCase() === lower);
      if (matches.length > 1) {
        throw new GradeExpressionError(
          `"${t.text}" at character ${t.position + 1} matches several analytes (${matches.join(', ')}); spell it exactly.`,
          t.position,
          this.known,
        );
      }
      code = matches[0];
    }
    if (code === undefined) {
      throw new GradeExpressionError(
        `Unknown analyte "${t.text}" at character ${t.position + 1}; ${this.knownList()}.`,
        t.position,
        this.known,
      );
    }
    const slot = this.used.indexOf(code);
    if (slot >= 0) return slot;
    this.used.push(code);
    return this.used.length - 1;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private unexpected(t: Token, expected: string): GradeExpressionError {
    const found = t.kind === 'end' ? 'the end of the expression' : `"${t.text}"`;
    return new GradeExpressionError(
      `Expected ${expected} at character ${t.position + 1} but found ${found}.`,
      t.position,
      this.known,
    );
  }

  private knownList(): string {
    return this.known.length === 0
      ? 'the project has no analytes yet'
      : `known analytes: ${[...this.known].sort().join(', ')}`;
  }
}

type Evaluator = (values: ArrayLike<number>) => number;

function compile(node: Node): Evaluator {
  switch (node.kind) {
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'analyte': {
      const slot = node.slot;
      return (v) => v[slot]!;
    }
    case 'negate': {
      const operand = compile(node.operand);
      return (v) => -operand(v);
    }
    case 'binary': {
      const l = compile(node.left);
      const r = compile(node.right);
      switch (node.op) {
        case '+':
          return (v) => l(v) + r(v);
        case '-':
          return (v) => l(v) - r(v);
        case '*':
          return (v) => l(v) * r(v);
        case '/':
          return (v) => l(v) / r(v);
      }
    }
  }
}

function hasAnalyte(node: Node): boolean {
  switch (node.kind) {
    case 'number':
      return false;
    case 'analyte':
      return true;
    case 'negate':
      return hasAnalyte(node.operand);
    case 'binary':
      return hasAnalyte(node.left) || hasAnalyte(node.right);
  }
}

function isLinear(node: Node): boolean {
  switch (node.kind) {
    case 'number':
    case 'analyte':
      return true;
    case 'negate':
      return isLinear(node.operand);
    case 'binary':
      if (!isLinear(node.left) || !isLinear(node.right)) return false;
      if (node.op === '*') return !(hasAnalyte(node.left) && hasAnalyte(node.right));
      if (node.op === '/') return !hasAnalyte(node.right);
      return true;
  }
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

function render(node: Node, names: readonly string[], spaced: boolean): string {
  const quote = (code: string) => (NAME.exec(code)?.[0] === code ? code : `"${code}"`);
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'analyte':
      return quote(names[node.slot]!);
    case 'negate': {
      const inner = render(node.operand, names, spaced);
      return node.operand.kind === 'binary' ? `-(${inner})` : `-${inner}`;
    }
    case 'binary': {
      const p = PRECEDENCE[node.op];
      const wrap = (child: Node, right: boolean) => {
        const text = render(child, names, spaced);
        if (child.kind !== 'binary') return text;
        const cp = PRECEDENCE[child.op];
        // Parentheses only where dropping them would change the value.
        const needs = cp < p || (right && cp === p && (node.op === '-' || node.op === '/'));
        return needs ? `(${text})` : text;
      };
      const op = spaced ? ` ${node.op} ` : node.op;
      return `${wrap(node.left, false)}${op}${wrap(node.right, true)}`;
    }
  }
}

/**
 * Parses `text` against the project's analyte codes. Exact spelling wins; otherwise a code matching
 * without regard to case is accepted when only one does. Throws GradeExpressionError.
 */
export function parseGradeExpression(text: string, knownAnalytes: readonly string[]): GradeExpression {
  const parser = new Parser(tokenize(text, knownAnalytes), knownAnalytes);
  const root = parser.parse();
  const analytes = [...parser.used];
  const evaluate = compile(root);
  return {
    source: text,
    text: render(root, analytes, true),
    label: render(root, analytes, false),
    analytes,
    linear: isLinear(root),
    evaluate,
  };
}
