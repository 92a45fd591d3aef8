// sandbox.js: the one rule by which a program's paths reach host files, for every program form.
//
// The rule (doc/security.md says it for users). A program names files by a
// directory it holds (a preopen, or a directory it opened through one) and
// a relative path. The path is resolved beneath that directory one
// component at a time, with lstat, never by the host's own lookup:
// - an absolute path is refused;
// - "." stays, ".." goes back to the directory the previous component was
//   in, and refused when that would leave the directory held;
// - a symbolic link met before the last component, or as the last one when
//   the call follows links, is replaced by its target, read from the
//   link's own directory; a target that is absolute, or whose ".." would
//   leave the directory held, is refused; 40 links: ELOOP;
// - a missing component before the last is ENOENT, a non-directory ENOTDIR;
// - anything whose real path has a component named CACHE_DIRECTORY (the
//   runner's cache of transpiled components: host JavaScript) is refused,
//   even inside a directory the program holds, and nothing may be created
//   or renamed to that name: no program can write what the runner imports.
// - beneath DEVICES_DIR (preopened as DEVICES_NAME, so that a program's
//   "/dev/null" opens there), only the devices DEVICES names: the sinks and
//   sources of bytes ported code opens by name, nothing else of the host's
//   devices, and no new name;
// - the program's standard streams by name, to open only, each for the one
//   direction it has: "/dev/stdin" and "/dev/fd/0" for reading, "stdout",
//   "stderr", 1 and 2 for writing. They open the runner's own descriptors
//   anew (STREAMS_DIR, preopened as STREAMS_NAME), as Linux's do: a file
//   reopened starts at its beginning. Nothing else beneath STREAMS_DIR;
// A refusal is EPERM, what wasi-filesystem specifies and jco's preview2 shim
// answers. What is resolved is the path relative to the directory held
// with no ".", "..", or symbolic link left in it but the last component of
// a call that does not follow links; only that reaches the host.
//
// Three adapters apply the rule: preview1() interposes node:wasi's path
// calls (core modules, exception-handling programs, dynamic executables),
// guardShim() the preview2 shim's Descriptor methods (components), and
// guestFile() serves dlopen. The host may change files while the program
// runs; the runner does not guard against other host processes.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const CACHE_DIRECTORY = 'wasm32-wasi-run-cache';
const MAX_SYMLINKS = 40;
const DEVICES_NAME = '/dev', DEVICES_DIR = '/dev';
const DEVICES = new Set(['null', 'zero', 'full', 'random', 'urandom']);
const STREAMS_NAME = '/dev/fd', STREAMS_DIR = '/proc/self/fd';
// The standard streams' names beneath DEVICES_NAME and STREAMS_NAME:
// name -> [the descriptor's name beneath STREAMS_DIR, whether it is for reading].
const STREAMS = {
  [DEVICES_NAME]: new Map([['stdin', ['0', true]], ['stdout', ['1', false]], ['stderr', ['2', false]]]),
  [STREAMS_NAME]: new Map([['0', ['0', true]], ['1', ['1', false]], ['2', ['2', false]]]),
};

// WASI preview1 errno values (wasi_snapshot_preview1's errno enum).
const ERRNO = {
  EACCES: 2, EBADF: 8, EEXIST: 20, EILSEQ: 25, EINVAL: 28, EIO: 29, EISDIR: 31, ELOOP: 32,
  ENAMETOOLONG: 37, ENOENT: 44, ENOMEM: 48, ENOTDIR: 54, EPERM: 63,
};
// wasi:filesystem error codes, as the preview2 shim throws them.
const ERROR_CODE = {
  EACCES: 'access', EBADF: 'bad-descriptor', EEXIST: 'exist', EILSEQ: 'illegal-byte-sequence',
  EINVAL: 'invalid', EIO: 'io', EISDIR: 'is-directory', ELOOP: 'loop',
  ENAMETOOLONG: 'name-too-long', ENOENT: 'no-entry', ENOMEM: 'insufficient-memory',
  ENOTDIR: 'not-directory', EPERM: 'not-permitted',
};

const LOOKUP_SYMLINK_FOLLOW = 1;
const OFLAGS_CREAT = 1, OFLAGS_DIRECTORY = 2, OFLAGS_EXCL = 4;
const RIGHTS_FD_READ = 1n << 1n, RIGHTS_FD_WRITE = 1n << 6n;

class Refused extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

function walled(name) {
  return name.toLowerCase() === CACHE_DIRECTORY;
}

function join(dir, name) {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

// `guest` resolved beneath the real directory `base` by the rule above:
// { rel, host, link }, `link` true when the last component is a symbolic
// link left unfollowed. Throws Refused with a POSIX error code.
function resolve(base, guest, follow) {
  if (guest === '')
    throw new Refused('ENOENT');
  if (guest.startsWith('/'))
    throw new Refused('EPERM');
  if (guest.includes('\0'))
    throw new Refused('EINVAL');
  const done = [], directories = new Set();
  let pending = guest.split('/').reverse(), links = 0, link = false, slash = false, host = base;
  while (pending.length) {
    const c = pending.pop();
    if (c === '' || c === '.')
      continue;
    if (c === '..') {
      if (!done.length)
        throw new Refused('EPERM');
      done.pop();
      host = done.reduce(join, base);
      continue;
    }
    // the last component, unless a ".." follows; a "/" or "." after it
    // makes it a directory
    const last = pending.every(p => p === '' || p === '.');
    slash = last && pending.length > 0;
    const candidate = join(host, c);
    if (!last && directories.has(candidate)) {
      done.push(c);
      host = candidate;
      continue;
    }
    let st;
    try {
      st = fs.lstatSync(candidate, { throwIfNoEntry: false });
    } catch (e) {
      throw new Refused(e.code in ERRNO ? e.code : 'EIO');
    }
    if (!st) {
      if (!last)
        throw new Refused('ENOENT');
      done.push(c);
      host = candidate;
      break;
    }
    if (st.isSymbolicLink() && (!last || follow || slash)) {
      if (++links > MAX_SYMLINKS)
        throw new Refused('ELOOP');
      let target;
      try {
        target = fs.readlinkSync(candidate);
      } catch (e) {
        throw new Refused(e.code in ERRNO ? e.code : 'EIO');
      }
      if (target.startsWith('/'))
        throw new Refused('EPERM');
      pending = pending.concat(target.split('/').reverse());
      continue;
    }
    if (!last && !st.isDirectory())
      throw new Refused('ENOTDIR');
    if (st.isDirectory())
      directories.add(candidate);
    link = st.isSymbolicLink();
    done.push(c);
    host = candidate;
  }
  if (host.split('/').some(walled))
    throw new Refused('EPERM');
  if (base === DEVICES_DIR && !(done.length === 1 && DEVICES.has(done[0]) && !slash))
    throw new Refused('EPERM');
  if (base === streamsDirectory())
    throw new Refused('EPERM'); // its streams open by stream() alone
  const rel = done.length ? done.join('/') + (slash ? '/' : '') : '.';
  return { rel, host, link };
}

// STREAMS_DIR as the host resolves it ("/proc/PID/fd"), or null without /proc.
let streamsDir;
function streamsDirectory() {
  if (streamsDir === undefined) {
    try {
      streamsDir = fs.realpathSync(STREAMS_DIR);
    } catch {
      streamsDir = null;
    }
  }
  return streamsDir;
}

// Whether a path string names what the program opens by that same name
// beneath DEVICES_NAME or STREAMS_NAME ("/dev/null", "/dev/stdout",
// "/dev/fd/1"): arguments leave it as it is, rather than hand over the host
// directory it resolves to.
function isDevice(guest) {
  const [dir, name] = [path.dirname(guest), path.basename(guest)];
  return (dir === DEVICES_NAME && DEVICES.has(name)) || (dir in STREAMS && STREAMS[dir].has(name));
}

// Opening the stream GUEST names beneath HOST (a directory held) with these
// flags and rights: null if GUEST is no stream there, else [error code or
// null, the descriptor's name beneath STREAMS_DIR]. A stream opens for its
// one direction only, never as a directory or a new file.
function stream(host, guest, oflags, rights) {
  const names = host === DEVICES_DIR ? STREAMS[DEVICES_NAME] :
    host !== null && host === streamsDirectory() ? STREAMS[STREAMS_NAME] : null;
  if (!names || !names.has(guest))
    return null;
  const [number, reading] = names.get(guest);
  if (oflags & OFLAGS_DIRECTORY)
    return ['ENOTDIR', number];
  if ((oflags & OFLAGS_CREAT) && (oflags & OFLAGS_EXCL))
    return ['EEXIST', number];
  return [BigInt(rights) & (reading ? RIGHTS_FD_WRITE : RIGHTS_FD_READ) ? 'EACCES' : null, number];
}

class Sandbox {
  // table: guest name -> host directory, the preopens in node:wasi's order.
  constructor(table) {
    this.bases = new Map();
    for (const [name, dir] of Object.entries(table)) {
      let real = null;
      try {
        real = fs.realpathSync(dir);
      } catch {
        // gone: nothing resolves beneath it
      }
      this.bases.set(name, real);
    }
  }

  // A path of the program's own (dlopen's argument) as wasi-libc would open
  // it: under the preopen its first component names (after any leading "/"
  // or "./"), else under the working directory. The host path, or Refused.
  guestFile(guest) {
    let rest = guest.replace(/^(\.?\/)+/, '');
    const first = rest.split('/')[0];
    let base = this.bases.get('.');
    if (first !== '.' && this.bases.has(first)) {
      base = this.bases.get(first);
      rest = rest.slice(first.length).replace(/^\/+/, '');
    }
    if (!base)
      throw new Refused('ENOENT');
    return resolve(base, rest || '.', true).host;
  }

  // node:wasi's wasi_snapshot_preview1 functions with every path call
  // resolved by the rule first. Preopens are fds 3, 4, ... in table order;
  // path_open, fd_renumber and fd_close keep the host directory of each fd.
  // A resolved path that differs from the program's is written to a
  // scratch area at the end of memory, grown for it on first use. It holds
  // no link left to follow, so node is told not to follow any.
  preview1(p1, memory) {
    const fds = new Map();
    [...this.bases.values()].forEach((host, i) => fds.set(3 + i, host));
    const streamsFd = 3 + [...this.bases.keys()].indexOf(STREAMS_NAME);
    let scratch = 0, scratchSize = 0;
    const bytes = () => new Uint8Array(memory().buffer);
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const readPath = (ptr, len) => {
      try {
        return utf8.decode(bytes().subarray(ptr, ptr + len));
      } catch {
        throw new Refused('EILSEQ');
      }
    };
    const at = (fd, ptr, len, follow) => {
      const base = fds.get(fd);
      if (!base)
        throw new Refused('EBADF');
      const guest = readPath(ptr, len);
      return { guest, ptr, len, ...resolve(base, guest, follow) };
    };
    // [ptr, len] of each resolved path: in the program's own bytes when it
    // is the end of them ("./f", "d/../f"), else in the scratch area.
    const place = (...paths) => {
      const encoded = paths.map(p => {
        if (p.rel === p.guest)
          return null;
        const rel = Buffer.from(p.rel), own = bytes().subarray(p.ptr, p.ptr + p.len);
        if (rel.length <= p.len && rel.equals(own.subarray(p.len - rel.length))) {
          p.ptr += p.len - rel.length;
          p.len = rel.length;
          return null;
        }
        return rel;
      });
      const need = encoded.reduce((n, b) => n + (b ? b.length : 0), 0);
      if (need > scratchSize) {
        const pages = Math.ceil(need / 65536);
        try {
          scratch = memory().grow(pages) * 65536;
        } catch {
          throw new Refused('ENOMEM');
        }
        scratchSize = pages * 65536;
      }
      let at = scratch;
      return paths.map((p, i) => {
        if (!encoded[i])
          return [p.ptr, p.len];
        bytes().set(encoded[i], at);
        at += encoded[i].length;
        return [at - encoded[i].length, encoded[i].length];
      });
    };
    const errno = f => (...a) => {
      try {
        return f(...a);
      } catch (e) {
        if (e instanceof Refused)
          return ERRNO[e.code];
        throw e;
      }
    };
    const calls = {
      path_open: (fd, dirflags, ptr, len, oflags, base, inheriting, fdflags, out) => {
        const guest = readPath(ptr, len), std = stream(fds.get(fd), guest, oflags, base);
        if (std) {
          // node opens /proc/self/fd/N as the kernel does, following its link
          const [error, number] = std;
          if (error || streamsFd < 3)
            return ERRNO[error || 'EPERM'];
          return p1.path_open(streamsFd, 0, ...place({ guest, rel: number, ptr, len })[0],
            oflags, base, inheriting, fdflags, out);
        }
        const exclusive = (oflags & OFLAGS_CREAT) && (oflags & OFLAGS_EXCL);
        const p = at(fd, ptr, len, (dirflags & LOOKUP_SYMLINK_FOLLOW) && !exclusive);
        if (p.link)
          return ERRNO[exclusive ? 'EEXIST' : 'ELOOP'];
        const e = p1.path_open(fd, dirflags & ~LOOKUP_SYMLINK_FOLLOW, ...place(p)[0], oflags, base,
          inheriting, fdflags, out);
        if (e === 0)
          fds.set(new DataView(memory().buffer).getUint32(out, true), p.host);
        return e;
      },
      fd_close: fd => {
        const e = p1.fd_close(fd);
        if (e === 0)
          fds.delete(fd);
        return e;
      },
      fd_renumber: (from, to) => {
        const e = p1.fd_renumber(from, to);
        if (e === 0) {
          fds.set(to, fds.get(from));
          fds.delete(from);
        }
        return e;
      },
      path_filestat_get: (fd, flags, ptr, len, out) =>
        p1.path_filestat_get(fd, flags & ~LOOKUP_SYMLINK_FOLLOW,
          ...place(at(fd, ptr, len, flags & LOOKUP_SYMLINK_FOLLOW))[0], out),
      path_filestat_set_times: (fd, flags, ptr, len, atim, mtim, fst) =>
        p1.path_filestat_set_times(fd, flags & ~LOOKUP_SYMLINK_FOLLOW,
          ...place(at(fd, ptr, len, flags & LOOKUP_SYMLINK_FOLLOW))[0], atim, mtim, fst),
      path_create_directory: (fd, ptr, len) =>
        p1.path_create_directory(fd, ...place(at(fd, ptr, len, false))[0]),
      path_remove_directory: (fd, ptr, len) =>
        p1.path_remove_directory(fd, ...place(at(fd, ptr, len, false))[0]),
      path_unlink_file: (fd, ptr, len) =>
        p1.path_unlink_file(fd, ...place(at(fd, ptr, len, false))[0]),
      path_readlink: (fd, ptr, len, buf, bufLen, out) =>
        p1.path_readlink(fd, ...place(at(fd, ptr, len, false))[0], buf, bufLen, out),
      path_rename: (fd, ptr, len, newFd, newPtr, newLen) => {
        const [from, to] = place(at(fd, ptr, len, false), at(newFd, newPtr, newLen, false));
        return p1.path_rename(fd, ...from, newFd, ...to);
      },
      path_link: (fd, flags, ptr, len, newFd, newPtr, newLen) => {
        const [from, to] = place(at(fd, ptr, len, flags & LOOKUP_SYMLINK_FOLLOW),
          at(newFd, newPtr, newLen, false));
        return p1.path_link(fd, flags & ~LOOKUP_SYMLINK_FOLLOW, ...from, newFd, ...to);
      },
      path_symlink: (targetPtr, targetLen, fd, ptr, len) => {
        if (readPath(targetPtr, targetLen).startsWith('/'))
          throw new Refused('EPERM');
        return p1.path_symlink(targetPtr, targetLen, fd, ...place(at(fd, ptr, len, false))[0]);
      },
    };
    const wrapped = { ...p1 };
    for (const [name, f] of Object.entries(calls))
      wrapped[name] = errno(f);
    // A descriptor below 0 (C's -1) is EBADF for every descriptor call, as in
    // POSIX; node takes it for an argument out of range (EINVAL).
    for (const name of Object.keys(wrapped).filter(n => n.startsWith('fd_'))) {
      const f = wrapped[name];
      wrapped[name] = (fd, ...a) => (fd < 0 ? ERRNO.EBADF : f(fd, ...a));
    }
    return wrapped;
  }

  // The preview2 shim's filesystem (what jco's transpiled components
  // import) with every path method resolving by the rule first: each
  // Descriptor's host directory is known from the preopens and openAt.
  guardShim(filesystem) {
    const hostOf = new WeakMap();
    for (const [descriptor, name] of filesystem.preopens.getDirectories())
      hostOf.set(descriptor, this.bases.get(name));
    const at = (descriptor, guest, follow) => {
      const base = hostOf.get(descriptor);
      if (!base)
        throw new Refused('EBADF');
      return resolve(base, guest, follow);
    };
    const proto = filesystem.types.Descriptor.prototype;
    const original = {};
    const methods = {
      openAt(flags, guest, open, mode) {
        const follow = flags.symlinkFollow && !(open.create && open.exclusive);
        const p = at(this, guest, follow);
        const d = original.openAt.call(this, { ...flags, symlinkFollow: follow }, p.rel, open, mode);
        hostOf.set(d, p.host);
        return d;
      },
      statAt(flags, guest) {
        return original.statAt.call(this, flags, at(this, guest, flags.symlinkFollow).rel);
      },
      metadataHashAt(flags, guest) {
        return original.metadataHashAt.call(this, flags, at(this, guest, flags.symlinkFollow).rel);
      },
      setTimesAt(flags, guest, atime, mtime) {
        return original.setTimesAt.call(this, flags, at(this, guest, flags.symlinkFollow).rel, atime, mtime);
      },
      createDirectoryAt(guest) {
        return original.createDirectoryAt.call(this, at(this, guest, false).rel);
      },
      removeDirectoryAt(guest) {
        return original.removeDirectoryAt.call(this, at(this, guest, false).rel);
      },
      unlinkFileAt(guest) {
        return original.unlinkFileAt.call(this, at(this, guest, false).rel);
      },
      readlinkAt(guest) {
        return original.readlinkAt.call(this, at(this, guest, false).rel);
      },
      symlinkAt(target, guest) {
        if (target.startsWith('/'))
          throw new Refused('EPERM');
        return original.symlinkAt.call(this, target, at(this, guest, false).rel);
      },
      renameAt(guest, other, newGuest) {
        const from = at(this, guest, false), to = at(other, newGuest, false);
        return original.renameAt.call(this, from.rel, other, to.rel);
      },
      linkAt(flags, guest, other, newGuest) {
        const from = at(this, guest, flags.symlinkFollow), to = at(other, newGuest, false);
        return original.linkAt.call(this, flags, from.rel, other, to.rel);
      },
    };
    for (const [name, f] of Object.entries(methods)) {
      original[name] = proto[name];
      proto[name] = function (...a) {
        try {
          return f.apply(this, a);
        } catch (e) {
          throw e instanceof Refused ? ERROR_CODE[e.code] : e;
        }
      };
    }
  }
}

module.exports = { CACHE_DIRECTORY, DEVICES_NAME, DEVICES_DIR, STREAMS_NAME, STREAMS_DIR, Refused, Sandbox, isDevice,
  resolve };
