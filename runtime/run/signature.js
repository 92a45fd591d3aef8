// signature.js: a typed command's signature, as its wasm32-wasi-cc.main section describes it (Typed Main level 1).
//
// The section (doc/typed-main.md) is UTF-8 JSON: the package, the world,
// its docs, and its exported functions with their parameters and result.
// A type is a primitive's name ("u32"), or an object naming its kind:
// {"list": T}, {"option": T}, {"result": {"ok": T|null, "err": T|null}},
// {"tuple": [T...]}, or a named type expanded inline, {"record": NAME,
// "fields": [...]}, {"variant": NAME, "cases": [...]}, {"enum": NAME,
// "cases": [...]}, {"flags": NAME, "names": [...]}, each with its "docs".
//
// read() checks all of it and gives every type as { kind, ... }, each name
// with the spelling jco gives it in JavaScript (lowerCamelCase) beside its
// WIT one. What is wrong is thrown as Malformed, one line saying where.
'use strict';

const PRIMITIVES = ['bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char', 'string'];

class Malformed extends Error {}

// WIT's identifiers: words of ASCII letters and digits, each starting with a
// letter and all lower or all upper case, joined by '-'.
function isLabel(s) {
  return typeof s === 'string' && s.split('-').every(w => /^([a-z][a-z0-9]*|[A-Z][A-Z0-9]*)$/.test(w));
}

// jco's JavaScript name for a WIT one: "y-coord" -> "yCoord", "HTTP-get" -> "httpGet".
function camelCase(name) {
  return name.split('-').map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

function docs(value, where) {
  if (value === undefined || value === null)
    return null;
  if (typeof value !== 'string')
    throw new Malformed(`${where}: docs: not a string or null`);
  return value;
}

function label(value, where) {
  if (!isLabel(value))
    throw new Malformed(`${where}: ${JSON.stringify(value)} is not a WIT name`);
  return value;
}

function distinct(names, where) {
  const seen = new Set();
  for (const n of names) {
    if (seen.has(n))
      throw new Malformed(`${where}: ${n} named twice`);
    seen.add(n);
  }
}

function list(value, where) {
  if (!Array.isArray(value))
    throw new Malformed(`${where}: not a list`);
  return value;
}

const isObject = v => typeof v === 'object' && v !== null && !Array.isArray(v);

// A type of the JSON, checked; `where` says where it is, for messages.
function type(t, where) {
  if (typeof t === 'string') {
    if (!PRIMITIVES.includes(t))
      throw new Malformed(`${where}: unknown type ${JSON.stringify(t)}`);
    return { kind: t };
  }
  if (!isObject(t))
    throw new Malformed(`${where}: a type is a name or an object`);
  const kinds = ['list', 'option', 'result', 'tuple', 'record', 'variant', 'enum', 'flags'].filter(k => k in t);
  if (kinds.length !== 1)
    throw new Malformed(`${where}: a type object names one kind (list, option, result, tuple, record, variant, enum, flags)`);
  const kind = kinds[0];
  const at = `${where}: ${kind}`;
  switch (kind) {
    case 'list':
      return { kind, element: type(t.list, at) };
    case 'option':
      return { kind, payload: type(t.option, at) };
    case 'result': {
      if (!isObject(t.result))
        throw new Malformed(`${at}: not an object of ok and err`);
      const maybe = (v, w) => (v === null || v === undefined ? null : type(v, w));
      return { kind, ok: maybe(t.result.ok, `${at}: ok`), err: maybe(t.result.err, `${at}: err`) };
    }
    case 'tuple':
      return { kind, elements: list(t.tuple, at).map((e, i) => type(e, `${at}: ${i}`)) };
    default:
      break;
  }
  // flags: the list is under "names" ("flags" names the type)
  const name = label(t[kind], at);
  const named = `${where}: ${name}`;
  const common = { kind, name, docs: docs(t.docs, named) };
  if (kind === 'record') {
    const fields = list(t.fields, `${named}: fields`).map(f => {
      if (!isObject(f))
        throw new Malformed(`${named}: a field is an object`);
      const n = label(f.name, `${named}: field`);
      return { name: n, js: camelCase(n), type: type(f.type, `${named}: ${n}`), docs: docs(f.docs, `${named}: ${n}`) };
    });
    if (fields.length === 0)
      throw new Malformed(`${named}: a record has fields`);
    distinct(fields.map(f => f.name), named);
    return { ...common, fields };
  }
  if (kind === 'variant') {
    const cases = list(t.cases, `${named}: cases`).map(c => {
      if (!isObject(c))
        throw new Malformed(`${named}: a case is an object`);
      const n = label(c.name, `${named}: case`);
      return { name: n, type: c.type === null || c.type === undefined ? null : type(c.type, `${named}: ${n}`),
        docs: docs(c.docs, `${named}: ${n}`) };
    });
    if (cases.length === 0)
      throw new Malformed(`${named}: a variant has cases`);
    distinct(cases.map(c => c.name), named);
    return { ...common, cases };
  }
  if (kind === 'enum') {
    const cases = list(t.cases, `${named}: cases`).map(c => label(c, `${named}: case`));
    if (cases.length === 0)
      throw new Malformed(`${named}: an enum has cases`);
    distinct(cases, named);
    return { ...common, cases };
  }
  const flags = list(t.names, `${named}: names`).map(f => ({ name: label(f, `${named}: flag`), js: camelCase(f) }));
  distinct(flags.map(f => f.name), named);
  return { ...common, flags };
}

// The section's text -> { package, world, docs, functions: [{ name, js, docs, params: [{ name, type }], result }] }.
function read(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Malformed(`not JSON: ${e.message}`);
  }
  if (!isObject(json))
    throw new Malformed('not a JSON object');
  const functions = list(json.functions, 'functions').map((f, i) => {
    if (!isObject(f))
      throw new Malformed(`functions: ${i}: not an object`);
    const name = label(f.name, `functions: ${i}: name`);
    const params = list(f.params, `${name}: params`).map((p, j) => {
      if (!isObject(p))
        throw new Malformed(`${name}: params: ${j}: not an object`);
      const n = label(p.name, `${name}: params: ${j}: name`);
      return { name: n, type: type(p.type, `${name}: ${n}`) };
    });
    distinct(params.map(p => p.name), name);
    return { name, js: camelCase(name), docs: docs(f.docs, name), params,
      result: f.result === null || f.result === undefined ? null : type(f.result, `${name}: result`) };
  });
  if (functions.length === 0)
    throw new Malformed('functions: none exported');
  distinct(functions.map(f => f.name), 'functions');
  return {
    package: typeof json.package === 'string' ? json.package : null,
    world: typeof json.world === 'string' ? json.world : null,
    docs: docs(json.docs, 'world'),
    functions,
  };
}

// A type as WIT writes it: "list<option<u8>>", "result<_, string>", a named type's name.
function typeName(t) {
  switch (t.kind) {
    case 'list': return `list<${typeName(t.element)}>`;
    case 'option': return `option<${typeName(t.payload)}>`;
    case 'tuple': return `tuple<${t.elements.map(typeName).join(', ')}>`;
    case 'result':
      if (!t.ok && !t.err)
        return 'result';
      if (!t.err)
        return `result<${typeName(t.ok)}>`;
      return `result<${t.ok ? typeName(t.ok) : '_'}, ${typeName(t.err)}>`;
    default: return t.name || t.kind;
  }
}

module.exports = { Malformed, PRIMITIVES, read, type, typeName, camelCase, isLabel };
