// wasm.js: the runner's one reader of WebAssembly binaries, core modules and components alike.
//
// It knows the header (magic and version: which layer a file is), the
// framing of top-level sections (an id byte, a LEB128 size), and the two
// custom sections the runner reads: wasm32-wasi-cc.env (the declared
// environment, a vec of names), wasm32-wasi-cc.main (a typed command's
// signature, its JSON text), dylink.0 (doc/dynamic-linking-abi.md;
// MEM_INFO, NEEDED and RUNTIME_PATH are used) and a dynamic executable's
// component's wasm32-wasi-cc.libraries, and a module's imports. It writes
// a module's export section: an export of wasm-ld's stack pointer added
// (exportingGlobal), so that the runner can tell a stack overflow, and the
// exports the loader leaves out of a dll (trimExports), found through the
// dll's export index (wasm32-wasi-cc.exports). What it cannot read it
// reports by throwing Malformed, whose message says what is wrong; callers
// prefix the file's name.
'use strict';

const MAGIC = 0x0061736d;
const VERSION = { 1: 'core', 0x1000d: 'component' };
const SECTION = { CUSTOM: 0, COMPONENT_CORE_MODULE: 1, IMPORT: 2, GLOBAL: 6, EXPORT: 7, CORE_TAG: 13 };
const I32 = 0x7f, I32_CONST = 0x41, END = 0x0b;

class Malformed extends Error {}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const IMPORT_KIND = ['function', 'table', 'memory', 'global', 'tag'];

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
    value = UTF8.decode(bytes.subarray(len.pos, len.pos + len.value));
  } catch {
    throw new Malformed('a name is not UTF-8');
  }
  return { value, pos: len.pos + len.value };
}

// The top-level sections, in order: { id, start, end } of each payload,
// and `at`, where the section (its id) begins.
function sections(bytes) {
  const found = [];
  for (let pos = 8; pos < bytes.length;) {
    const at = pos;
    const id = bytes[pos++];
    const size = readU32(bytes, pos, bytes.length);
    const end = size.pos + size.value;
    if (end > bytes.length)
      throw new Malformed('section runs past the end of the file');
    found.push({ id, at, start: size.pos, end });
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

// The text of wasm32-wasi-cc.main, a typed command's signature (JSON, read
// by signature.js); null for a program without the section.
function typedMain(bytes) {
  const section = customSection(bytes, 'wasm32-wasi-cc.main');
  if (!section)
    return null;
  try {
    return UTF8.decode(bytes.subarray(section.pos, section.end));
  } catch {
    throw new Malformed('wasm32-wasi-cc.main is not UTF-8');
  }
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

// An unsigned LEB128, encoded.
function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value)
      b |= 0x80;
    out.push(b);
  } while (value);
  return Buffer.from(out);
}

// A core module's imports, in order: { module, name, kind } of each, kind
// named as WebAssembly.Module.imports names it.
function imports(bytes) {
  const s = sections(bytes).find(x => x.id === SECTION.IMPORT);
  if (!s)
    return [];
  let { value: count, pos } = readU32(bytes, s.start, s.end);
  const skipLimits = () => {
    const flags = bytes[pos++];
    pos = readU32(bytes, pos, s.end).pos;
    if (flags & 1)
      pos = readU32(bytes, pos, s.end).pos;
  };
  const found = [];
  while (count-- > 0) {
    const module = readName(bytes, pos, s.end);
    const name = readName(bytes, module.pos, s.end);
    pos = name.pos;
    const kind = bytes[pos++];
    if (kind === 0)
      pos = readU32(bytes, pos, s.end).pos;
    else if (kind === 1) {
      pos++;
      skipLimits();
    } else if (kind === 2)
      skipLimits();
    else if (kind === 3)
      pos += 2;
    else if (kind === 4)
      pos = readU32(bytes, pos + 1, s.end).pos;
    else
      throw new Malformed(`import of unknown kind ${kind}`);
    if (pos > s.end)
      throw new Malformed('import runs past its section');
    found.push({ module: module.value, name: name.value, kind: IMPORT_KIND[kind] });
  }
  return found;
}

// wasm-ld's stack pointer in a module it linked with --stack-first (the
// stack below everything, growing down from its size): its first global,
// defined, a mutable i32 starting at i32.const SIZE. { index, size }, or
// null for a module that has no such global.
function stackPointer(bytes) {
  const globals = sections(bytes).find(s => s.id === SECTION.GLOBAL);
  if (!globals || imports(bytes).some(i => i.kind === 'global'))
    return null;
  const { value: count, pos } = readU32(bytes, globals.start, globals.end);
  if (count === 0 || bytes[pos] !== I32 || bytes[pos + 1] !== 1 || bytes[pos + 2] !== I32_CONST)
    return null;
  const size = readU32(bytes, pos + 3, globals.end); // positive: its sign bit clear
  return bytes[size.pos] === END && size.value < 2 ** 31 ? { index: 0, size: size.value } : null;
}

// The module with global INDEX exported as NAME too (an entry appended to
// its export section), for the runner to read what a trap left in it; null
// for a module without an export section.
function exportingGlobal(bytes, index, name) {
  const s = sections(bytes).find(x => x.id === SECTION.EXPORT);
  if (!s)
    return null;
  const count = readU32(bytes, s.start, s.end);
  const payload = Buffer.concat([u32(count.value + 1), bytes.subarray(count.pos, s.end),
    u32(Buffer.byteLength(name)), Buffer.from(name), Buffer.of(3), u32(index)]);
  return Buffer.concat([bytes.subarray(0, s.at), Buffer.of(SECTION.EXPORT), u32(payload.length), payload,
    bytes.subarray(s.end)]);
}

// An unsigned LEB128 of exactly `width` bytes written at buf[at] (padded
// with continuation bytes, as wasm allows).
function writePaddedU32(buf, at, value, width) {
  for (let i = 0; i < width; i++, value = Math.floor(value / 128))
    buf[at + i] = (value & 0x7f) | (i < width - 1 ? 0x80 : 0);
}

// FNV-1a of a name's UTF-8 bytes, as wasm/exportindex.c places names.
function exportHash(bytes, start, end) {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++)
    h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
  return h;
}

// A dll's export index (wasm32-wasi-cc.exports, wasm/exportindex.c) when it
// indexes exports, the export section whose contents are [start, end) with
// `count` entries: { nslots, slots } (slots: where they start), else null.
function exportIndex(bytes, exports, count) {
  const section = customSection(bytes, 'wasm32-wasi-cc.exports');
  if (!section || section.end - section.pos < 12)
    return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const nslots = buf.readUInt32LE(section.pos + 8);
  if (buf.readUInt32LE(section.pos) !== exports.end - exports.start || buf.readUInt32LE(section.pos + 4) !== count ||
      nslots <= count || (nslots & (nslots - 1)) !== 0 || section.end - section.pos !== 12 + 4 * nslots)
    return null;
  return { nslots, slots: section.pos + 12 };
}

// The entry of `name` (UTF-8 bytes) in the export section, through its
// index: [start, end) in bytes, or null when no export has that name.
function findExport(bytes, exports, index, name) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const mask = index.nslots - 1;
  for (let s = exportHash(name, 0, name.length) & mask, tries = 0; tries < index.nslots; s = (s + 1) & mask, tries++) {
    const at = buf.readUInt32LE(index.slots + 4 * s);
    if (at === 0)
      return null;
    const start = exports.start + at - 1;
    if (start >= exports.end)
      continue;
    const len = readU32(bytes, start, exports.end);
    if (len.value !== name.length || len.pos + len.value + 1 > exports.end ||
        buf.compare(name, 0, name.length, len.pos, len.pos + len.value) !== 0)
      continue;
    let end = len.pos + len.value + 1; // the name, then the kind, then the index
    while (end < exports.end && bytes[end++] & 0x80)
      ;
    return [start, end];
  }
  return null;
}

// Leaves in the module only the exports named in `names` (strings), in
// place: the export section keeps where it starts and the widths of its
// size and count, its kept entries move down, and the bytes it no longer
// needs become a custom section with an empty name, which every reader
// passes by. Returns whether it changed anything (not when all are kept,
// nor when the bytes freed are too few to frame a section). Nothing else
// refers to an export, so nothing else changes. It runs once, cold, at every
// start of a dynamic program, over a dll's long export section (libc.so's
// 1,400 names), which it does not read: it looks each name up in the dll's
// export index (a dll that has none, or whose index is not of its export
// section, has its entries read one by one). It copies no module: fresh
// pages for a copy would cost as much as the trim saves.
function trimExports(bytes, names) {
  const s = sections(bytes).find(x => x.id === SECTION.EXPORT);
  if (!s)
    return false;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const { value: count, pos: first } = readU32(bytes, s.start, s.end);
  const index = exportIndex(bytes, s, count);
  const kept = []; // [start, end) of each entry kept
  if (index) {
    for (const name of new Set(names)) {
      const found = findExport(bytes, s, index, Buffer.from(name, 'utf8'));
      if (found)
        kept.push(found);
    }
    kept.sort((x, y) => x[0] - y[0]); // the entries keep their order
  } else {
    // the names decoded as Latin-1, which keeps the bytes of UTF-8, and
    // compared so; the compiler validates what is kept
    const want = new Set([...names].map(n => Buffer.from(n, 'utf8').toString('latin1')));
    const text = buf.latin1Slice(s.start, s.end);
    let pos = first;
    for (let i = 0; i < count; i++) {
      const at = pos;
      let len = 0, shift = 0, b = 0x80;
      while (b & 0x80 && shift < 35 && pos < s.end) { // the name's length, a LEB128 read inline
        b = bytes[pos++];
        len += (b & 0x7f) * 2 ** shift;
        shift += 7;
      }
      const name = pos;
      pos += len + 1; // the name, then the kind
      while (pos < s.end && bytes[pos++] & 0x80) // the index
        ;
      if (b & 0x80 || pos > s.end)
        throw new Malformed('export runs past its section');
      if (want.has(text.slice(name - s.start, name + len - s.start)))
        kept.push([at, pos]);
    }
    if (pos !== s.end)
      throw new Malformed('stray bytes after the entries of the export section');
  }
  const size = kept.reduce((n, [at, end]) => n + end - at, first - s.start);
  const free = s.end - s.start - size; // an id, a size of 1 or 5 bytes, an empty name
  if (kept.length === count || free < 3)
    return false;
  let to = first;
  for (const [at, end] of kept) {
    buf.copy(buf, to, at, end);
    to += end - at;
  }
  writePaddedU32(buf, s.at + 1, size, s.start - s.at - 1);
  writePaddedU32(buf, s.start, kept.length, first - s.start);
  const width = free - 2 < 128 ? 1 : 5;
  buf[to] = SECTION.CUSTOM;
  writePaddedU32(buf, to + 1, free - 1 - width, width);
  buf[to + 1 + width] = 0;
  return true;
}

module.exports = {
  Malformed, kind, sections, customSection, declaredEnv, typedMain, dylink, coreModules, hasTags, embeddedLibraries,
  imports, stackPointer, exportingGlobal, exportIndex, findExport, trimExports,
};
