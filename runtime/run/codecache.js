// codecache.js: the runner's own JavaScript, compiled once: V8's code cache of each of its files.
//
// Node 20 compiles the runner's files at every start, and each function
// again when it is first called: for a dynamic program, whose start runs the
// loader and wasm.js's readers, 2 to 3 ms of a 70 ms start (doc/testing.md).
// install() has node's CommonJS loader compile the larger files of the
// runner's directory (but esm.js: code compiled so cannot import()) through
// vm.Script, with the data V8 cached of them, one cache file per source file
// in cachedir.js's CODE_DIRECTORY:
//   a header line: MAGIC, node's version, the source's identity (device,
//   inode, size, modification and change times) and the data's length;
//   then V8's data.
// A cache is used only when its header is that of the source as it is now
// and V8 accepts its data (V8 itself checks its version, its flags, the
// source's length, and, as the runner asks with --verify-snapshot-checksum,
// a checksum of the data). Otherwise the file is compiled from its source,
// and at exit its cache is written again, with every function this run
// compiled, into a file of its own renamed over the old one; not when the
// source changed while the runner ran (what node read might not be what the
// header would say). The cache is only ever a speedup: a cache file of any
// kind (a FIFO, a directory, garbage) is read in bounded time or not at all,
// and a directory that cannot be written leaves the runner as it was,
// silently.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { CODE_DIRECTORY, cacheRoot } = require('./cachedir.js');

const MAGIC = 'wasm32-wasi-run code cache 1';
const MAX_CACHE = 16 << 20; // far above the largest (wasi.js's, some 40 KB)
// Below this many characters of source, compiling a file costs less than
// reading its cache (report.js, argv.js...: a static command's start was
// 0.5 ms slower with them cached, and is as much faster without).
const MIN_SOURCE = 8192;
const UNCACHED = new Set(['esm.js']);
const { O_RDONLY, O_WRONLY, O_CREAT, O_TRUNC, O_NOFOLLOW, O_NONBLOCK } = fs.constants;

// FNV-1a of a string's UTF-16 units, in hex: the runner's directory in the
// name of a cache file (an installed runner and a build tree's keep theirs apart).
function nameHash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++)
    h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

// What a cache file's header says of its source, and its change time.
function identity(file) {
  const st = fs.statSync(file);
  return { id: `${process.version} ${st.dev} ${st.ino} ${st.size} ${st.mtimeMs} ${st.ctimeMs}`, ctimeMs: st.ctimeMs };
}

// The data of the cache file `where` when its header is MAGIC, `id` and
// the data's length, else null.
function readCache(where, id) {
  let fd;
  try {
    fd = fs.openSync(where, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > MAX_CACHE)
      return null;
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    for (let r; n < buf.length && (r = fs.readSync(fd, buf, n, buf.length - n, n)) > 0;)
      n += r;
    const eol = buf.indexOf(10);
    if (eol < 0 || eol >= n)
      return null;
    const data = buf.subarray(eol + 1, n);
    return buf.latin1Slice(0, eol) === `${MAGIC} ${id} ${data.length}` ? data : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined)
      fs.closeSync(fd);
  }
}

function writeCache(where, id, data) {
  const tmp = `${where}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(where), { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC} ${id} ${data.length}\n`, 'latin1'), data]),
      { flag: O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, mode: 0o600 });
    fs.renameSync(tmp, where);
  } catch {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never made
    }
  }
}

// rundir as the runner's script names it (a build tree's may hold '..');
// node gives _compile the files' resolved names.
function install(named) {
  const rundir = path.resolve(named);
  const dir = path.join(cacheRoot(), CODE_DIRECTORY);
  const started = Date.now() - process.uptime() * 1000;
  const stale = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    const name = path.basename(filename);
    if (path.dirname(filename) !== rundir || UNCACHED.has(name) || content.length < MIN_SOURCE)
      return compile.call(this, content, filename);
    const where = path.join(dir, `${name}.${nameHash(rundir)}`);
    let source = null, cachedData;
    try {
      source = identity(filename);
      cachedData = readCache(where, source.id) || undefined;
    } catch {
      // no identity, no cache
    }
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${content}\n})`,
      { filename, cachedData });
    if (source && source.ctimeMs < started && (!cachedData || script.cachedDataRejected))
      stale.push({ script, filename, where, id: source.id });
    const require = id => this.require(id);
    require.resolve = (request, options) => Module.createRequire(filename).resolve(request, options);
    return script.runInThisContext().call(this.exports, this.exports, require, this, filename, rundir);
  };
  process.on('exit', () => {
    for (const { script, filename, where, id } of stale) {
      let now = null;
      try {
        now = identity(filename).id;
      } catch {
        // gone
      }
      if (now === id)
        writeCache(where, id, script.createCachedData());
    }
  });
}

module.exports = { install };
