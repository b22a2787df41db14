/**
 * XLSForm expressions (XPath 1.0 with `${name}` references and ODK functions, see
 * https://xlsform.org/en/#formulas and https://getodk.github.io/xforms-spec/#xpath-functions)
 * rewritten as SurveyJS expressions
 * (https://surveyjs.io/form-library/documentation/design-survey/conditional-logic#expressions).
 *
 * Only what means the same in both is translated. Everything else — paths, predicates, repeats,
 * and functions without a SurveyJS equivalent such as concat(), pulldata(), regex(), jr:choice-name()
 * — is refused with the reason, so the importer can keep the question, drop the expression and
 * say exactly what was lost rather than guess.
 */

/** What a `${name}` stands for in the converted form. */
export type ReferenceKind = 'single' | 'multiple' | 'boolean' | 'value' | 'unconverted';

export type ExpressionContext = {
  /** The question whose value `.` means (a constraint's own question); null where `.` has no meaning. */
  self: string | null;
  /** The kind of each name of the form; undefined for a name the form does not have. */
  kindOf: (name: string) => ReferenceKind | undefined;
};

export type TranslatedExpression =
  | { ok: true; expression: string }
  /**
   * `unsupported`: valid XLSForm that SurveyJS cannot express (detail names the part);
   * `unknown_reference`: `${name}` of no element of the form (detail: the name);
   * `syntax`: not an expression (detail: where it stopped).
   */
  | { ok: false; problem: 'unsupported' | 'unknown_reference' | 'syntax'; detail: string };

type Node =
  | { k: 'binary'; op: string; left: Node; right: Node }
  | { k: 'negate'; operand: Node }
  | { k: 'number'; text: string }
  | { k: 'string'; value: string }
  | { k: 'ref'; name: string }
  | { k: 'self' }
  | { k: 'call'; name: string; args: Node[] };

class Refusal extends Error {
  constructor(
    readonly problem: 'unsupported' | 'unknown_reference' | 'syntax',
    readonly detail: string,
  ) {
    super(detail);
  }
}

type Token =
  | { t: 'ref'; name: string }
  | { t: 'self' }
  | { t: 'number'; text: string }
  | { t: 'string'; value: string }
  | { t: 'name'; name: string }
  | { t: 'op'; op: string };

const NAME = /^[\p{L}_][\p{L}\p{N}_.:-]*/u;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '$' && source[i + 1] === '{') {
      const end = source.indexOf('}', i);
      if (end < 0) throw new Refusal('syntax', source.slice(i));
      tokens.push({ t: 'ref', name: source.slice(i + 2, end).trim() });
      i = end + 1;
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)/.exec(source.slice(i));
    if (number) {
      tokens.push({ t: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    if (c === '.') {
      // `..` and `./x` are paths into the XML instance, which a SurveyJS form does not have.
      if (source[i + 1] === '.' || source[i + 1] === '/') throw new Refusal('unsupported', source.slice(i, i + 2));
      tokens.push({ t: 'self' });
      i += 1;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new Refusal('syntax', source.slice(i));
      tokens.push({ t: 'string', value: source.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ t: 'op', op: two });
      i += 2;
      continue;
    }
    if ('=<>+-*(),'.includes(c)) {
      tokens.push({ t: 'op', op: c });
      i += 1;
      continue;
    }
    if ('/[]@|'.includes(c)) throw new Refusal('unsupported', `${c} (XPath path or predicate)`);
    const name = NAME.exec(source.slice(i));
    if (name) {
      tokens.push({ t: 'name', name: name[0] });
      i += name[0].length;
      continue;
    }
    throw new Refusal('syntax', source.slice(i));
  }
  return tokens;
}

/** Recursive descent over XPath's precedence: or < and < = != < comparisons < + − < * div mod < unary. */
function parse(source: string): Node {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (op: string) => {
    const token = peek();
    return (token?.t === 'op' && token.op === op) || (token?.t === 'name' && token.name === op);
  };
  const expect = (op: string) => {
    if (!isOp(op)) throw new Refusal('syntax', `expected ${op}`);
    at += 1;
  };
  const level = (ops: readonly string[], next: () => Node) => (): Node => {
    let left = next();
    for (;;) {
      const op = ops.find(isOp);
      if (!op) return left;
      at += 1;
      left = { k: 'binary', op, left, right: next() };
    }
  };
  const unary = (): Node => {
    if (isOp('-')) {
      at += 1;
      return { k: 'negate', operand: unary() };
    }
    return primary();
  };
  const multiplicative = level(['*', 'div', 'mod'], unary);
  const additive = level(['+', '-'], multiplicative);
  const relational = level(['<=', '>=', '<', '>'], additive);
  const equality = level(['=', '!='], relational);
  const and = level(['and'], equality);
  const or = level(['or'], and);
  function primary(): Node {
    const token = tokens[at];
    if (!token) throw new Refusal('syntax', 'unexpected end');
    at += 1;
    switch (token.t) {
      case 'ref':
        return { k: 'ref', name: token.name };
      case 'self':
        return { k: 'self' };
      case 'number':
        return { k: 'number', text: token.text };
      case 'string':
        return { k: 'string', value: token.value };
      case 'op':
        if (token.op === '(') {
          const inner = or();
          expect(')');
          return inner;
        }
        throw new Refusal('syntax', token.op);
      case 'name': {
        if (!isOp('(')) throw new Refusal('unsupported', token.name);
        at += 1;
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(or());
          while (isOp(',')) {
            at += 1;
            args.push(or());
          }
        }
        expect(')');
        return { k: 'call', name: token.name, args };
      }
    }
  }
  const tree = or();
  if (at < tokens.length) throw new Refusal('syntax', 'trailing text');
  return tree;
}

// SurveyJS binds operators in the same order as XPath; `contains`, `empty` sit with the comparisons.
const PRECEDENCE: Record<string, number> = { or: 1, and: 2, '=': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '*': 5, div: 5, mod: 5 };
const ATOM = 9;
const SURVEYJS_OP: Record<string, string> = { div: '/', mod: '%' };

type Emitted = { text: string; precedence: number };

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const wrap = (e: Emitted, min: number) => (e.precedence >= min ? e.text : `(${e.text})`);
const isEmptyString = (node: Node) => node.k === 'string' && node.value === '';

function emit(node: Node, context: ExpressionContext): Emitted {
  const reference = (name: string): string => {
    const kind = context.kindOf(name);
    if (kind === undefined) throw new Refusal('unknown_reference', name);
    if (kind === 'unconverted') throw new Refusal('unsupported', `\${${name}} (not converted)`);
    return `{${name}}`;
  };
  const kindOfValue = (arg: Node | undefined): ReferenceKind | undefined => {
    if (arg?.k === 'ref') return context.kindOf(arg.name);
    if (arg?.k === 'self' && context.self !== null) return context.kindOf(context.self);
    return undefined;
  };
  const atom = (arg: Node | undefined): string => {
    if (!arg) throw new Refusal('syntax', 'missing argument');
    return wrap(emit(arg, context), ATOM);
  };

  switch (node.k) {
    case 'number':
      return { text: node.text, precedence: ATOM };
    case 'string':
      return { text: quote(node.value), precedence: ATOM };
    case 'ref':
      return { text: reference(node.name), precedence: ATOM };
    case 'self':
      if (context.self === null) throw new Refusal('unsupported', '. (no question here)');
      return { text: reference(context.self), precedence: ATOM };
    case 'negate':
      // SurveyJS has no unary minus on a variable.
      return { text: `0 - ${wrap(emit(node.operand, context), ATOM)}`, precedence: PRECEDENCE['-']! };
    case 'binary': {
      const precedence = PRECEDENCE[node.op]!;
      // `${q} = ''` asks whether q was answered; SurveyJS says that with `empty`.
      if ((node.op === '=' || node.op === '!=') && (isEmptyString(node.left) || isEmptyString(node.right))) {
        const other = isEmptyString(node.left) ? node.right : node.left;
        return { text: `${atom(other)} ${node.op === '=' ? 'empty' : 'notempty'}`, precedence };
      }
      const left = wrap(emit(node.left, context), precedence);
      // Left-associative: an equal-precedence right operand keeps its brackets (a − (b − c)).
      const right = wrap(emit(node.right, context), precedence + 1);
      return { text: `${left} ${SURVEYJS_OP[node.op] ?? node.op} ${right}`, precedence };
    }
    case 'call':
      return emitCall(node, context, atom, kindOfValue);
  }
}

function emitCall(
  node: Extract<Node, { k: 'call' }>,
  context: ExpressionContext,
  atom: (arg: Node | undefined) => string,
  kindOfValue: (arg: Node | undefined) => ReferenceKind | undefined,
): Emitted {
  const { name, args } = node;
  const arity = (n: number) => {
    if (args.length !== n) throw new Refusal('syntax', `${name}() takes ${n} arguments`);
  };
  const list = () => args.map((a) => emit(a, context).text).join(', ');
  switch (name) {
    case 'selected': {
      arity(2);
      // A single choice is one value; a multiple choice is an array SurveyJS searches with `contains`.
      const op = kindOfValue(args[0]) === 'single' ? '=' : 'contains';
      return { text: `${atom(args[0])} ${op} ${atom(args[1])}`, precedence: PRECEDENCE['=']! };
    }
    case 'not':
      arity(1);
      return { text: `!(${emit(args[0]!, context).text})`, precedence: ATOM };
    case 'true':
    case 'false':
      arity(0);
      return { text: name, precedence: ATOM };
    case 'count-selected':
    case 'string-length': {
      arity(1);
      const arg = args[0]!;
      if (arg.k !== 'ref' && arg.k !== 'self') throw new Refusal('unsupported', `${name}() of an expression`);
      const variable = atom(arg).slice(1, -1);
      // An unanswered question has no length in SurveyJS; in XLSForm it has 0.
      return { text: `iif({${variable}} empty, 0, {${variable}.length})`, precedence: ATOM };
    }
    case 'if':
      arity(3);
      return { text: `iif(${list()})`, precedence: ATOM };
    case 'coalesce':
      arity(2);
      return { text: `iif(${atom(args[0])} notempty, ${emit(args[0]!, context).text}, ${emit(args[1]!, context).text})`, precedence: ATOM };
    case 'contains':
      arity(2);
      // XPath's contains() looks for a substring; SurveyJS's `contains` does too on text, but on a
      // multiple choice it looks for a whole option, which is a different question.
      if (kindOfValue(args[0]) === 'multiple') throw new Refusal('unsupported', 'contains() on a multiple choice');
      return { text: `${atom(args[0])} contains ${atom(args[1])}`, precedence: PRECEDENCE['=']! };
    case 'today':
      arity(0);
      return { text: 'today()', precedence: ATOM };
    case 'round':
      if (args.length !== 1 && args.length !== 2) throw new Refusal('syntax', 'round() takes 1 or 2 arguments');
      return { text: `round(${list()})`, precedence: ATOM };
    default:
      throw new Refusal('unsupported', `${name}()`);
  }
}

/** The SurveyJS expression for an XLSForm expression, or why there is none. */
export function translateXlsFormExpression(source: string, context: ExpressionContext): TranslatedExpression {
  try {
    return { ok: true, expression: emit(parse(source), context).text };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem, detail: error.detail };
    throw error;
  }
}

/** Every `${name}` an expression or a label mentions, in order. */
export function referencesIn(text: string): string[] {
  return [...text.matchAll(/\$\{\s*([^}\s]+)\s*\}/g)].map((m) => m[1]!);
}

/** A label's `${name}` (the answer shown in the text) as SurveyJS's `{name}`. */
export function pipeReferences(text: string): string {
  return text.replace(/\$\{\s*([^}\s]+)\s*\}/g, '{$1}');
}
