// component.js: running a command component: transpiled by jco once, cached, run on the preview2 shim.
//
// A command runs by its wasi:cli/run; a typed command (Typed Main level 1)
// by calling its typed export (callComponent; typedmain.js makes the call).
//
// The cache: $XDG_CACHE_HOME/wasm32-wasi-cc/wasm32-wasi-run-cache/KEY (default
// ~/.cache), KEY a SHA-256 of the cache's format, the jco version, the
// shim's location and the component. An entry is what jco transpile writes
// (program.js and its core modules), a package.json, a node_modules link
// to the shim, and MANIFEST: the SHA-256 of each file and the link's
// target. It is built in a private directory beside its final name and
// renamed into place, so a reader never sees half of one.
//
// The cache holds host JavaScript that the runner imports, so no program
// may change it: sandbox.js refuses every path through a directory named
// wasm32-wasi-run-cache, wherever it is, for every program form (the cache
// may well be inside the working directory). Each entry is also checked
// against its MANIFEST before anything in it is imported; a broken one
// (a file missing, changed or empty, a half-removed directory) is said in
// one line, transpiled again and replaced.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const wasm = require('./wasm.js');
const { kindOf } = require('./libraries.js');
const { CACHE_DIRECTORY, cacheRoot } = require('./cachedir.js');
const importModule = require('./esm.js');
const { DEVICES_NAME, Refused, walk, forget, walkVirtual } = require('./sandbox.js');
const { PROG, Failure, describe, say, programFailed, writeAll } = require('./report.js');

const CACHE_FORMAT = 2;

// ------------------------------------------- the command modules of a component

// A command component that wasm32-wasi-cc made embeds the program's own core
// modules unchanged: a preview1 command (it imports wasi_snapshot_preview1,
// exports _start), which the component's adapter turns into preview2 calls,
// and for a dynamic executable its libraries, which wasm32-wasi-cc.libraries
// names. The runner runs those modules under its own preview1 host (the
// path rule of sandbox.js), with the same arguments, declared environment and
// preopens the component would get: what the adapter would translate then
// means what it meant, and what preview2 cannot say (an exit status beyond
// ok or err, whether a descriptor is a terminal, reading no further than
// asked) is the program's own. jco could not translate a program that uses
// exception handling (setjmp/longjmp, C++ exceptions) anyway. Other
// components are run as components (runComponent).

function isCommandModule(file, m, first) {
  let module;
  try {
    module = new WebAssembly.Module(m);
  } catch (e) {
    // the program itself, which jco could not run either: said, not hidden
    if (first)
      throw new Failure(`${file}: cannot run its command module: ${e.message}`);
    return false;
  }
  return kindOf(m, module).command &&
    WebAssembly.Module.imports(module).every(i => i.module === 'wasi_snapshot_preview1');
}

// { main, libraries }: the program's module and, for a dynamic executable,
// a Map of its libraries' modules by soname; null for a component that holds
// no preview1 command.
function commandModules(file, bytes) {
  let modules, embedded;
  try {
    modules = wasm.coreModules(bytes);
    embedded = wasm.embeddedLibraries(bytes);
  } catch (e) {
    throw new Failure(`${file}: malformed component: ${e.message}`);
  }
  if (embedded) {
    const libraries = new Map();
    let main = null;
    for (const { name, module } of embedded) {
      if (module >= modules.length)
        throw new Failure(`${file}: malformed component: wasm32-wasi-cc.libraries names module ${module} of ${modules.length}`);
      if (name === '')
        main = Buffer.from(modules[module]);
      else
        libraries.set(name, Buffer.from(modules[module]));
    }
    if (!main)
      throw new Failure(`${file}: malformed component: wasm32-wasi-cc.libraries names no executable`);
    return { main, libraries };
  }
  const main = modules.find((m, i) => isCommandModule(file, m, i === 0));
  return main ? { main: Buffer.from(main), libraries: null } : null;
}

// --------------------------------------------------------------- the cache

// Where jco and the preview2 shim it depends on live.
function jcoPaths(jcoCommand, jcoVersion) {
  let root;
  try {
    root = path.resolve(path.dirname(fs.realpathSync(jcoCommand)), '..');
  } catch (e) {
    throw new Failure(`cannot find jco (${jcoCommand}): ${describe(e)} (install it: npm install -g @bytecodealliance/jco@${jcoVersion})`);
  }
  let shimCli;
  try {
    shimCli = require.resolve('@bytecodealliance/preview2-shim/cli', { paths: [root] });
  } catch {
    throw new Failure(`cannot find @bytecodealliance/preview2-shim next to jco in ${root} (reinstall it: npm install -g @bytecodealliance/jco@${jcoVersion})`);
  }
  return {
    version: jcoVersion,
    api: path.join(root, 'dist', 'api.js'),
    shimRoot: path.resolve(path.dirname(shimCli), '..', '..'),
    shimCli,
    shimFilesystem: path.join(path.dirname(shimCli), 'filesystem.js'),
  };
}

// The key covers what the transpiled code depends on: the component, the
// jco that transpiled it and the shim it imports.
function cacheKey(bytes, jco) {
  return require('node:crypto').createHash('sha256')
    .update(`${CACHE_FORMAT}\0${jco.version}\0${jco.shimRoot}\0`).update(bytes).digest('hex');
}

const SHIM_LINK = path.join('node_modules', '@bytecodealliance', 'preview2-shim');

function sha256(data) {
  return require('node:crypto').createHash('sha256').update(data).digest('hex');
}

// Writes an entry into dir: jco's files, package.json, the shim link and
// the MANIFEST that lists them.
async function transpileInto(file, dir, bytes, jco) {
  let files;
  try {
    const { transpile } = await importModule(jco.api);
    ({ files } = await transpile(bytes, {
      name: 'program', quiet: true, noTypescript: true, wasiShim: true,
    }));
  } catch (e) {
    const first = String(e && e.message ? e.message : e).split('\n')[0];
    throw new Failure(`${file}: cannot transpile the component: ${first}`);
  }
  const manifest = [];
  const write = (name, data) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
    manifest.push(`file ${sha256(data)} ${name}`);
  };
  for (const [name, data] of Object.entries(files))
    if (!name.endsWith('.d.ts'))
      write(name, data);
  write('package.json', '{"type":"module"}\n');
  // The transpiled code imports '@bytecodealliance/preview2-shim/...'.
  fs.mkdirSync(path.join(dir, path.dirname(SHIM_LINK)), { recursive: true });
  fs.symlinkSync(jco.shimRoot, path.join(dir, SHIM_LINK), 'dir');
  manifest.push(`link ${jco.shimRoot} ${SHIM_LINK}`);
  fs.writeFileSync(path.join(dir, 'MANIFEST'), manifest.map(l => `${l}\n`).join(''));
}

// What is wrong with the entry in dir, or null when it is whole.
function brokenEntry(dir, jco) {
  let lines;
  try {
    lines = fs.readFileSync(path.join(dir, 'MANIFEST'), 'utf8').split('\n').filter(l => l);
  } catch (e) {
    return `MANIFEST: ${describe(e)}`;
  }
  let program = false;
  for (const line of lines) {
    const m = /^(file|link) (\S+) (\S+)$/.exec(line);
    if (!m || m[3].split('/').includes('..'))
      return 'MANIFEST: malformed';
    const [, type, want, name] = m;
    try {
      if (type === 'link' ? fs.readlinkSync(path.join(dir, name)) !== jco.shimRoot || name !== SHIM_LINK
        : sha256(fs.readFileSync(path.join(dir, name))) !== want)
        return `${name}: changed`;
    } catch (e) {
      return `${name}: ${describe(e)}`;
    }
    program = program || (type === 'file' && name === 'program.js');
  }
  return program ? null : 'MANIFEST: no program.js';
}

// The directory holding the transpiled component, whole.
async function transpiled(file, bytes, jco) {
  const root = cacheRoot();
  const dir = path.join(root, cacheKey(bytes, jco));
  const broken = fs.existsSync(dir) ? brokenEntry(dir, jco) : 'absent';
  if (!broken)
    return dir;
  let tmp;
  try {
    fs.mkdirSync(root, { recursive: true });
    tmp = fs.mkdtempSync(path.join(root, '.tmp-'));
  } catch {
    return transpiledPrivately(file, bytes, jco);
  }
  try {
    await transpileInto(file, tmp, bytes, jco);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (broken !== 'absent')
    say(`${file}: the cached transpilation ${dir} was broken (${broken}); transpiled again`);
  return install(tmp, dir, jco);
}

// Renames the entry built in tmp to dir, over a broken entry if need be; a
// whole entry another runner put there first wins.
function install(tmp, dir, jco) {
  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.renameSync(tmp, dir);
      return dir;
    } catch (e) {
      if (!['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR'].includes(e.code))
        break;
    }
    if (!brokenEntry(dir, jco)) {
      fs.rmSync(tmp, { recursive: true, force: true });
      return dir;
    }
    const old = `${tmp}.old`;
    try {
      fs.renameSync(dir, old);
    } catch {
      // gone already, or being replaced by another runner: try again
    }
    fs.rmSync(old, { recursive: true, force: true });
  }
  // Not in place: this run uses its own copy, and removes it at exit.
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  return tmp;
}

// No usable cache: an entry for this run only, under the name the sandbox
// keeps every program out of.
async function transpiledPrivately(file, bytes, jco) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${PROG}-`));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  const dir = path.join(tmp, CACHE_DIRECTORY);
  fs.mkdirSync(dir);
  await transpileInto(file, dir, bytes, jco);
  return dir;
}

// ----------------------------------------------------------------- running

// The shim reads fd 0 in a worker and writes with process.stdout.write().
// Importing node:process as ESM creates those streams, and node makes a pipe
// non-blocking for them: the worker would spin on EAGAIN, and a write still
// queued when exit() ends the process would be lost. So: blocking again, and
// every write done before it returns, on our own descriptors.
function plainStdio(stdio) {
  for (const stream of [process.stdin, process.stdout, process.stderr])
    stream._handle?.setBlocking?.(true);
  process.stdout.write = chunk => (writeAll(stdio.stdout, chunk), true);
  process.stderr.write = chunk => (writeAll(stdio.stderr, chunk), true);
}

// wasi:filesystem error codes, as the preview2 shim throws them.
const ERROR_CODE = {
  EACCES: 'access', EBADF: 'bad-descriptor', EEXIST: 'exist', EILSEQ: 'illegal-byte-sequence',
  EINVAL: 'invalid', EIO: 'io', EISDIR: 'is-directory', ELOOP: 'loop', ENAMETOOLONG: 'name-too-long',
  ENOENT: 'no-entry', ENOMEM: 'insufficient-memory', ENOTDIR: 'not-directory', EPERM: 'not-permitted',
};

// The preview2 shim's filesystem with every path method checked by the
// runner's own walk first (sandbox.js), from the preopen's descriptor
// through the descriptor's own path, and given the path that walk found
// (no ".." or link left in it). The shim keeps path strings and resolves
// them again itself: what a program alone does between the check and the
// shim's call cannot change them, but another host process can
// (doc/security.md).
function guardShim(filesystem, grants) {
  const roots = new Map(grants.list.map(([g, what]) => [g, what]));
  const place = new WeakMap(); // Descriptor -> { root, components } or { virtual }
  for (const [descriptor, name] of filesystem.preopens.getDirectories()) {
    const what = roots.get(name);
    if (what)
      place.set(descriptor, what.virtual ? { virtual: what.virtual } : { root: what.host, components: [] });
  }
  // `changing`: a call that makes, removes, renames or retimes a name
  const check = (descriptor, guest, follow, creating = false, changing = false) => {
    const p = place.get(descriptor);
    if (!p)
      throw new Refused('EBADF');
    if (p.virtual) {
      // the runner's /dev: its devices, by name, to open or stat, and nothing else
      if (changing)
        throw new Refused('EPERM');
      let found;
      try {
        found = walkVirtual(p.virtual, guest);
      } catch (e) {
        throw creating && e.code === 'ENOENT' ? new Refused('EPERM') : e;
      }
      const { entry, name } = found;
      if (!entry.file)
        throw new Refused('EPERM');
      return { rel: name, place: { device: true } };
    }
    const w = walk(p.root, guest, follow, p.components);
    return { rel: w.relative.join('/') || '.', place: { root: p.root, components: w.components } };
  };
  const proto = filesystem.types.Descriptor.prototype;
  const original = {};
  const methods = {
    openAt(flags, guest, open, mode) {
      const follow = flags.symlinkFollow && !(open.create && open.exclusive);
      const c = check(this, guest, follow, open.create);
      // O_TRUNC means nothing to a device: not passed on
      const d = original.openAt.call(this, { ...flags, symlinkFollow: false }, c.rel,
        c.place.device ? { ...open, truncate: false } : open, mode);
      place.set(d, c.place);
      return d;
    },
    statAt(flags, guest) {
      return original.statAt.call(this, { ...flags, symlinkFollow: false }, check(this, guest, flags.symlinkFollow).rel);
    },
    metadataHashAt(flags, guest) {
      return original.metadataHashAt.call(this, { ...flags, symlinkFollow: false },
        check(this, guest, flags.symlinkFollow).rel);
    },
    setTimesAt(flags, guest, atime, mtime) {
      return original.setTimesAt.call(this, { ...flags, symlinkFollow: false },
        check(this, guest, flags.symlinkFollow, false, true).rel, atime, mtime);
    },
    createDirectoryAt(guest) {
      return original.createDirectoryAt.call(this, check(this, guest, false, true, true).rel);
    },
    removeDirectoryAt(guest) {
      const r = original.removeDirectoryAt.call(this, check(this, guest, false, false, true).rel);
      forget();
      return r;
    },
    unlinkFileAt(guest) {
      const r = original.unlinkFileAt.call(this, check(this, guest, false, false, true).rel);
      forget();
      return r;
    },
    readlinkAt(guest) {
      return original.readlinkAt.call(this, check(this, guest, false).rel);
    },
    symlinkAt(target, guest) {
      if (target.startsWith('/'))
        throw new Refused('EPERM');
      return original.symlinkAt.call(this, target, check(this, guest, false, true, true).rel);
    },
    renameAt(guest, other, newGuest) {
      const r = original.renameAt.call(this, check(this, guest, false, false, true).rel, other,
        check(other, newGuest, false, true, true).rel);
      forget();
      return r;
    },
    // a device is opened, read and written, never truncated or retimed
    setSize(size) {
      if (place.get(this)?.device)
        throw new Refused('EPERM');
      return original.setSize.call(this, size);
    },
    setTimes(atime, mtime) {
      if (place.get(this)?.device)
        throw new Refused('EPERM');
      return original.setTimes.call(this, atime, mtime);
    },
    readDirectory() {
      if (!place.get(this) || place.get(this).virtual)
        throw new Refused('EPERM');
      return original.readDirectory.call(this);
    },
    linkAt(flags, guest, other, newGuest) {
      return original.linkAt.call(this, { ...flags, symlinkFollow: false },
        check(this, guest, flags.symlinkFollow, false, true).rel, other, check(other, newGuest, false, true, true).rel);
    },
  };
  for (const [name, f] of Object.entries(methods)) {
    original[name] = proto[name];
    proto[name] = function (...a) {
      try {
        return f.apply(this, a);
      } catch (e) {
        throw e instanceof Refused ? ERROR_CODE[e.code] || 'io' : e;
      }
    };
  }
}

// The transpiled component, imported in this process on the shim, its
// file system guarded by the runner's walk.
async function load(file, bytes, { argv0, args, env, grants, stdio, jco: [jcoCommand, jcoVersion] }) {
  const jco = jcoPaths(jcoCommand, jcoVersion);
  const dir = await transpiled(file, bytes, jco);
  let cli, filesystem;
  try {
    cli = await importModule(jco.shimCli);
    filesystem = await importModule(jco.shimFilesystem);
  } catch (e) {
    // the shim reads the working directory as it loads, for one
    throw new Failure(`cannot load @bytecodealliance/preview2-shim: ${e.message}`);
  }
  cli._setArgs([argv0, ...args]);
  cli._setEnv(env);
  cli._setCwd(undefined); // the host's is none of its business
  filesystem._setPreopens({ ...grants.shim, [DEVICES_NAME]: DEVICES_NAME });
  guardShim(filesystem, grants);
  plainStdio(stdio);
  try {
    return await importModule(path.join(dir, 'program.js'));
  } catch (e) {
    throw new Failure(`${file}: cannot instantiate: ${String(e && e.message).split('\n')[0]}`);
  }
}

// An err that jco's bindings throw: a result's err, or wasi:cli/run's.
function isComponentError(e) {
  return Boolean(e && e.constructor && e.constructor.name === 'ComponentError');
}

// Runs the component's wasi:cli/run. Its exit() ends the process itself.
async function runComponent(file, bytes, run) {
  const program = await load(file, bytes, run);
  if (typeof program.run?.run !== 'function')
    throw new Failure(`${file}: not a command: the component exports no wasi:cli/run`);
  try {
    await program.run.run();
  } catch (e) {
    // wasi:cli/run returned err: the program failed without calling exit
    if (isComponentError(e))
      return 1;
    return programFailed(file, e);
  }
  return 0;
}

// Calls a typed command's export `name` (jco's name for it) with args (in
// jco's representation): { returned }, { err } (a result's err payload), or
// { status } when the program trapped (said already).
async function callComponent(file, bytes, run, name, args) {
  const program = await load(file, bytes, run);
  if (typeof program[name] !== 'function')
    throw new Failure(`${file}: malformed program: wasm32-wasi-cc.main names ${name}, which the component does not export`);
  try {
    return { returned: await program[name](...args) };
  } catch (e) {
    if (isComponentError(e))
      return { err: e.payload };
    return { status: programFailed(file, e) };
  }
}

module.exports = { commandModules, runComponent, callComponent };
