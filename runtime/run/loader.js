// loader.js: the dynamic loader: runs a dynamic executable with the libraries it needs, and dlopen.
//
// A core module with dylink.0 (wasm32-wasi-cc's dynamic-command; the ABI is
// doc/dynamic-linking-abi.md, what a module is: libraries.js) is loaded with
// the libraries it needs, searched by name in the order that page states
// ("Finding libraries": findLibrary). One library is the allocator
// (liballoc.so, provides-state + library: a module without dylink.0 that
// exports its memory): it is instantiated first, and its memory, table and
// stack pointer (its stack first in memory) are those of every module. Each dll's data goes where the allocator's
// aligned_alloc puts it, its functions where the table grows. Imports are
// resolved by module name, the two-level namespace wasm32-wasi-cc wrote at
// link time: "." is the module itself, a soname a library loaded before
// it; GOT.mem/P and GOT.func/P are addresses of P's symbols; env holds what
// the loader provides (each module's memory and table base, __heap_base,
// the state when a module names no provider, dlopen and friends) and weak
// functions nobody defines (they trap); GOT.mem and GOT.func without a
// provider are the addresses of weak symbols nobody defines (null). The
// allocator's _initialize runs first; then each library, dependencies
// first, gets __wasm_apply_data_relocs and __wasm_call_ctors; then _start,
// which runs the program's own constructors and main; destructors run from
// exit(), as libc registers them.
//
// Every module imports WASI from the same runner's preview1 (wasi.js). The
// libraries the loader finds by name come from the search path above, which
// the user and the program's link chose: a RUNTIME_PATH is searched only
// for the modules loaded at start, never for a library dlopen loaded (the
// program may have written it; what it needs is searched as the program's
// own needs are). dlopen of a path reads it as the program would open it,
// inside its preopens (a regular file, bounded), and what dlerror says
// names no host path and shows no file's bytes.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const wasm = require('./wasm.js');
const { kindOf } = require('./libraries.js');
const { Failure, describe, programFailed } = require('./report.js');
const { Refused } = require('./sandbox.js');

// A library is read whole; the largest one accepted.
const MAX_LIBRARY = 1 << 30;

const ALLOCATOR_EXPORTS = ['memory', '__indirect_function_table', '__stack_pointer', 'aligned_alloc'];

// Whether a host file is a core module: only those are libraries, so a
// search skips anything else (as ld.so skips incompatible files), and
// whether some other file exists in a search directory never shows. Most
// candidates are missing: a stat that does not throw says so cheaply.
function isCoreModule(file) {
  let fd;
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st || !st.isFile())
      return false;
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(8);
    return fs.readSync(fd, head, 0, 8, 0) === 8 && wasm.kind(head) === 'core' &&
      fs.fstatSync(fd).isFile();
  } catch {
    return false;
  } finally {
    if (fd !== undefined)
      fs.closeSync(fd);
  }
}

// A library by name, in the run-time order of doc/dynamic-linking-abi.md,
// "Finding libraries" (the one statement of it).
function findLibrary(name, programDir, libdir, why = 'needed', runpath = [], origin = programDir) {
  const dirs = [programDir,
    ...(process.env.WASM32_WASI_LIBRARY_PATH || '').split(':').filter(d => d),
    ...runpath.map(d => d.replace(/\$(ORIGIN\b|\{ORIGIN\})/g, () => origin)), libdir];
  if (name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\0'))
    for (const dir of dirs) {
      const p = path.join(dir, name);
      if (isCoreModule(p))
        return p;
    }
  throw new Failure(`${name}: library not found (${why}; searched ${dirs.join(', ')})`, 1,
    `${name}: library not found`);
}

function readLibrary(where, shown) {
  try {
    return fs.readFileSync(where);
  } catch (e) {
    throw new Failure(`${where}: ${describe(e)}`, 1, `${shown}: ${describe(e)}`);
  }
}

// The failure of a module in `where` (shown to the program as `shown`)
// that error e says is malformed.
function malformed(where, shown, e) {
  return new Failure(`${where}: malformed program: ${e.message}`, 1, `${shown}: malformed library`);
}

// What read(bytes) reads of a module in `where`, or the failure saying why it is malformed.
function reading(bytes, where, shown, read) {
  try {
    return read(bytes);
  } catch (e) {
    throw e instanceof wasm.Malformed ? malformed(where, shown, e) : e;
  }
}

function dylinkOf(bytes, where, shown) {
  return reading(bytes, where, shown, wasm.dylink);
}

// The module `name` in `file` and every library it needs that isLoaded
// does not know, dependencies before dependents: { name, file, shown, info,
// bytes, module }, module compiled by compile() below. Libraries are searched
// from programDir on. `shown` is what the program may be told `file` is;
// `compiled`, its module if it is compiled already.
function loadOrder(name, file, bytes, programDir, libdir, isLoaded = () => false, shown = file, compiled = null,
                   embedded = null, runpath = null) {
  const order = [], seen = new Map();
  const visit = (name, where, data, label, module = null) => {
    if (seen.has(name))
      return;
    seen.set(name, true);
    if (wasm.kind(data) !== 'core')
      throw new Failure(`${where}: not a WebAssembly module`, 1, `${label}: not a WebAssembly module`);
    const info = dylinkOf(data, where, label);
    for (const dep of info ? info.needed : []) {
      if (seen.has(dep) || isLoaded(dep))
        continue;
      if (embedded && embedded.has(dep)) {
        visit(dep, `${file}(${dep})`, embedded.get(dep), dep);
        continue;
      }
      let p;
      try {
        p = runpath ? findLibrary(dep, programDir, libdir, 'needed', runpath, programDir)
          : findLibrary(dep, programDir, libdir, 'needed', info.runpath, path.dirname(where));
      } catch (e) {
        throw new Failure(e.message, 1, `${dep}: library not found (needed by ${label})`);
      }
      visit(dep, p, readLibrary(p, dep), dep);
    }
    order.push({ name, file: where, shown: label, info, bytes: data, module, kind: null, allocator: false, id: null });
  };
  visit(name, file, bytes, shown, compiled);
  return order;
}

// What the loader itself reads of a module's exports.
const LOADER_EXPORTS = ['_start', '_initialize', '__wasm_apply_data_relocs', '__wasm_call_ctors', '__heap_base',
  'malloc', 'free', ...ALLOCATOR_EXPORTS];

// The names each dll of a process started with `order` must export:
// what the loader reads, and what the modules import from it (or, for its
// own, from '.'), by name; the program also answers to its file name.
// null when a module imports dlopen or dlsym, which can reach any export.
// A dll exports everything it defines (libc.so some 1,400 functions), and
// V8 makes a JavaScript function of each export when it instantiates a
// module: most of a dynamic program's start, for names that nothing asks
// for. The loader gives each dll only the exports of this map
// (trimExports), which changes nothing that can be observed.
function reachableExports(order, programFile) {
  const want = new Map(order.map(m => [m.name, new Set(LOADER_EXPORTS)]));
  for (const m of order)
    for (const { module: mod, name } of reading(m.bytes, m.file, m.shown, wasm.imports)) {
      if (mod === 'env' && (name === 'dlopen' || name === 'dlsym'))
        return null;
      const from = mod.slice(mod.indexOf('/') + 1);
      const target = from === '.' ? m.name : from === path.basename(programFile) ? '' : from;
      if (want.has(target))
        want.get(target).add(name);
    }
  return want;
}

// Compiles the modules of `order` not compiled yet, dependencies first, each
// dll with only the exports `want` names for it (all, when want is null; its
// bytes are trimmed in place), and says what each is (libraries.js).
function compile(order, want = null) {
  for (const m of order) {
    const keep = want && m.info && !m.module && want.get(m.name);
    if (keep)
      reading(m.bytes, m.file, m.shown, bytes => wasm.trimExports(bytes, keep));
    try {
      m.module = m.module || new WebAssembly.Module(m.bytes);
    } catch (e) {
      throw malformed(m.file, m.shown, e);
    }
    m.kind = kindOf(m.bytes, m.module);
    m.allocator = m.kind.allocator;
    if (!m.kind.dynamic && !m.kind.allocator)
      throw new Failure(`${m.file}: not a library: neither a dll (no dylink.0) nor an allocator (no memory export)`,
        1, `${m.shown}: not a library`);
    m.bytes = null;
  }
  return order;
}

// The allocator among the libraries, instantiated; it imports WASI at most.
function instantiateAllocator(file, order, wasiImports) {
  const found = order.filter(m => m.allocator);
  if (found.length === 0)
    throw new Failure(`${file}: no allocator among its libraries provides memory, table and stack pointer (liballoc.so)`);
  if (found.length > 1)
    throw new Failure(`${file}: two allocators among its libraries: ${found[0].file} and ${found[1].file}`);
  const m = found[0];
  const lacks = ALLOCATOR_EXPORTS.filter(n => !WebAssembly.Module.exports(m.module).some(e => e.name === n));
  if (lacks.length)
    throw new Failure(`${m.file}: an allocator must export ${ALLOCATOR_EXPORTS.join(', ')}; it lacks ${lacks.join(', ')}`);
  const imports = {};
  for (const { module: mod, name } of WebAssembly.Module.imports(m.module)) {
    if (!(mod in wasiImports))
      throw new Failure(`${m.file}: the allocator imports '${name}' from '${mod}', which nothing provides`);
    (imports[mod] = imports[mod] || {})[name] = wasiImports[mod][name];
  }
  try {
    m.instance = new WebAssembly.Instance(m.module, imports);
  } catch (e) {
    throw new Failure(`${m.file}: cannot instantiate: ${e.message}`);
  }
  m.memoryBase = 0;
  m.tableBase = 0;
  return m;
}

// A NUL-terminated string in memory at ptr.
function cString(memory, ptr) {
  const b = new Uint8Array(memory.buffer);
  let end = ptr;
  while (end < b.length && b[end] !== 0)
    end++;
  return Buffer.from(b.subarray(ptr, end)).toString('utf8');
}

// dlopen, dlsym, dlclose and dlerror (runtime/include/dlfcn.h), as the
// imports of a dynamic program. A handle is a small number; 0 is
// RTLD_DEFAULT. Failures set the message dlerror returns, in memory from
// the allocator, valid until the next call: the failure's reason, which
// names what the program named, never a host path. `load` instantiates a
// library and what it needs; `address` makes an export a function or data
// address. In a component (`embedded`: its libraries by soname), dlopen
// finds only what the component embeds, by the name's last component, and
// dlsym(handle) searches that library alone, as the component's own dlopen
// and dlsym do (steps/complink/dl.c).
function dlfcnFunctions({ memory, state, wasi, programDir, libdir, program, global, byName, load, address,
                          embedded }) {
  const handles = [null];
  let error = null, errorPtr = 0;
  const handleOf = m => {
    if (!m.handle)
      m.handle = handles.push(m) - 1;
    return m.handle;
  };
  const failing = (fallback, f) => (...a) => {
    try {
      return f(...a);
    } catch (e) {
      if (!(e instanceof Failure))
        throw e;
      error = e.reason || e.message;
      return fallback;
    }
  };
  // m and what it needs, breadth first: the scope of dlsym(handle).
  const scopeOf = m => {
    const scope = [m];
    for (let i = 0; i < scope.length; i++)
      for (const dep of scope[i].info ? scope[i].info.needed : []) {
        const d = byName.get(dep);
        if (d && !scope.includes(d))
          scope.push(d);
      }
    return scope;
  };
  // The bytes of a path the program gives, as it would open it, and what
  // identifies the file (device and inode).
  const guestFile = name => {
    try {
      return wasi.readGuestFile(name, MAX_LIBRARY);
    } catch (e) {
      if (!(e instanceof Refused))
        throw e;
      const text = e.code === 'EINVAL' ? 'not a regular file' : e.code === 'EFBIG' ? 'too large' : describe(e.code);
      throw new Failure(`${name}: ${text}`, 1, `${name}: ${text}`);
    }
  };
  return {
    dlopen: failing(0, (namePtr, mode) => {
      if (namePtr === 0)
        return handleOf(program);
      const name = cString(memory, namePtr);
      if (embedded) {
        const soname = name.slice(name.lastIndexOf('/') + 1);
        if (byName.has(soname))
          return handleOf(byName.get(soname));
        if (!embedded.has(soname))
          throw new Failure(`${name}: not among the component's dl-openable libraries (-Wl,--dl-openable)`);
        return mode & 4 ? 0 : handleOf(load(soname, `${program.file}(${soname})`, soname, embedded.get(soname)));
      }
      let where = name, bytes = null;
      if (name.includes('/'))
        ({ bytes, id: where } = guestFile(name));
      else if (!byName.has(name))
        where = findLibrary(name, programDir, libdir, 'dlopen', program.info.runpath, programDir);
      // a library already loaded, under its name or from the same file
      const id = bytes ? where : fileId(where);
      const known = byName.get(name) || global.find(m => m.id !== null && m.id === id);
      if (known)
        return handleOf(known);
      if (mode & 4) // RTLD_NOLOAD
        return 0;
      return handleOf(load(name, where, name, bytes));
    }),
    dlsym: failing(0, (handle, namePtr) => {
      const name = cString(memory, namePtr);
      const m = handle === 0 ? null : handles[handle];
      if (handle !== 0 && !m)
        throw new Failure(`dlsym: ${handle} is not a handle dlopen gave`);
      // in a component, a library's own symbols, as the component's dlsym
      const scope = !m || m === program ? global : embedded ? [m] : scopeOf(m);
      for (const s of scope) {
        const v = s.instance.exports[name];
        if (typeof v === 'function' || v instanceof WebAssembly.Global)
          return address(s, v);
      }
      throw new Failure(`${name}: undefined symbol`);
    }),
    dlclose: failing(-1, handle => {
      if (!handles[handle])
        throw new Failure(`dlclose: ${handle} is not a handle dlopen gave`);
      return 0;
    }),
    dlerror: () => {
      if (error === null)
        return 0;
      if (errorPtr)
        state.free(errorPtr);
      const text = Buffer.from(`${error}\0`);
      error = null;
      errorPtr = state.malloc(text.length) >>> 0;
      if (errorPtr)
        new Uint8Array(memory.buffer).set(text, errorPtr);
      return errorPtr;
    },
  };
}

// What identifies a host file: its device and inode, or null.
function fileId(file) {
  try {
    const st = fs.statSync(file);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

function alignUp(n, log2) {
  const a = 2 ** log2;
  return Math.ceil(n / a) * a;
}

// wasi: the program's preview1 (wasi.js). libraries: a component's
// embedded libraries by soname (component.js), found before any file.
// The process's shared state, as the allocator exports it: its memory and
// table, with what the loader does to them for every module: a region of the
// table (grown), a function's one table slot (its pointer, whoever asks), and
// the module's data, zeroed, from the allocator.
function processState(file, state) {
  const { memory, __indirect_function_table: table, __stack_pointer: stackPointer } = state;
  const tableIndex = new Map();
  const growTable = (n, log2, who) => {
    const base = alignUp(table.length, log2);
    try {
      table.grow(base - table.length + n);
    } catch (e) {
      throw new Failure(`${who.file}: the allocator's table cannot grow: ${e.message}`, 1,
        `${who.shown}: the table cannot grow`);
    }
    return base;
  };
  // the modules whose slots are not in tableIndex yet (adoptSlots)
  const unadopted = [];
  const funcIndex = f => {
    if (!tableIndex.has(f))
      for (const m of unadopted.splice(0))
        for (let i = m.tableBase; i < m.tableBase + m.info.tableSize; i++) {
          const g = table.get(i);
          if (g && !tableIndex.has(g))
            tableIndex.set(g, i);
        }
    if (!tableIndex.has(f)) {
      const i = growTable(1, 0, { file, shown: file });
      table.set(i, f);
      tableIndex.set(f, i);
    }
    return tableIndex.get(f);
  };
  const reserve = m => {
    const { memSize: size, memAlign } = m.info;
    if (size === 0)
      return 0;
    const align = Math.max(2 ** memAlign, 16);
    const p = state.aligned_alloc(align, alignUp(size, Math.log2(align))) >>> 0;
    if (p === 0)
      throw new Failure(`${m.file}: the allocator has no room for its ${size} bytes of data`, 1,
        `${m.shown}: no room for its ${size} bytes of data`);
    new Uint8Array(memory.buffer, p, size).fill(0);
    return p;
  };
  // A function's pointer is the slot its own module gives it, whoever
  // asks: a module's slots are read when a pointer is first asked for that
  // is not known yet (table.get makes a JavaScript function of each, which
  // a program that asks for none should not pay for).
  const adoptSlots = m => {
    unadopted.push(m);
  };
  return { memory, table, stackPointer, heapBase: state.__heap_base ? state.__heap_base.value : 0,
    growTable, funcIndex, reserve, adoptSlots };
}

const i32 = (v, mutable = false) => new WebAssembly.Global({ value: 'i32', mutable }, v);

// The run-time half of the two-level namespace (doc/dynamic-linking-abi.md;
// the link-time half is steps/dylink.c): module m's imports, each from where
// its module name says. `late` gets what must wait for m's own instance (its
// GOT entries of itself).
function bindImports(m, { proc, provided, wasiImports, byName }, late) {
  const imports = {};
  const set = (mod, name, v) => { (imports[mod] = imports[mod] || {})[name] = v; };
  for (const imp of WebAssembly.Module.imports(m.module)) {
    const { module: mod, name, kind } = imp;
    const slash = mod.indexOf('/');
    const got = slash > 0 ? mod.slice(0, slash) : null;
    const from = got ? mod.slice(slash + 1) : mod;
    if (mod === 'env') {
      if (name in provided)
        set(mod, name, provided[name]);
      else if (kind === 'function')
        set(mod, name, () => { throw new WebAssembly.RuntimeError(`call to weak undefined '${name}'`); });
      else
        set(mod, name, i32(0, true));
    } else if (mod === 'GOT.mem' && name === '__heap_base') {
      set(mod, name, i32(proc.heapBase, true));
    } else if (mod === 'GOT.mem' || mod === 'GOT.func') {
      set(mod, name, i32(0, true)); // a weak symbol nobody defines: null
    } else if (mod in wasiImports) {
      set(mod, name, wasiImports[mod][name]);
    } else if (from === '.' || byName.has(from)) {
      const target = from === '.' ? m : byName.get(from);
      const resolve = () => {
        const v = target.instance.exports[name];
        if (v === undefined)
          throw new Failure(`${m.file}: '${name}' is not defined by ${target.file}`, 1,
            `${m.shown}: '${name}' is not defined by ${target.shown}`);
        return v;
      };
      if (got) {
        const g = i32(0, true);
        const fill = () => {
          const v = resolve();
          g.value = got === 'GOT.func' ? proc.funcIndex(v) : target.memoryBase + v.value;
        };
        set(mod, name, g);
        if (from === '.') late.push(fill); else fill();
      } else if (from === '.' && kind === 'function') {
        set(mod, name, (...a) => resolve()(...a));
      } else {
        set(mod, name, resolve());
      }
    } else {
      throw new Failure(`${m.file}: imports '${name}' from '${mod}', which is not loaded`, 1,
        `${m.shown}: imports '${name}' from '${mod}', which is not loaded`);
    }
  }
  return imports;
}

// Relocations, then constructors, dependencies first (skip: the program,
// whose _start runs its own).
function initialize(loaded, skip) {
  for (const m of loaded) {
    const e = m.instance.exports;
    if (e.__wasm_apply_data_relocs)
      e.__wasm_apply_data_relocs();
    if (m !== skip && e.__wasm_call_ctors)
      e.__wasm_call_ctors();
  }
}

// A dynamic executable, in four phases: the modules found and ordered
// (loadOrder) and compiled, each dll keeping only the exports the process
// can reach (reachableExports); the allocator instantiated (the process's
// state); each module given its regions and instantiated with its imports
// bound (bindImports); then initialized and started. dlopen repeats the
// first and third for what it loads, its dlls keeping every export.
function runDynamic(file, bytes, { wasi, libdir, libraries = null }) {
  const programDir = path.dirname(file);
  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (e) {
    throw new Failure(`${file}: malformed program: ${e.message}`);
  }
  if (!kindOf(bytes, module).command)
    throw new Failure(`${file}: not a command: a library (it exports no _start)`);
  const found = loadOrder('', file, bytes, programDir, libdir, undefined, file, module, libraries);
  const order = compile(found, reachableExports(found, file));
  for (const m of order)
    m.id = libraries && m !== order[order.length - 1] && libraries.has(m.name) ? null : fileId(m.file);
  let memory;
  const wasiImports = { wasi_snapshot_preview1: wasi.imports(() => memory) };
  const allocator = instantiateAllocator(file, order, wasiImports);
  const state = allocator.instance.exports;
  const proc = processState(file, state);
  ({ memory } = proc);
  const byName = new Map([[allocator.name, allocator]]);
  let dlfcn;
  const instantiate = m => {
    m.memoryBase = proc.reserve(m);
    m.tableBase = proc.growTable(m.info.tableSize, m.info.tableAlign, m);
    // what the loader gives this module in env
    const provided = { memory, __indirect_function_table: proc.table, __stack_pointer: proc.stackPointer,
      __memory_base: i32(m.memoryBase), __table_base: i32(m.tableBase),
      __heap_base: i32(proc.heapBase), __heap_end: i32(memory.buffer.byteLength), ...dlfcn };
    const late = [];
    const imports = bindImports(m, { proc, provided, wasiImports, byName }, late);
    try {
      m.instance = new WebAssembly.Instance(m.module, imports);
    } catch (e) {
      throw new Failure(`${m.file}: cannot instantiate: ${e.message}`, 1,
        `${m.shown}: cannot instantiate: ${e.message}`);
    }
    proc.adoptSlots(m);
    for (const fill of late)
      fill();
    if (m.name)
      byName.set(m.name, m);
  };
  const modules = order.filter(m => m !== allocator);
  const program = modules[modules.length - 1];
  // The global scope dlsym(RTLD_DEFAULT) searches: the program, then the
  // libraries in the order they were loaded.
  const global = [program, allocator, ...modules.filter(m => m !== program)];
  const load = (name, where, shown, bytes) => {
    const fresh = compile(loadOrder(name, bytes ? shown : where, bytes || readLibrary(where, shown), programDir,
      libdir, n => byName.has(n), shown, null, libraries, program.info.runpath));
    const top = fresh[fresh.length - 1];
    for (const m of fresh)
      m.id = m !== top ? fileId(m.file) : bytes ? where : fileId(where);
    if (top.allocator && top.kind.command)
      throw new Failure(`${where}: not a library: a command`, 1, `${shown}: not a library: a command`);
    const allocators = fresh.filter(m => m.allocator);
    if (allocators.length)
      throw new Failure(`${allocators[0].file}: an allocator, and the process has one`, 1,
        `${shown}: an allocator, and the process has one`);
    fresh.forEach(instantiate);
    initialize(fresh, null);
    global.push(...fresh);
    return fresh[fresh.length - 1];
  };
  dlfcn = dlfcnFunctions({ memory, state, wasi, programDir, libdir, program, global, byName, load,
    address: (m, v) => (typeof v === 'function' ? proc.funcIndex(v) : m.memoryBase + v.value),
    embedded: libraries });
  // Everything after the allocator's instantiation runs as the program:
  // constructors may call WASI (libc's finds its preopens), and exit.
  const start = () => {
    if (state._initialize)
      state._initialize();
    modules.forEach(instantiate);
    // A dll linked against the executable (one made with -rdynamic, for the
    // plugins it dlopens) names it by its file name.
    if (!byName.has(path.basename(file)))
      byName.set(path.basename(file), program);
    initialize(modules, program);
    program.instance.exports._start();
  };
  // the allocator's stack is every module's: its size is where it starts
  const stack = { size: proc.stackPointer.value, pointer: () => proc.stackPointer.value };
  try {
    return wasi.run(start);
  } catch (e) {
    if (e instanceof Failure)
      throw e;
    return programFailed(file, e, stack);
  }
}

module.exports = { runDynamic };
