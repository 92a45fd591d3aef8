// wave.js: WAVE, the WebAssembly Value Encoding, read and written by the types of signature.js.
//
// WAVE (wasm-tools' crates/wasm-wave, the text wasmtime's --invoke takes) is
// WIT's own spelling of values: `true`, `-7`, `2.5`, `nan`, `-inf`, `'c'`,
// `"str\n"` (and """-delimited multiline strings), `[1, 2]`, `(1, "a")`,
// `{x: 1, y: 2}` (a record's option fields may be left out; `{:}` is a
// record of none but them), `circle(2.0)`, `fancy`, `some(1)`, `none`,
// `ok("x")`, `err`, `{read, write}`; a case named like a keyword is written
// with '%' (`%none`). A some or an ok may also be written as its payload
// alone, unless that is an option or a result itself. `//` comments run to
// the end of the line; whitespace between tokens is free.
//
// Values are in jco's representation, the one a transpiled component takes
// and gives: bool, the integers to 32 bits, f32, f64 as numbers; s64 and u64
// as BigInt; char and string as strings; a list of numbers as the typed
// array of its element type (Uint8Array, Float64Array, BigInt64Array, ...),
// any other list as an Array; a tuple as an Array; a record as an object of
// its fields in lowerCamelCase; a variant as { tag, val } (tag in WIT's
// spelling); an enum as its case's name; flags as an object of booleans
// (lowerCamelCase); an option as its payload or undefined, or, when its
// payload is itself an option, as { tag: 'some', val } or { tag: 'none' };
// a result as { tag: 'ok' | 'err', val }.
//
// parse(text, type) and parseCall(text, functions) throw WaveError: one
// line, "expected WHAT, got WHAT", and `at`, where in the text.
'use strict';
const { typeName, isLabel } = require('./signature.js');

class WaveError extends Error {
  constructor(message, at) {
    super(message);
    this.at = at;
  }
}

const KEYWORDS = ['true', 'false', 'inf', 'nan', 'some', 'none', 'ok', 'err'];

const INTEGER = {
  s8: [-(2n ** 7n), 2n ** 7n - 1n], u8: [0n, 2n ** 8n - 1n],
  s16: [-(2n ** 15n), 2n ** 15n - 1n], u16: [0n, 2n ** 16n - 1n],
  s32: [-(2n ** 31n), 2n ** 31n - 1n], u32: [0n, 2n ** 32n - 1n],
  s64: [-(2n ** 63n), 2n ** 63n - 1n], u64: [0n, 2n ** 64n - 1n],
};

const TYPED_ARRAY = {
  s8: Int8Array, u8: Uint8Array, s16: Int16Array, u16: Uint16Array, s32: Int32Array, u32: Uint32Array,
  s64: BigInt64Array, u64: BigUint64Array, f32: Float32Array, f64: Float64Array,
};

// What a value of type t is called in a message: "u8", "list<u8>",
// "record point", "enum style (plain, fancy)".
function expectation(t) {
  switch (t.kind) {
    case 'record': return `record ${t.name}`;
    case 'flags': return `flags ${t.name}`;
    case 'enum': return `enum ${t.name} (${t.cases.join(', ')})`;
    case 'variant': return `variant ${t.name} (${t.cases.map(c => c.name).join(', ')})`;
    default: return typeName(t);
  }
}

// 1-based line and column (in characters) of offset `at` in text: "column 5",
// or "line 2, column 5" for text of several lines.
function position(text, at) {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return line > 1 || text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}

// ------------------------------------------------------------------ reading

// A tokenizer and a reader by type over one text.
class Reader {
  constructor(text) {
    this.text = text;
    this.pos = 0;
    this.peeked = null;
  }

  fail(message, at) {
    throw new WaveError(message, at);
  }

  // whitespace and // comments
  skip() {
    const t = this.text;
    for (;;) {
      while (this.pos < t.length && ' \t\n\r'.includes(t[this.pos]))
        this.pos++;
      if (!t.startsWith('//', this.pos))
        return;
      const nl = t.indexOf('\n', this.pos);
      this.pos = nl < 0 ? t.length : nl;
    }
  }

  // The next token, not taken: { kind, text, start, end } and, for a char or
  // a string, its value, for a label, its name and whether it had '%'.
  peek() {
    if (this.peeked)
      return this.peeked;
    this.skip();
    const t = this.text;
    const start = this.pos;
    const token = (kind, end, extra = {}) => ({ kind, text: t.slice(start, end), start, end, ...extra });
    let tok;
    if (start >= t.length) {
      tok = token('end', start);
    } else if ('()[]{},:'.includes(t[start])) {
      tok = token('punct', start + 1);
    } else if (t[start] === '-' || /[0-9]/.test(t[start])) {
      const m = /-?(?:[0-9.]|[eE][+-]?|[A-Za-z_])*/y;
      m.lastIndex = start;
      m.exec(t);
      tok = token('number', m.lastIndex);
    } else if (/[%A-Za-z]/.test(t[start])) {
      const m = /%?[A-Za-z0-9_-]*/y;
      m.lastIndex = start;
      m.exec(t);
      const text = t.slice(start, m.lastIndex);
      // not a WIT name ("True", "a_b"): a label that names nothing
      const name = isLabel(text.replace(/^%/, '')) ? text.replace(/^%/, '') : null;
      tok = token('label', m.lastIndex, { name, percent: text.startsWith('%') });
    } else if (t.startsWith('"""', start)) {
      tok = this.multiline(start);
    } else if (t[start] === '"' || t[start] === '\'') {
      tok = this.quoted(start);
    } else {
      const ch = String.fromCodePoint(t.codePointAt(start));
      this.fail(`expected a value, got ${JSON.stringify(ch)}`, start);
    }
    this.peeked = tok;
    return tok;
  }

  take() {
    const tok = this.peek();
    this.pos = tok.end;
    this.peeked = null;
    return tok;
  }

  // "expected WHAT, got TOKEN" at the next token
  expected(what, tok = this.peek()) {
    this.fail(`expected ${what}, got ${tok.kind === 'end' ? 'end of input' : JSON.stringify(tok.text)}`, tok.start);
  }

  // the punctuation p, taken, or an error
  punct(p, what = JSON.stringify(p)) {
    const tok = this.peek();
    if (tok.kind !== 'punct' || tok.text !== p)
      this.expected(what);
    return this.take();
  }

  isPunct(p) {
    const tok = this.peek();
    return tok.kind === 'punct' && tok.text === p;
  }

  // a keyword: a label without '%'
  isKeyword(word) {
    const tok = this.peek();
    return tok.kind === 'label' && !tok.percent && tok.name === word;
  }

  // One escape at text[i] (after its '\'): [character, next index].
  escape(i) {
    const t = this.text;
    const simple = { '\'': '\'', '"': '"', '\\': '\\', t: '\t', n: '\n', r: '\r' };
    if (simple[t[i]] !== undefined)
      return [simple[t[i]], i + 1];
    const m = /u\{([0-9a-fA-F]{1,6})\}/y;
    m.lastIndex = i;
    const u = m.exec(t);
    if (!u)
      this.fail('expected an escape (\\\' \\" \\\\ \\t \\n \\r \\u{HEX}) after "\\"', i - 1);
    const c = parseInt(u[1], 16);
    if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
      this.fail(`expected a Unicode scalar value, got \\u{${u[1]}}`, i - 1);
    return [String.fromCodePoint(c), m.lastIndex];
  }

  // 'c' or "string"
  quoted(start) {
    const t = this.text;
    const q = t[start];
    const what = q === '"' ? 'string' : 'char';
    let value = '';
    let i = start + 1;
    for (;;) {
      if (i >= t.length)
        this.fail(`unterminated ${what}: no closing ${q}`, start);
      const ch = String.fromCodePoint(t.codePointAt(i));
      if (ch === q)
        break;
      if (ch === '\n')
        this.fail(`a newline in a ${what} is written \\n`, i);
      if (ch === '\\') {
        let c;
        [c, i] = this.escape(i + 1);
        value += c;
        continue;
      }
      value += ch;
      i += ch.length;
    }
    if (q === '\'' && [...value].length !== 1)
      this.fail(`expected a char (one character between '), got ${JSON.stringify(t.slice(start, i + 1))}`, start);
    return { kind: what, text: t.slice(start, i + 1), start, end: i + 1, value };
  }

  // """ LINE-BREAK lines... SPACES """: every line dedented by the spaces
  // before the closing """; the first and last line breaks are not part of it.
  multiline(start) {
    const t = this.text;
    const open = /"""\r?\n/y;
    open.lastIndex = start;
    if (!open.exec(t))
      this.fail('expected a line break after """', start + 3);
    const close = t.indexOf('"""', open.lastIndex);
    if (close < 0)
      this.fail('unterminated multiline string: no closing """', start);
    const body = t.slice(open.lastIndex, close);
    const lastBreak = body.lastIndexOf('\n');
    const indent = body.slice(lastBreak + 1);
    if (lastBreak < 0 || !/^ *$/.test(indent))
      this.fail('expected a line break and spaces only before the closing """', close);
    const lines = body.slice(0, lastBreak).replace(/\r$/, '').split(/\r?\n/);
    let value = '';
    let at = open.lastIndex;
    lines.forEach((line, n) => {
      if (!line.startsWith(indent) && line !== '')
        this.fail(`expected ${indent.length} spaces of indentation, as before the closing """`, at);
      if (n > 0)
        value += '\n';
      const text = line.slice(indent.length);
      for (let i = 0; i < text.length;) {
        if (text[i] === '\\') {
          let c, next;
          [c, next] = this.escape(at + indent.length + i + 1);
          value += c;
          i = next - at - indent.length;
        } else {
          value += text[i++];
        }
      }
      at += t.slice(at).indexOf('\n') + 1;
    });
    return { kind: 'string', text: t.slice(start, close + 3), start, end: close + 3, value };
  }

  // ------------------------------------------------------------- by type

  value(t) {
    switch (t.kind) {
      case 'bool': return this.bool();
      case 'f32': case 'f64': return this.float(t.kind);
      case 'char': case 'string': {
        const tok = this.peek();
        if (tok.kind !== t.kind)
          this.expected(t.kind);
        return this.take().value;
      }
      case 'list': return this.list(t);
      case 'tuple': return this.tuple(t);
      case 'record': return this.record(t);
      case 'variant': return this.variant(t);
      case 'enum': return this.enumCase(t);
      case 'flags': return this.flags(t);
      case 'option': return this.option(t);
      case 'result': return this.result(t);
      default: return this.integer(t.kind);
    }
  }

  bool() {
    if (this.isKeyword('true') || this.isKeyword('false'))
      return this.take().name === 'true';
    return this.expected('bool');
  }

  integer(kind) {
    const tok = this.peek();
    if (tok.kind !== 'number' || !/^-?(0|[1-9][0-9]*)$/.test(tok.text))
      this.expected(kind);
    const [lo, hi] = INTEGER[kind];
    const n = BigInt(tok.text);
    if (n < lo || n > hi)
      this.expected(`${kind} (${lo} to ${hi})`);
    this.take();
    return kind.endsWith('64') ? n : Number(n);
  }

  float(kind) {
    const tok = this.peek();
    let n;
    if (tok.kind === 'label' && !tok.percent && (tok.name === 'nan' || tok.name === 'inf'))
      n = tok.name === 'nan' ? NaN : Infinity;
    else if (tok.kind === 'number' && tok.text === '-inf')
      n = -Infinity;
    else if (tok.kind === 'number' && /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(tok.text))
      n = Number(tok.text);
    else
      this.expected(kind);
    this.take();
    return kind === 'f32' ? Math.fround(n) : n;
  }

  // [v, ...] or (v, ...): the values, a trailing comma allowed; `each` reads
  // the i-th, `more(i)` says whether there may be an i-th.
  sequence(open, close, each, more, what) {
    this.punct(open, what);
    const out = [];
    for (;;) {
      if (this.isPunct(close) && more(out.length, true))
        break;
      if (!more(out.length, false))
        this.punct(close);
      out.push(each(out.length));
      this.separator(close);
    }
    this.take();
    return out;
  }

  // after an element: ",", or the closing punctuation (not taken)
  separator(close) {
    if (this.isPunct(','))
      this.take();
    else if (!this.isPunct(close))
      this.expected(`"," or "${close}"`);
  }

  list(t) {
    const values = this.sequence('[', ']', () => this.value(t.element), () => true, expectation(t));
    const Typed = TYPED_ARRAY[t.element.kind];
    return Typed ? Typed.from(values) : values;
  }

  tuple(t) {
    const n = t.elements.length;
    // an element is expected until all are read; then only ')'
    return this.sequence('(', ')', i => this.value(t.elements[i]), (i, closing) => (closing ? i >= n : i < n),
      expectation(t));
  }

  record(t) {
    this.punct('{', expectation(t));
    const given = new Map();
    if (this.isPunct(':')) {
      this.take();
    } else {
      while (!this.isPunct('}')) {
        const tok = this.peek();
        const field = tok.kind === 'label' ? t.fields.find(f => f.name === tok.name) : null;
        if (!field)
          this.expected(`a field of record ${t.name} (${t.fields.map(f => f.name).join(', ')})`);
        if (given.has(field.name))
          this.fail(`record ${t.name}: field ${field.name} given twice`, tok.start);
        this.take();
        this.punct(':');
        given.set(field.name, this.value(field.type));
        this.separator('}');
      }
    }
    const end = this.take();
    const value = {};
    for (const f of t.fields) {
      if (given.has(f.name))
        value[f.js] = given.get(f.name);
      else if (f.type.kind === 'option')
        value[f.js] = f.type.payload.kind === 'option' ? { tag: 'none' } : undefined;
      else
        this.fail(`record ${t.name}: missing field ${f.name} (${typeName(f.type)})`, end.start);
    }
    return value;
  }

  // a label naming one of `names`, taken
  caseLabel(names, what) {
    const tok = this.peek();
    if (tok.kind !== 'label' || !names.includes(tok.name))
      this.expected(what);
    return this.take();
  }

  // (payload) after a case, option or result, when its type has one
  payload(t, tok, named) {
    if (t === null) {
      if (this.isPunct('('))
        this.fail(`${named} takes no value`, this.peek().start);
      return undefined;
    }
    this.punct('(', `"(" and a value of ${named}`);
    const v = this.value(t);
    this.punct(')');
    return v;
  }

  variant(t) {
    const tok = this.caseLabel(t.cases.map(c => c.name), expectation(t));
    const c = t.cases.find(x => x.name === tok.name);
    const val = this.payload(c.type, tok, `case ${c.name}`);
    return c.type === null ? { tag: c.name } : { tag: c.name, val };
  }

  enumCase(t) {
    return this.caseLabel(t.cases, expectation(t)).name;
  }

  flags(t) {
    this.punct('{', expectation(t));
    const set = new Set();
    while (!this.isPunct('}')) {
      const tok = this.caseLabel(t.flags.map(f => f.name),
        `a flag of ${t.name} (${t.flags.map(f => f.name).join(', ')}) or "}"`);
      if (set.has(tok.name))
        this.fail(`flags ${t.name}: ${tok.name} given twice`, tok.start);
      set.add(tok.name);
      this.separator('}');
    }
    this.take();
    return Object.fromEntries(t.flags.map(f => [f.js, set.has(f.name)]));
  }

  // Whether a value of t may be written as its payload alone.
  static flat(t) {
    return t !== null && t.kind !== 'option' && t.kind !== 'result';
  }

  option(t) {
    const boxed = t.payload.kind === 'option';
    if (this.isKeyword('none')) {
      this.take();
      return boxed ? { tag: 'none' } : undefined;
    }
    let val;
    if (this.isKeyword('some'))
      val = this.payload(t.payload, this.take(), 'some');
    else if (Reader.flat(t.payload))
      val = this.valueOr(t.payload, t);
    else
      this.expected(`${expectation(t)} (some(...) or none)`);
    return boxed ? { tag: 'some', val } : val;
  }

  result(t) {
    for (const tag of ['ok', 'err']) {
      if (this.isKeyword(tag))
        return { tag, val: this.payload(t[tag], this.take(), tag) };
    }
    if (Reader.flat(t.ok))
      return { tag: 'ok', val: this.valueOr(t.ok, t) };
    const forms = [t.ok ? 'ok(...)' : 'ok', t.err ? 'err(...)' : 'err'].join(' or ');
    return this.expected(`${expectation(t)} (${forms})`);
  }

  // a payload written alone: its errors at the first token name the whole type
  valueOr(payload, whole) {
    const start = this.peek().start;
    try {
      return this.value(payload);
    } catch (e) {
      if (e instanceof WaveError && e.at === start && e.message.startsWith('expected '))
        this.expected(expectation(whole));
      throw e;
    }
  }

  end() {
    if (this.peek().kind !== 'end')
      this.expected('end of input');
  }
}

// The value of type t that text spells, whole.
function parse(text, t) {
  const r = new Reader(text);
  const v = r.value(t);
  r.end();
  return v;
}

// A call, `NAME(ARG, ...)`, of one of `functions` ({ name, params: [{ name,
// type }] }): { fn, args }. Trailing option arguments may be left out.
function parseCall(text, functions) {
  const r = new Reader(text);
  const names = functions.map(f => f.name);
  const name = r.caseLabel(names, `a function (${names.join(', ')})`).name;
  const fn = functions.find(f => f.name === name);
  const params = fn.params;
  const optional = i => params.slice(i).every(p => p.type.kind === 'option');
  const args = r.sequence('(', ')', i => r.value(params[i].type),
    (i, closing) => (closing ? optional(i) : i < params.length), `"(" and the arguments of ${fn.name}`);
  // what was left out: none
  for (let i = args.length; i < params.length; i++)
    args.push(params[i].type.payload.kind === 'option' ? { tag: 'none' } : undefined);
  r.end();
  return { fn, args };
}

// ------------------------------------------------------------------ writing

function escapeChar(ch, quote) {
  const simple = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
  if (simple[ch])
    return simple[ch];
  if (ch === quote)
    return `\\${quote}`;
  const c = ch.codePointAt(0);
  return c < 0x20 || (c >= 0x7f && c < 0xa0) ? `\\u{${c.toString(16)}}` : ch;
}

function quote(s, q) {
  return q + [...s].map(ch => escapeChar(ch, q)).join('') + q;
}

// The shortest decimal that reads back as the same f32 (or f64).
function float(n, kind) {
  if (Number.isNaN(n))
    return 'nan';
  if (!Number.isFinite(n))
    return n > 0 ? 'inf' : '-inf';
  if (Object.is(n, -0))
    return '-0';
  if (kind === 'f32') {
    for (let p = 1; p <= 9; p++) {
      const s = Number(n.toPrecision(p));
      if (Math.fround(s) === n)
        return String(s);
    }
  }
  return String(n);
}

function label(name) {
  return KEYWORDS.includes(name) ? `%${name}` : name;
}

// The WAVE text of v, a value of type t in jco's representation.
function print(v, t) {
  switch (t.kind) {
    case 'bool': return v ? 'true' : 'false';
    case 'f32': case 'f64': return float(v, t.kind);
    case 'char': return quote(v, '\'');
    case 'string': return quote(v, '"');
    case 'list': return `[${Array.from(v, e => print(e, t.element)).join(', ')}]`;
    case 'tuple': return `(${t.elements.map((e, i) => print(v[i], e)).join(', ')})`;
    case 'record': {
      const fields = t.fields.filter(f => !(f.type.kind === 'option' && isNone(v[f.js], f.type)))
        .map(f => `${f.name}: ${print(v[f.js], f.type)}`);
      return fields.length ? `{${fields.join(', ')}}` : '{:}';
    }
    case 'variant': {
      const c = t.cases.find(x => x.name === v.tag);
      return c.type === null ? label(c.name) : `${label(c.name)}(${print(v.val, c.type)})`;
    }
    case 'enum': return label(v);
    case 'flags': return `{${t.flags.filter(f => v[f.js]).map(f => f.name).join(', ')}}`;
    case 'option': {
      if (isNone(v, t))
        return 'none';
      return `some(${print(t.payload.kind === 'option' ? v.val : v, t.payload)})`;
    }
    case 'result': {
      const payload = t[v.tag];
      return payload === null ? v.tag : `${v.tag}(${print(v.val, payload)})`;
    }
    default: return String(v);
  }
}

function isNone(v, t) {
  return t.payload.kind === 'option' ? v.tag === 'none' : v === undefined || v === null;
}

module.exports = { WaveError, parse, parseCall, print, position, expectation, TYPED_ARRAY };
