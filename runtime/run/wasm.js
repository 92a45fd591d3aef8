// wasm.js: the runner's one reader of WebAssembly binaries, core modules and components alike.
//
// It knows the header (magic and version: which layer a file is), the
// framing of top-level sections (an id byte, a LEB128 size), and the two
// custom sections the runner reads: wasm32-wasi-cc.env (the declared
// environment, a vec of names), dylink.0 (doc/dynamic-linking-abi.md;
// MEM_INFO, NEEDED and RUNTIME_PATH are used) and a dynamic executable's
// component's wasm32-wasi-cc.libraries. What it cannot read it
// reports by throwing Malformed, whose message says what is wrong; callers
// prefix the file's name.
'use strict';

const MAGIC = 0x0061736d;
const VERSION = { 1: 'core', 0x1000d: 'component' };
const SECTION = { CUSTOM: 0, COMPONENT_CORE_MODULE: 1, CORE_TAG: 13 };

class Malformed extends Error {}

// 'core', 'component', or null for anything that is neither.
function kind(bytes) {
  if (bytes.length < 8 || bytes.readUInt32BE(0) !== MAGIC)
    return null;
  return VERSION[bytes.readUInt32LE(4)] || null;
}

// An unsigned LEB128 of at most 32 bits at bytes[pos], inside [pos, end).
function readU32(bytes, pos, end) {
  let value = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (pos >= end)
      throw new Malformed('truncated LEB128');
    const b = bytes[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) {
      if (value > 0xffffffff)
        throw new Malformed('LEB128 out of range');
      return { value, pos };
    }
  }
  throw new Malformed('LEB128 too long');
}

// A vec(byte) read as UTF-8: the encoding of names in wasm.
function readName(bytes, pos, end) {
  const len = readU32(bytes, pos, end);
  if (len.value > end - len.pos)
    throw new Malformed('name runs past its section');
  let value;
  try {
    value = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(len.pos, len.pos + len.value));
  } catch {
    throw new Malformed('a name is not UTF-8');
  }
  return { value, pos: len.pos + len.value };
}

// The top-level sections, in order: { id, start, end } of each payload.
function sections(bytes) {
  const found = [];
  for (let pos = 8; pos < bytes.length;) {
    const id = bytes[pos++];
    const size = readU32(bytes, pos, bytes.length);
    const end = size.pos + size.value;
    if (end > bytes.length)
      throw new Malformed('section runs past the end of the file');
    found.push({ id, start: size.pos, end });
    pos = end;
  }
  return found;
}

// The payload after the name of the first custom section called `name`:
// { pos, end }, or null.
function customSection(bytes, name) {
  for (const s of sections(bytes)) {
    if (s.id !== SECTION.CUSTOM)
      continue;
    const n = readName(bytes, s.start, s.end);
    if (n.value === name)
      return { pos: n.pos, end: s.end };
  }
  return null;
}

// The names in wasm32-wasi-cc.env; [] for a program without the section.
function declaredEnv(bytes) {
  const section = customSection(bytes, 'wasm32-wasi-cc.env');
  if (!section)
    return [];
  let { value: count, pos } = readU32(bytes, section.pos, section.end);
  const names = [];
  while (count-- > 0) {
    const name = readName(bytes, pos, section.end);
    if (name.value === '' || /[=\0]/.test(name.value))
      throw new Malformed(`invalid variable name '${name.value}'`);
    names.push(name.value);
    pos = name.pos;
  }
  if (pos !== section.end)
    throw new Malformed('stray bytes after the names in wasm32-wasi-cc.env');
  return names;
}

// MEM_INFO, NEEDED and RUNTIME_PATH of dylink.0; null for a module without it.
function dylink(bytes) {
  const section = customSection(bytes, 'dylink.0');
  if (!section)
    return null;
  const info = { memSize: 0, memAlign: 0, tableSize: 0, tableAlign: 0, needed: [], runpath: [] };
  for (let pos = section.pos; pos < section.end;) {
    const type = bytes[pos++];
    const size = readU32(bytes, pos, section.end);
    const end = size.pos + size.value;
    if (end > section.end)
      throw new Malformed('dylink.0: subsection runs past its section');
    let p = size.pos;
    const next = () => { const v = readU32(bytes, p, end); p = v.pos; return v.value; };
    if (type === 1) {
      info.memSize = next(); info.memAlign = next();
      info.tableSize = next(); info.tableAlign = next();
    } else if (type === 2 || type === 5) {
      for (let n = next(); n > 0; n--) {
        const name = readName(bytes, p, end);
        (type === 2 ? info.needed : info.runpath).push(name.value);
        p = name.pos;
      }
    }
    pos = end;
  }
  return info;
}

// The core modules embedded in a component, as byte arrays.
function coreModules(bytes) {
  return sections(bytes).filter(s => s.id === SECTION.COMPONENT_CORE_MODULE)
    .map(s => bytes.subarray(s.start, s.end));
}

// Whether a core module uses exception handling: it has a tag section.
function hasTags(bytes) {
  return sections(bytes).some(s => s.id === SECTION.CORE_TAG);
}

// wasm32-wasi-cc.libraries of a dynamic executable's component
// (doc/dynamic-linking-abi.md): { name, module } of each embedded module,
// the executable's name empty, module its place among the core modules;
// null for a component without the section.
function embeddedLibraries(bytes) {
  const section = customSection(bytes, 'wasm32-wasi-cc.libraries');
  if (!section)
    return null;
  let { value: count, pos } = readU32(bytes, section.pos, section.end);
  const found = [];
  while (count-- > 0) {
    const name = readName(bytes, pos, section.end);
    const index = readU32(bytes, name.pos, section.end);
    found.push({ name: name.value, module: index.value });
    pos = index.pos;
  }
  if (pos !== section.end)
    throw new Malformed('stray bytes after the entries of wasm32-wasi-cc.libraries');
  return found;
}

module.exports = {
  Malformed, kind, sections, customSection, declaredEnv, dylink, coreModules, hasTags, embeddedLibraries,
};
