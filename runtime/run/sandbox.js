// sandbox.js: the one rule by which a program's paths reach host files, for every program form.
//
// The rule (doc/security.md says it for users). A program names files by a
// directory it holds (a preopen, or a directory it opened through one) and
// a relative path. Every directory it holds is a host descriptor: a host
// path string is resolved once, when the runner grants it (a preopen), and
// never again. A path is walked beneath the directory held one component at
// a time, each step opening the next directory through the previous one's
// descriptor (/proc/self/fd/N/NAME with O_NOFOLLOW: openat, as cap-std
// does), so that what a name meant when the program opened a directory is
// what it means later, whatever the directory's name has become:
// - an absolute path is refused;
// - "." stays, ".." goes back to the directory the previous component was
//   in (the descriptor kept for it), and is refused when that would leave
//   the directory held;
// - a symbolic link met before the last component, or as the last one when
//   the call follows links, is read by the runner and its target walked
//   from the link's own directory; a target that is absolute, or whose ".."
//   would leave the directory held, is refused; 40 links: ELOOP;
// - a missing component before the last is ENOENT, a non-directory ENOTDIR;
// - a component named CACHE_DIRECTORY (cachedir.js: the runner's cache of
//   host JavaScript, transpiled components and its own compiled code) is
//   refused, as is every path beneath a preopen that lies inside one: no
//   program can read or write what the runner runs;
// - the last component reaches the host only as a name in the descriptor of
//   its directory, with O_NOFOLLOW (or the *at call that does not follow).
// The walk takes time linear in the path's length.
//
// The directories a walk opens are kept (`kept`), by the descriptor
// they were opened beneath and their name, so that the next walk through
// them opens nothing: what a name means changes only by the program's own
// renames and removals, which forget them all (forget()), as does closing
// a descriptor whose number a kept one is named by. (Another host process
// changing the tree while the program runs is not guarded against, as
// doc/security.md says.)
//
// Devices are not the host's: the runner's /dev is a directory of its own
// (Virtual) holding null, zero, full, random, urandom, stdin, stdout,
// stderr and fd/N (a duplicate of the program's descriptor N, as on the BSDs;
// stdin, stdout and stderr are fd/0, fd/1 and fd/2). They open, and nothing
// else: no new name, no unlink, rename, times or size. A file under /proc or
// /sys named as an argument is granted alone, in a Virtual directory of its
// own, for reading only.
//
// A refusal is EPERM, what wasmtime answers (cap-std's "not capable").
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { CACHE_DIRECTORY } = require('./cachedir.js');

const MAX_SYMLINKS = 40;
const { O_RDONLY, O_DIRECTORY, O_NOFOLLOW } = fs.constants;
const DIRECTORY_FLAGS = O_RDONLY | O_DIRECTORY | O_NOFOLLOW;

// The runner's own /dev: the devices a program may open by name.
const DEVICES_NAME = '/dev';
const DEVICES = ['null', 'zero', 'full', 'random', 'urandom'];
const STREAMS = { stdin: 0, stdout: 1, stderr: 2 };
// Where the kernel's files are: only a file named as an argument, alone.
const KERNEL_DIRECTORIES = ['/proc', '/sys'];

class Refused extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

function walled(name) {
  return name.toLowerCase() === CACHE_DIRECTORY;
}

// The host name of NAME in the directory open as host descriptor FD.
function at(fd, name) {
  return name === '.' ? `/proc/self/fd/${fd}` : `/proc/self/fd/${fd}/${name}`;
}

// An error of node's fs as a POSIX code the program can be told.
function codeOf(e) {
  if (e instanceof Refused)
    return e.code;
  return typeof e.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) ? e.code : 'EIO';
}

function closeQuietly(fd) {
  try {
    fs.closeSync(fd);
  } catch {
    // already gone
  }
}

function lstatAt(fd, name) {
  try {
    return fs.lstatSync(at(fd, name), { bigint: true, throwIfNoEntry: false });
  } catch (e) {
    throw new Refused(codeOf(e));
  }
}

// Directories opened beneath others and symbolic links read there:
// "PARENT/NAME" -> { fd } or { link: target }. Bounded: emptied at the
// start of a walk when it holds more than MAX_KEPT.
const MAX_KEPT = 256;
const kept = new Map();

function forget() {
  for (const entry of kept.values())
    if (entry.fd !== undefined)
      closeQuietly(entry.fd);
  kept.clear();
}

// The symbolic link NAME beneath PARENT, read: { link }, kept.
function readLink(key, parent, name) {
  let link;
  try {
    link = fs.readlinkSync(at(parent, name));
  } catch (e) {
    throw new Refused(codeOf(e));
  }
  kept.set(key, { link });
  return { link };
}

// NAME beneath descriptor PARENT: { fd } of the directory it is, opened or
// kept, { link } when it is a symbolic link, else Refused (ENOTDIR, ENOENT).
function enter(parent, name) {
  const key = `${parent}/${name}`;
  const known = kept.get(key);
  if (known !== undefined)
    return known;
  let code;
  try {
    const entry = { fd: fs.openSync(at(parent, name), DIRECTORY_FLAGS) };
    kept.set(key, entry);
    return entry;
  } catch (e) {
    code = codeOf(e);
  }
  if (code !== 'ENOTDIR' && code !== 'ELOOP')
    throw new Refused(code);
  const st = lstatAt(parent, name);
  if (st && st.isSymbolicLink())
    return readLink(key, parent, name);
  throw new Refused(st ? 'ENOTDIR' : 'ENOENT');
}

// NAME beneath PARENT as the last component of a walk that follows it:
// { link } (kept), or { stat } (null when it does not exist).
function inspect(parent, name) {
  const key = `${parent}/${name}`;
  const known = kept.get(key);
  if (known !== undefined && known.link !== undefined)
    return known;
  const stat = lstatAt(parent, name);
  return stat && stat.isSymbolicLink() ? readLink(key, parent, name) : { stat };
}

// A walk's result: the directory `fd` holding the last component `name`
// ("." when the path names the directory itself), whether the path ended in
// "/", and the components walked, without "." or ".." or links, from the
// start and after any prefix (for the preview2 shim). Its descriptors are
// the kept ones (`kept`): nothing to close.
class Walk {
  constructor(fd, name, slash, components, relative = components) {
    Object.assign(this, { fd, name, slash, components, relative });
  }

  host() {
    return at(this.fd, this.name);
  }
}

// Walks `guest` beneath the host directory descriptor `base` by the rule
// above; `follow`: whether the last component is followed when it is a
// symbolic link (and entered when the path ends in "/": then `name` is ".").
// `prefix`: components walked first, below which ".." does not go (the
// preview2 shim's descriptors, known by their path from a preopen).
// Linear: each component is one open (or lstat and readlink), each ".."
// one close.
function walk(base, guest, follow, prefix = []) {
  if (prefix.length === 0)
    return walkFrom(base, guest, follow);
  const start = walkFrom(base, `${prefix.join('/')}/`, true);
  const rest = walkFrom(start.fd, guest, follow, false);
  return new Walk(rest.fd, rest.name, rest.slash, start.components.concat(rest.components), rest.components);
}

function walkFrom(base, guest, follow, fresh = true) {
  if (guest.includes('\0'))
    throw new Refused('EINVAL');
  if (guest === '')
    throw new Refused('ENOENT');
  if (guest.startsWith('/'))
    throw new Refused('EPERM');
  if (fresh && kept.size > MAX_KEPT)
    forget();
  const opened = [], components = [];
  let stat = null; // the last component's, when the walk looked at it
  const significant = c => c !== '' && c !== '.';
  let pending = guest.split('/').reverse();
  let left = pending.filter(significant).length;
  let links = 0, name = '.', slash = false;
  const current = () => (opened.length ? opened[opened.length - 1] : base);
  {
    while (pending.length) {
      const c = pending.pop();
      if (!significant(c))
        continue;
      left--;
      if (c === '..') {
        if (opened.length === 0)
          throw new Refused('EPERM');
        opened.pop();
        components.pop();
        continue;
      }
      if (walled(c))
        throw new Refused('EPERM');
      const last = left === 0;
      slash = last && pending.length > 0;
      if (last && !follow) {
        name = c;
        break;
      }
      // a directory to go into, or a symbolic link to read
      const found = !last || slash ? enter(current(), c) : inspect(current(), c);
      if (found.fd !== undefined) {
        opened.push(found.fd);
        components.push(c);
        continue;
      }
      if (found.link !== undefined) {
        if (++links > MAX_SYMLINKS)
          throw new Refused('ELOOP');
        if (found.link.startsWith('/'))
          throw new Refused('EPERM');
        const more = found.link.split('/');
        pending = pending.concat(more.reverse());
        left += more.filter(significant).length;
        continue;
      }
      name = c; // the last component, followed: not a link
      stat = found.stat;
      break;
    }
  }
  if (name !== '.')
    components.push(name);
  const w = new Walk(opened.length ? opened[opened.length - 1] : base, name, slash, components);
  w.stat = stat;
  return w;
}

// ------------------------------------------------------------- virtual trees

// A directory of the runner's own: names -> what opening them gives, for
// /dev and for a file granted alone. Entries are functions of the program's
// descriptor table (fd/N) or fixed host files.
class Virtual {
  // entries: Map name -> { file: host path opened anew each time, readOnly }
  //          or { directory: Virtual } or { stream: n }
  constructor(entries, dynamic = null, walledOff = false) {
    this.entries = entries;
    this.dynamic = dynamic; // name -> entry, for names not listed (fd/N)
    this.walledOff = walledOff; // a grant inside the runner's cache: all refused
  }

  lookup(name) {
    return this.entries.get(name) || (this.dynamic ? this.dynamic(name) : null);
  }

  names(table) {
    const names = [...this.entries.keys()];
    return this.list ? names.concat(this.list(table)) : names;
  }
}

// /dev: the devices of DEVICES the host has, the standard streams and fd/N.
function devices() {
  const entries = new Map(DEVICES.filter(d => fs.existsSync(`/dev/${d}`)).map(d => [d, { file: `/dev/${d}` }]));
  for (const [name, n] of Object.entries(STREAMS))
    entries.set(name, { stream: n });
  // fd/N; fd/pipe (unlisted) makes a pipe and opens its read end, whose
  // fd/N opened for writing is the write end (pipe() of the porting layer)
  const fd = new Virtual(new Map(), name => (name === 'pipe' ? { pipe: true }
    : /^(0|[1-9][0-9]{0,9})$/.test(name) ? { stream: Number(name) } : null));
  fd.list = table => table.numbers().map(String);
  entries.set('fd', { directory: fd });
  return new Virtual(entries);
}

// A host file under /proc or /sys, granted alone in a directory of its own.
function single(file) {
  return new Virtual(new Map([[path.basename(file), { file, readOnly: true }]]));
}

// GUEST beneath the Virtual directory `dir`: { entry, name } or Refused.
function walkVirtual(dir, guest) {
  if (guest.startsWith('/') || dir.walledOff)
    throw new Refused('EPERM');
  const parts = guest.split('/').filter(c => c !== '' && c !== '.');
  const slash = guest.endsWith('/');
  let entry = { directory: dir }, name = '.';
  const stack = [entry];
  for (const c of parts) {
    if (c === '..') {
      if (stack.length === 1)
        throw new Refused('EPERM');
      stack.pop();
      entry = stack[stack.length - 1];
      continue;
    }
    if (!entry.directory)
      throw new Refused('ENOTDIR');
    const next = entry.directory.lookup(c);
    if (!next)
      throw new Refused('ENOENT');
    entry = next;
    name = c;
    stack.push(entry);
  }
  if (slash && !entry.directory && entry.stream === undefined)
    throw new Refused('ENOTDIR');
  return { entry, name: stack.length === 1 ? '.' : name };
}

// ---------------------------------------------------------- what is granted

// Whether a host path string names what the program opens by that same
// name in the runner's /dev ("/dev/null", "/dev/stdout", "/dev/fd/1"):
// arguments leave it as it is.
function isDevice(guest) {
  if (!guest.startsWith(`${DEVICES_NAME}/`))
    return false;
  try {
    const { entry } = walkVirtual(devices(), guest.slice(DEVICES_NAME.length + 1));
    return !entry.directory;
  } catch {
    return false;
  }
}

// Under /dev, /proc or /sys: what the host keeps there is no directory to hand over.
function isKernelPath(real) {
  return [DEVICES_NAME, ...KERNEL_DIRECTORIES].some(d => real === d || real.startsWith(`${d}/`));
}

// A host directory opened once, for a preopen: { host: its descriptor },
// { virtual } refusing everything when it lies in the runner's cache or
// under /dev, /proc or /sys (whatever grants it: an argument, --dir, the
// working directory), or null when it cannot be opened (gone).
function openPreopen(dir) {
  let real;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return null;
  }
  if (real.split('/').some(walled) || isKernelPath(real))
    return { virtual: new Virtual(new Map(), null, true) };
  try {
    return { host: fs.openSync(real, O_RDONLY | O_DIRECTORY) };
  } catch {
    return null;
  }
}

module.exports = { DEVICES_NAME, Refused, walk, forget, walkVirtual, devices, single, at,
  codeOf, closeQuietly, isDevice, isKernelPath, openPreopen };
