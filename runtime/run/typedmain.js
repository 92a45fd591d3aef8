// typedmain.js: a typed command's command line (Typed Main level 1): flags or a WAVE call in, its result out.
//
// The signature (signature.js) makes the command line; doc/typed-main.md
// ("Running a typed command") says it for users:
// - One flag per parameter, --NAME VALUE or --NAME=VALUE, NAME as in WIT.
//   A world exporting several functions takes the function's name first.
// - bool: --NAME alone is true, --NAME=true|false, absent false.
//   option<T>: absent is none; given, its value is T's. list<T>: the flag
//   repeats, once per element; absent is the empty list. Any other flag must
//   be given, once.
// - A value of a plain type (bool, the numbers, char, string, an enum) is
//   written as it is (`--name World`, `--times 2`, `--style fancy`); any
//   other (records, variants, tuples, options, results, flags, lists) in WAVE.
// - --help prints the usage, made from the signature and its docs.
// - Every string in the arguments, at any depth, then goes through the
//   runner's path rule (the `rewrite` it is given: level 0's, one rule).
//
// What is wrong on the command line is a UsageError: one line, and the
// usage to print after it. The result is said by outcome(): ok (or a plain
// return) on standard output, a string as it is, anything else in WAVE,
// status 0; err on standard error as "PROGRAM: MESSAGE", status 1.
'use strict';
const wave = require('./wave.js');
const { typeName } = require('./signature.js');

class UsageError extends Error {
  constructor(message, usage = null) {
    super(message);
    this.usage = usage;
  }
}

const PLAIN = ['bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char', 'string', 'enum'];

// What one occurrence of a parameter's flag gives: T of option<T> and
// list<T>, the type itself otherwise.
function flagType(t) {
  return t.kind === 'option' || t.kind === 'list' ? (t.payload || t.element) : t;
}

// ------------------------------------------------------------------- usage

// The word standing for a flag's value: STRING, U32, STYLE, POINT; WAVE for
// a type without a name.
function metavar(t) {
  if (PLAIN.includes(t.kind) && t.kind !== 'enum')
    return t.kind.toUpperCase();
  return t.name ? t.name.toUpperCase() : 'WAVE';
}

function flagSynopsis(p) {
  const t = flagType(p.type);
  const flag = t.kind === 'bool' ? `--${p.name}` : `--${p.name} ${metavar(t)}`;
  if (p.type.kind === 'list')
    return `[${flag}]...`;
  return p.type.kind === 'option' || p.type.kind === 'bool' ? `[${flag}]` : flag;
}

// What a parameter's flag line says after its type.
function absence(t) {
  if (t.kind === 'bool')
    return ' (absent: false)';
  if (t.kind === 'option')
    return ' (absent: none)';
  if (t.kind === 'list')
    return ', once per element (absent: [])';
  return '';
}

// The named types of t, depth first, each once.
function namedTypes(t, seen) {
  const inner = [];
  switch (t.kind) {
    case 'list': inner.push(t.element); break;
    case 'option': inner.push(t.payload); break;
    case 'result': inner.push(...[t.ok, t.err].filter(x => x)); break;
    case 'tuple': inner.push(...t.elements); break;
    case 'record': inner.push(...t.fields.map(f => f.type)); break;
    case 'variant': inner.push(...t.cases.filter(c => c.type).map(c => c.type)); break;
    default: break;
  }
  if (t.name && !seen.has(t.name))
    seen.set(t.name, t);
  for (const x of inner)
    namedTypes(x, seen);
  return seen;
}

const indent = (text, by) => text.split('\n').map(l => (l ? by + l : l)).join('\n');

// A named type told: its kind and name, its docs, a line per member.
function describeType(t) {
  const lines = [`${t.kind} ${t.name}`];
  if (t.docs)
    lines.push(indent(t.docs, '  '));
  const member = (text, docs) => lines.push(`  ${text}${docs ? `  ${docs.replace(/\n/g, ' ')}` : ''}`);
  if (t.kind === 'record')
    t.fields.forEach(f => member(`${f.name}: ${typeName(f.type)}`, f.docs));
  else if (t.kind === 'variant')
    t.cases.forEach(c => member(c.type ? `${c.name}(${typeName(c.type)})` : c.name, c.docs));
  else if (t.kind === 'enum')
    t.cases.forEach(c => member(c));
  else
    t.flags.forEach(f => member(f.name));
  return lines.join('\n');
}

function resultLine(fn) {
  if (!fn.result)
    return 'result: none (status 0)';
  if (fn.result.kind === 'result')
    return `result: ${typeName(fn.result)}: ok on standard output (status 0), err on standard error (status 1)`;
  return `result: ${typeName(fn.result)} on standard output (status 0)`;
}

// The usage of a signature's function fn, or of the signature (the list of
// its functions) when fn is null and there are several. `program`: the
// program as the user named it.
function usage(sig, program, fn = null) {
  const call = `usage: wasm32-wasi-run ${program}`;
  if (!fn && sig.functions.length === 1)
    fn = sig.functions[0];
  if (!fn) {
    const width = Math.max(...sig.functions.map(f => f.name.length));
    return [`${call} FUNCTION [--help] [--PARAMETER VALUE]...`, ...(sig.docs ? ['', sig.docs] : []), '', 'functions:',
      ...sig.functions.map(f => `  ${f.name.padEnd(width)}  ${(f.docs || '').split('\n')[0]}`.trimEnd())].join('\n') + '\n';
  }
  const name = sig.functions.length > 1 ? ` ${fn.name}` : '';
  const lines = [[`${call}${name} [--help]`, ...fn.params.map(flagSynopsis)].join(' ')];
  const docs = fn.docs || (sig.functions.length === 1 ? sig.docs : null);
  if (docs)
    lines.push('', docs);
  if (fn.params.length) {
    const heads = fn.params.map(p => flagSynopsis(p).replace(/^\[|\](\.\.\.)?$/g, ''));
    const width = Math.max(...heads.map(h => h.length));
    lines.push('', 'parameters:',
      ...fn.params.map((p, i) => `  ${heads[i].padEnd(width)}  ${typeName(p.type)}${absence(p.type)}`));
  }
  const seen = new Map();
  for (const t of [...fn.params.map(p => p.type), ...(fn.result ? [fn.result] : [])])
    namedTypes(t, seen);
  if (seen.size)
    lines.push('', 'types:', ...[...seen.values()].map(t => indent(describeType(t), '  ')));
  lines.push('', resultLine(fn));
  if (fn.params.some(p => !PLAIN.includes(flagType(p.type).kind)))
    lines.push('Values of records, variants, tuples, options, results, flags and lists are written in WAVE.');
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------ command line

// One flag value of type t (flagType's), from its text.
function flagValue(text, t, flag) {
  if (t.kind === 'string')
    return text;
  if (t.kind === 'char') {
    if ([...text].length !== 1)
      throw new UsageError(`${flag}: expected char (one character), got ${JSON.stringify(text)}`);
    return text;
  }
  try {
    return wave.parse(text, t);
  } catch (e) {
    if (!(e instanceof wave.WaveError))
      throw e;
    if (PLAIN.includes(t.kind)) {
      const m = e.at === 0 ? /^expected (.*), got /.exec(e.message) : null;
      throw new UsageError(`${flag}: expected ${m ? m[1] : wave.expectation(t)}, got ${JSON.stringify(text)}`);
    }
    throw new UsageError(`${flag}: ${wave.position(text, e.at)}: ${e.message}`);
  }
}

// Every string in v, a value of type t, through f; the value with them.
function mapStrings(v, t, f) {
  switch (t.kind) {
    case 'string': return f(v);
    case 'list':
      return wave.TYPED_ARRAY[t.element.kind] ? v : v.map(e => mapStrings(e, t.element, f));
    case 'tuple': return t.elements.map((e, i) => mapStrings(v[i], e, f));
    case 'record':
      return Object.fromEntries(t.fields.map(x => [x.js, mapStrings(v[x.js], x.type, f)]));
    case 'variant': {
      const c = t.cases.find(x => x.name === v.tag);
      return c.type ? { tag: v.tag, val: mapStrings(v.val, c.type, f) } : v;
    }
    case 'option':
      if (t.payload.kind === 'option')
        return v.tag === 'some' ? { tag: 'some', val: mapStrings(v.val, t.payload, f) } : v;
      return v === undefined ? v : mapStrings(v, t.payload, f);
    case 'result': {
      const payload = t[v.tag];
      return payload ? { tag: v.tag, val: mapStrings(v.val, payload, f) } : v;
    }
    default: return v;
  }
}

// The arguments of fn from the words after the program: a list in
// parameter order, or throws UsageError.
function flags(fn, words, usageText) {
  const given = new Map(fn.params.map(p => [p.name, []]));
  const wrong = m => new UsageError(m, usageText);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(w);
    if (!m)
      throw wrong(`unexpected argument ${JSON.stringify(w)}: parameters are given as --NAME VALUE`);
    const p = fn.params.find(x => x.name === m[1]);
    if (!p)
      throw wrong(`unknown flag --${m[1]}`);
    const flag = `--${p.name}`;
    const t = flagType(p.type);
    let text = m[2];
    if (text === undefined && t.kind === 'bool')
      text = 'true';
    else if (text === undefined && ++i >= words.length)
      throw wrong(`${flag}: needs a value (${typeName(t)})`);
    else if (text === undefined)
      text = words[i];
    if (p.type.kind !== 'list' && given.get(p.name).length > 0)
      throw wrong(`${flag}: given twice`);
    try {
      given.get(p.name).push(flagValue(text, t, flag));
    } catch (e) {
      throw e instanceof UsageError ? wrong(e.message) : e;
    }
  }
  return fn.params.map(p => {
    const values = given.get(p.name);
    switch (p.type.kind) {
      case 'list': {
        const Typed = wave.TYPED_ARRAY[p.type.element.kind];
        return Typed ? Typed.from(values) : values;
      }
      case 'option':
        if (p.type.payload.kind === 'option')
          return values.length ? { tag: 'some', val: values[0] } : { tag: 'none' };
        return values.length ? values[0] : undefined;
      case 'bool':
        return values.length ? values[0] : false;
      default:
        if (!values.length)
          throw wrong(`missing --${p.name} (${typeName(p.type)})`);
        return values[0];
    }
  });
}

// Whether --help is among the flags (not a flag's value: `--name --help`),
// whatever else is wrong with them.
function asksHelp(fn, words) {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--help')
      return true;
    const m = /^--([^=]+)$/s.exec(words[i]);
    const p = m && fn.params.find(x => x.name === m[1]);
    if (p && flagType(p.type).kind !== 'bool')
      i++;
  }
  return false;
}

// The words after the program: { help } (a usage to print), or { fn, args }.
// `rewrite`: what becomes of each string argument (the path rule).
function commandLine(sig, program, words, rewrite = s => s) {
  let fn = sig.functions.length === 1 ? sig.functions[0] : null;
  let rest = words;
  if (!fn) {
    if (words.length === 0)
      throw new UsageError(`no function given (${sig.functions.map(f => f.name).join(', ')})`, usage(sig, program));
    if (words[0] === '--help')
      return { help: usage(sig, program) };
    fn = sig.functions.find(f => f.name === words[0]);
    if (!fn)
      throw new UsageError(`unknown function ${JSON.stringify(words[0])}`, usage(sig, program));
    rest = words.slice(1);
  }
  const text = usage(sig, program, fn);
  if (asksHelp(fn, rest))
    return { help: text };
  const args = flags(fn, rest, text);
  return { fn, args: args.map((a, i) => mapStrings(a, fn.params[i].type, rewrite)) };
}

// --invoke's WAVE call: { fn, args }, or throws UsageError (without usage).
function invocation(sig, text, rewrite = s => s) {
  let call;
  try {
    call = wave.parseCall(text, sig.functions);
  } catch (e) {
    if (e instanceof wave.WaveError)
      throw new UsageError(`--invoke: ${wave.position(text, e.at)}: ${e.message}`);
    throw e;
  }
  return { fn: call.fn, args: call.args.map((a, i) => mapStrings(a, call.fn.params[i].type, rewrite)) };
}

// What a call's outcome prints, and its status. `returned`: fn's return
// value (for a result, its ok payload); or `err`: a result's err payload
// (jco throws it, as ComponentError's payload).
function outcome(program, fn, result) {
  const t = fn.result;
  const text = (v, type) => (type.kind === 'string' ? v : wave.print(v, type));
  if ('err' in result)
    return { stdout: '', stderr: `${program}: ${t.err ? text(result.err, t.err) : 'err'}\n`, status: 1 };
  const shown = t && t.kind === 'result' ? t.ok : t;
  return { stdout: shown ? `${text(result.returned, shown)}\n` : '', stderr: '', status: 0 };
}

module.exports = { UsageError, usage, commandLine, invocation, outcome, mapStrings };
