// wasi.js: WASI preview1 (wasi_snapshot_preview1), implemented by the runner over host descriptors.
//
// The program's descriptor table maps its numbers to open file
// descriptions: a host descriptor (a file, a directory, a standard stream,
// a device), a Virtual directory of the runner's own (sandbox.js), or one
// end of a pipe inside the program. dup (the runner's /dev/fd/N) shares a
// description, and with it the offset, as POSIX says. Every path goes
// through sandbox.js's walk; no host path string is kept or resolved again.
//
// Offsets: a description the program opened keeps its own offset and reads
// and writes at it (pread, pwrite: node has no lseek); appending goes
// through the host's O_APPEND. The standard streams use the host's offset,
// which they share with the runner's caller (a shell's `>> log`), until the
// program seeks one: from then on it has an offset of its own.
//
// What cannot be done in one thread fails rather than hangs: reading an
// empty pipe whose write end is open, or writing to a full one, is EAGAIN.
// poll_oneoff sees pipes, files and clocks; a host pipe or terminal is
// always reported ready, and the read then waits as read(2) would. An
// absolute deadline on either clock is waited for until it passes.
'use strict';
const fs = require('node:fs');
const { BrokenPipe } = require('./report.js');
const argv = require('./argv.js');
const random = require('./random.js');
const sandbox = require('./sandbox.js');
const { Refused, walk, walkVirtual, at, codeOf, closeQuietly } = sandbox;

// wasi_snapshot_preview1's errno, in its order
const ERRNO = Object.fromEntries(('SUCCESS 2BIG ACCES ADDRINUSE ADDRNOTAVAIL AFNOSUPPORT AGAIN ALREADY BADF ' +
  'BADMSG BUSY CANCELED CHILD CONNABORTED CONNREFUSED CONNRESET DEADLK DESTADDRREQ DOM DQUOT EXIST FAULT ' +
  'FBIG HOSTUNREACH IDRM ILSEQ INPROGRESS INTR INVAL IO ISCONN ISDIR LOOP MFILE MLINK MSGSIZE MULTIHOP ' +
  'NAMETOOLONG NETDOWN NETRESET NETUNREACH NFILE NOBUFS NODEV NOENT NOEXEC NOLCK NOLINK NOMEM NOMSG ' +
  'NOPROTOOPT NOSPC NOSYS NOTCONN NOTDIR NOTEMPTY NOTRECOVERABLE NOTSOCK NOTSUP NOTTY NXIO OVERFLOW ' +
  'OWNERDEAD PERM PIPE PROTO PROTONOSUPPORT PROTOTYPE RANGE ROFS SPIPE SRCH STALE TIMEDOUT TXTBSY XDEV ' +
  'NOTCAPABLE').split(' ').map((name, i) => [i === 0 ? 'SUCCESS' : `E${name}`, i]));
ERRNO.EWOULDBLOCK = ERRNO.EAGAIN;
ERRNO.EOPNOTSUPP = ERRNO.ENOTSUP;

const FILETYPE = { UNKNOWN: 0, BLOCK: 1, CHARACTER: 2, DIRECTORY: 3, REGULAR: 4, SOCKET_STREAM: 6, SYMLINK: 7 };
const FDFLAGS = { APPEND: 1, DSYNC: 2, NONBLOCK: 4, RSYNC: 8, SYNC: 16 };
const OFLAGS = { CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 };
const FSTFLAGS = { ATIM: 1, ATIM_NOW: 2, MTIM: 4, MTIM_NOW: 8 };
const LOOKUP_SYMLINK_FOLLOW = 1;
const RIGHT = Object.fromEntries(('FD_DATASYNC FD_READ FD_SEEK FD_FDSTAT_SET_FLAGS FD_SYNC FD_TELL FD_WRITE ' +
  'FD_ADVISE FD_ALLOCATE PATH_CREATE_DIRECTORY PATH_CREATE_FILE PATH_LINK_SOURCE PATH_LINK_TARGET PATH_OPEN ' +
  'FD_READDIR PATH_READLINK PATH_RENAME_SOURCE PATH_RENAME_TARGET PATH_FILESTAT_GET PATH_FILESTAT_SET_SIZE ' +
  'PATH_FILESTAT_SET_TIMES FD_FILESTAT_GET FD_FILESTAT_SET_SIZE FD_FILESTAT_SET_TIMES PATH_SYMLINK ' +
  'PATH_REMOVE_DIRECTORY PATH_UNLINK_FILE POLL_FD_READWRITE SOCK_SHUTDOWN SOCK_ACCEPT').split(' ')
  .map((name, i) => [name, 1n << BigInt(i)]));
const ALL_RIGHTS = (1n << 30n) - 1n;
const WRITE_RIGHTS = RIGHT.FD_WRITE | RIGHT.FD_ALLOCATE | RIGHT.FD_FILESTAT_SET_SIZE | RIGHT.FD_DATASYNC;
const SEEK_RIGHTS = RIGHT.FD_SEEK | RIGHT.FD_TELL;
const FILE_RIGHTS = RIGHT.FD_FDSTAT_SET_FLAGS | RIGHT.FD_SYNC | RIGHT.FD_ADVISE | RIGHT.FD_FILESTAT_GET |
  RIGHT.FD_FILESTAT_SET_TIMES | RIGHT.POLL_FD_READWRITE;
// (no PATH_FILESTAT_SET_SIZE: O_TRUNC is not a right apart from writing)
const DIRECTORY_RIGHTS = ALL_RIGHTS & ~(RIGHT.FD_READ | RIGHT.FD_WRITE | SEEK_RIGHTS | RIGHT.FD_ALLOCATE |
  RIGHT.FD_FILESTAT_SET_SIZE | RIGHT.PATH_FILESTAT_SET_SIZE | RIGHT.SOCK_SHUTDOWN | RIGHT.SOCK_ACCEPT);
const EVENT = { CLOCK: 0, FD_READ: 1, FD_WRITE: 2 };
const CLOCK = { REALTIME: 0, MONOTONIC: 1, PROCESS_CPUTIME: 2, THREAD_CPUTIME: 3 };
const SUBSCRIPTION_CLOCK_ABSTIME = 1;
const PIPE_CAPACITY = 1 << 20;
const MAX_DESCRIPTORS = 1 << 16;
const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_NONBLOCK, O_DIRECTORY, O_NOFOLLOW,
  O_DSYNC, O_SYNC } = fs.constants;

// proc_exit: unwinds the program to run().
class Exit extends Error {
  constructor(code) {
    super(`exit ${code}`);
    this.code = code;
  }
}

// ------------------------------------------------------- descriptions

function filetypeOf(st) {
  if (st.isFile()) return FILETYPE.REGULAR;
  if (st.isDirectory()) return FILETYPE.DIRECTORY;
  if (st.isCharacterDevice()) return FILETYPE.CHARACTER;
  if (st.isBlockDevice()) return FILETYPE.BLOCK;
  if (st.isSocket()) return FILETYPE.SOCKET_STREAM;
  if (st.isSymbolicLink()) return FILETYPE.SYMLINK;
  return FILETYPE.UNKNOWN; // a FIFO: preview1 has no such type
}

// An open file description: what dup shares.
class Description {
  // host: a host descriptor or null; virtual: a Virtual; pipe: [Pipe, 'read'|'write']
  constructor({ host = null, virtual = null, pipe = null, type, read = false, write = false, append = false,
    nonblock = false, sync = 0, offset = 0, inherited = false, device = false, readOnly = false }) {
    Object.assign(this, { host, virtual, pipe, type, read, write, append, nonblock, sync, offset, inherited, device,
      readOnly, refs: 0, listing: null });
    this.seekable = type === FILETYPE.REGULAR || type === FILETYPE.BLOCK ||
      (type === FILETYPE.CHARACTER && !(host !== null && isTerminal(host)));
    if (!this.seekable)
      this.offset = null; // a pipe, a terminal, a socket: read(2) and write(2) as they come
  }

  // [base, inheriting]: what the description allows, less what the
  // program dropped (fd_fdstat_set_rights)
  rights() {
    let base, inheriting = 0n;
    if (this.type === FILETYPE.DIRECTORY) {
      base = DIRECTORY_RIGHTS;
      inheriting = ALL_RIGHTS;
    } else {
      base = FILE_RIGHTS | (this.seekable ? SEEK_RIGHTS : 0n);
      if (this.read)
        base |= RIGHT.FD_READ;
      if (this.write)
        base |= WRITE_RIGHTS;
    }
    return [this.base !== undefined ? this.base & base : base,
      this.inheriting !== undefined ? this.inheriting & inheriting : inheriting];
  }

  allows(right) {
    return (this.rights()[0] & right) !== 0n;
  }

  close() {
    if (--this.refs > 0)
      return;
    if (this.pipe)
      this.pipe[0].ends[this.pipe[1]]--;
    else if (this.host !== null && !this.inherited) {
      closeQuietly(this.host);
      // its number may name another directory next: the kept walks through it go
      if (this.type === FILETYPE.DIRECTORY)
        sandbox.forget();
    }
  }
}

// A pipe inside the program: bytes written to one end, read from the other.
class Pipe {
  constructor() {
    this.chunks = [];
    this.size = 0;
    this.ends = { read: 0, write: 0 };
  }

  take(n) {
    const out = Buffer.alloc(Math.min(n, this.size));
    for (let done = 0; done < out.length;) {
      const c = this.chunks[0];
      const k = Math.min(c.length, out.length - done);
      c.copy(out, done, 0, k);
      done += k;
      if (k === c.length)
        this.chunks.shift();
      else
        this.chunks[0] = c.subarray(k);
    }
    this.size -= out.length;
    return out;
  }
}

// Whether a character device is a terminal, by the name the kernel gives
// it (node's tty module costs a millisecond to load).
function isTerminal(fd) {
  try {
    return /^\/dev\/(pts\/|tty|console$)/.test(fs.readlinkSync(`/proc/self/fd/${fd}`));
  } catch {
    return false;
  }
}

function hostStat(fd) {
  return fs.fstatSync(fd, { bigint: true });
}

// ------------------------------------------------------------ the host

class Wasi {
  // args: [argv0, ...] and env: {NAME: value}, as argv.js strings;
  // preopens: [[guest name, { host } | { virtual }]], given fds 3, 4, ...;
  // stdio: the host descriptors of the standard streams.
  constructor({ args, env, preopens, stdio }) {
    this.table = new Map();
    this.preopenNames = new Map();
    this.times = new Map();
    this.streams = []; // the standard streams' descriptions, open or closed since
    [stdio.stdin, stdio.stdout, stdio.stderr].forEach((host, n) => {
      let type = FILETYPE.UNKNOWN;
      try {
        type = filetypeOf(hostStat(host));
      } catch {
        // a closed stream: the program finds it so
        return;
      }
      const d = new Description({ host, type, read: n === 0, write: n !== 0, offset: null, inherited: true });
      this.streams.push(d);
      this.install(n, d);
    });
    preopens.forEach(([name, what], i) => {
      const fd = 3 + i;
      const d = what.virtual
        ? new Description({ virtual: what.virtual, type: FILETYPE.DIRECTORY, read: true })
        : new Description({ host: what.host, type: FILETYPE.DIRECTORY, read: true });
      this.install(fd, d);
      this.preopenNames.set(fd, Buffer.from(name));
    });
    this.args = args;
    this.env = env;
    this.hr0 = process.hrtime.bigint();
    this.real0 = BigInt(Date.now()) * 1000000n;
  }

  // node sets times as a double of seconds, to about a microsecond: the
  // nanoseconds a program set are remembered, for as long as the host
  // still holds what they were rounded to.
  rememberTimes(st, [atimeNs, mtimeNs]) {
    this.times.set(`${st.dev}:${st.ino}`, { atime: [st.atimeNs, atimeNs], mtime: [st.mtimeNs, mtimeNs] });
  }

  exactTimes(st) {
    const t = this.times.get(`${st.dev}:${st.ino}`);
    return {
      atimeNs: t && t.atime[0] === st.atimeNs ? t.atime[1] : BigInt(st.atimeNs),
      mtimeNs: t && t.mtime[0] === st.mtimeNs ? t.mtime[1] : BigInt(st.mtimeNs),
    };
  }

  install(n, description) {
    description.refs++;
    this.table.set(n, description);
    return n;
  }

  lowestFree() {
    for (let n = 0; n < MAX_DESCRIPTORS; n++)
      if (!this.table.has(n))
        return n;
    throw new Refused('EMFILE');
  }

  numbers() {
    return [...this.table.keys()].sort((a, b) => a - b);
  }

  get(fd) {
    const d = this.table.get(fd);
    if (!d)
      throw new Refused('EBADF');
    return d;
  }

  // The directory a path call starts from.
  directory(fd) {
    const d = this.get(fd);
    if (d.type !== FILETYPE.DIRECTORY)
      throw new Refused('ENOTDIR');
    return d;
  }

  realtime() {
    return this.real0 + (process.hrtime.bigint() - this.hr0);
  }

  // Runs the program's entry (a function); its proc_exit status, or 0.
  run(start) {
    try {
      start();
      return 0;
    } catch (e) {
      if (e instanceof Exit)
        return e.code;
      throw e;
    } finally {
      this.leaveOffsets();
    }
  }

  // A standard stream that is a regular file shares its offset with the
  // runner's caller (`{ grep -m1 x; sed 's/^/X/'; } < file` reads on where
  // grep stopped). The program reads and writes it at the host's offset
  // until it seeks; node has no lseek, so from then on it has an offset of
  // its own, which is left in the host's description at the end: perl
  // (perl-base, which every Debian system has) seeks the description it
  // inherits. Without perl the host's offset stays where reading left it.
  leaveOffsets() {
    for (const d of this.streams) {
      if (d.offset === null || d.type !== FILETYPE.REGULAR)
        continue;
      require('node:child_process').spawnSync('perl', ['-e', 'sysseek(STDIN, $ARGV[0], 0)', String(d.offset)],
        { stdio: [d.host, 'ignore', 'ignore'] });
    }
  }

  // --------------------------------------------------------- dlopen

  // The bytes of a file the program names (dlopen's argument) as wasi-libc
  // would open it: under the preopen whose name is its longest prefix.
  // Refused unless a regular file of at most `limit` bytes. { bytes, id }:
  // id names the file (device and inode).
  readGuestFile(guest, limit) {
    const trim = s => s.replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
    const want = trim(guest);
    let best = null;
    for (const [fd, nameBytes] of this.preopenNames) {
      const name = trim(nameBytes.toString());
      const any = name === '' || name === '.'; // the working directory: the empty prefix
      if ((any || want === name || want.startsWith(`${name}/`)) && (best === null || name.length > best.length))
        best = { fd, length: any ? 0 : name.length, rest: any ? want : want.slice(name.length).replace(/^\/+/, '') };
    }
    if (best === null)
      throw new Refused('ENOENT');
    const host = this.openForReading(best.fd, best.rest || '.');
    try {
      const st = fs.fstatSync(host);
      if (st.isDirectory())
        throw new Refused('EISDIR');
      if (!st.isFile())
        throw new Refused('EINVAL');
      if (st.size > limit)
        throw new Refused('EFBIG');
      const bytes = Buffer.alloc(st.size);
      let done = 0;
      for (let n; done < bytes.length && (n = fs.readSync(host, bytes, done, bytes.length - done, done)) > 0;)
        done += n;
      return { bytes: bytes.subarray(0, done), id: `${st.dev}:${st.ino}` };
    } finally {
      closeQuietly(host);
    }
  }

  // A host descriptor for reading GUEST beneath the directory FD, links
  // followed: the opening half of path_open, for the runner's own reads.
  // Non-blocking, so that a FIFO fails (not a regular file) rather than
  // waits for a writer.
  openForReading(fd, guest) {
    const d = this.directory(fd);
    if (d.virtual) {
      const { entry } = walkVirtual(d.virtual, guest);
      if (!entry.file)
        throw new Refused('EINVAL');
      return fs.openSync(entry.file, O_RDONLY | O_NONBLOCK);
    }
    const w = walk(d.host, guest, true);
    try {
      return fs.openSync(w.host(), (w.name === '.' ? 0 : O_NOFOLLOW) | O_RDONLY | O_NONBLOCK);
    } catch (e) {
      throw new Refused(codeOf(e));
    }
  }

  // ------------------------------------------------------- preview1

  // wasi_snapshot_preview1 for the memory getMemory() returns.
  imports(getMemory) {
    const view = () => new DataView(getMemory().buffer);
    const bytes = (ptr, len) => new Uint8Array(getMemory().buffer, ptr, len);
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const pathAt = (ptr, len) => {
      try {
        return utf8.decode(bytes(ptr, len));
      } catch {
        throw new Refused('EILSEQ');
      }
    };
    const iovecs = (ptr, n) => {
      const v = view(), list = [];
      for (let i = 0; i < n; i++)
        list.push([v.getUint32(ptr + 8 * i, true), v.getUint32(ptr + 8 * i + 4, true)]);
      return list;
    };
    const u64 = (ptr, value) => view().setBigUint64(ptr, BigInt(value), true);
    const u32 = (ptr, value) => view().setUint32(ptr, value, true);
    const writeStat = (ptr, st, type = filetypeOf(st)) => {
      const v = view();
      const exact = this.exactTimes(st);
      v.setBigUint64(ptr, BigInt(st.dev), true);
      v.setBigUint64(ptr + 8, BigInt(st.ino), true);
      v.setUint8(ptr + 16, type);
      for (let i = 17; i < 24; i++)
        v.setUint8(ptr + i, 0);
      v.setBigUint64(ptr + 24, BigInt(st.nlink), true);
      v.setBigUint64(ptr + 32, BigInt(st.size), true);
      v.setBigUint64(ptr + 40, exact.atimeNs, true);
      v.setBigUint64(ptr + 48, exact.mtimeNs, true);
      v.setBigUint64(ptr + 56, BigInt(st.ctimeNs), true);
    };
    const synthetic = (type, size = 0n) => ({ dev: 0n, ino: 0n, nlink: 1n, size, atimeNs: 0n, mtimeNs: 0n,
      ctimeNs: 0n, type });

    // A walk beneath a descriptor's directory, released after f.
    const walked = (fd, ptr, len, follow, f, creating = false) => {
      const d = this.directory(fd);
      const guest = pathAt(ptr, len);
      if (d.virtual) {
        let v;
        try {
          v = walkVirtual(d.virtual, guest);
        } catch (e) {
          // no new name in the runner's own directories
          throw e instanceof Refused && e.code === 'ENOENT' && creating ? new Refused('EPERM') : e;
        }
        return f(null, v);
      }
      return f(walk(d.host, guest, follow), null);
    };
    const host = f => {
      try {
        return f();
      } catch (e) {
        throw new Refused(codeOf(e));
      }
    };

    // reading and writing a description, at its offset or at `position`
    const waitABit = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    const readInto = (d, target, position) => {
      if (d.pipe) {
        const [p] = d.pipe;
        if (p.size === 0)
          return p.ends.write === 0 ? 0 : (() => { throw new Refused('EAGAIN'); })();
        const got = p.take(target.length);
        target.set(got);
        return got.length;
      }
      for (;;) {
        try {
          return fs.readSync(d.host, target, 0, target.length, position);
        } catch (e) {
          if (e.code !== 'EAGAIN' || d.nonblock)
            throw new Refused(codeOf(e));
          waitABit();
        }
      }
    };
    const writeFrom = (d, source, position) => {
      if (d.pipe) {
        const [p] = d.pipe;
        // no reader: EPIPE, which the program sees (it cannot have told us
        // whether it ignores SIGPIPE; only a host pipe ends it, as 141)
        if (p.ends.read === 0)
          throw new Refused('EPIPE');
        const n = Math.min(source.length, PIPE_CAPACITY - p.size);
        if (n === 0 && source.length > 0)
          throw new Refused('EAGAIN');
        p.chunks.push(Buffer.from(source.subarray(0, n)));
        p.size += n;
        return n;
      }
      for (let done = 0; ;) {
        try {
          done += fs.writeSync(d.host, source, done, source.length - done,
            position === null ? null : position + done);
          if (done === source.length || d.nonblock)
            return done;
        } catch (e) {
          if (e.code === 'EPIPE')
            throw new BrokenPipe();
          if (e.code !== 'EAGAIN' || d.nonblock)
            throw done > 0 ? Object.assign(new Refused('EIO'), { partial: done }) : new Refused(codeOf(e));
          waitABit();
        }
      }
    };
    const readable = d => {
      if (!d.read || (d.type !== FILETYPE.DIRECTORY && !d.allows(RIGHT.FD_READ)))
        throw new Refused('EBADF');
      if (d.type === FILETYPE.DIRECTORY)
        throw new Refused('EISDIR');
      return d;
    };
    const writable = d => {
      if (!d.write || !d.allows(RIGHT.FD_WRITE))
        throw new Refused('EBADF');
      return d;
    };
    const seekable = d => {
      if (d.type === FILETYPE.DIRECTORY)
        throw new Refused('EBADF');
      if (!d.seekable || d.pipe)
        throw new Refused('ESPIPE');
      return d;
    };
    // The host's own offset of a standard stream (read from /proc), once
    // the program seeks it.
    const offsetOf = d => {
      if (d.offset !== null)
        return d.offset;
      try {
        const m = /^pos:\s*(\d+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${d.host}`, 'latin1'));
        return m ? Number(m[1]) : 0;
      } catch {
        return 0;
      }
    };

    const open = (fd, dirflags, ptr, len, oflags, base, inheriting, fdflags, out) => {
      const read = (BigInt(base) & (RIGHT.FD_READ | RIGHT.FD_READDIR)) !== 0n;
      const write = (BigInt(base) & WRITE_RIGHTS) !== 0n;
      const exclusive = (oflags & OFLAGS.CREAT) && (oflags & OFLAGS.EXCL);
      const follow = (dirflags & LOOKUP_SYMLINK_FOLLOW) && !exclusive;
      // rights that write (truncating, syncing) but not FD_WRITE itself
      // still open a directory, for reading
      const writing = (BigInt(base) & RIGHT.FD_WRITE) !== 0n;
      const attempt = f => walked(fd, ptr, len, f, (w, v) => (v ? openVirtual(v, oflags, read, write, fdflags)
        : openHost(w, oflags, read, write, fdflags, writing)), (oflags & OFLAGS.CREAT) !== 0);
      // the last component opened with O_NOFOLLOW first: walked again,
      // following it, only when that finds a link
      let description;
      try {
        description = attempt(false);
      } catch (e) {
        if (!follow || !(e instanceof Refused) || (e.code !== 'ELOOP' && e.code !== 'ENOTDIR'))
          throw e;
        description = attempt(true);
      }
      const n = this.install(this.lowestFree(), description);
      u32(out, n);
    };
    const openHost = (w, oflags, read, write, fdflags, writing) => {
      let flags = (w.name === '.' ? 0 : O_NOFOLLOW);
      if (oflags & OFLAGS.CREAT) flags |= O_CREAT;
      if (oflags & OFLAGS.EXCL) flags |= O_EXCL;
      if (oflags & OFLAGS.TRUNC) flags |= O_TRUNC;
      if ((oflags & OFLAGS.DIRECTORY) || w.slash) flags |= O_DIRECTORY;
      if (fdflags & FDFLAGS.APPEND) flags |= O_APPEND;
      if (fdflags & FDFLAGS.NONBLOCK) flags |= O_NONBLOCK;
      if (fdflags & FDFLAGS.DSYNC) flags |= O_DSYNC;
      if (fdflags & (FDFLAGS.SYNC | FDFLAGS.RSYNC)) flags |= O_SYNC;
      if (w.name === '.' && (oflags & OFLAGS.CREAT) && (oflags & OFLAGS.EXCL))
        throw new Refused('EEXIST');
      // as Linux: O_CREAT makes no directory, so a name ending in "/" is
      // EISDIR whatever is there (EINVAL with O_DIRECTORY, from the host)
      if (w.slash && (oflags & OFLAGS.CREAT) && !(oflags & OFLAGS.DIRECTORY))
        throw new Refused('EISDIR');
      let hostFd;
      try {
        hostFd = fs.openSync(w.host(), flags | (write ? (read ? O_RDWR : O_WRONLY) : O_RDONLY), 0o666);
      } catch (e) {
        if (e.code !== 'EISDIR' || writing || (oflags & (OFLAGS.CREAT | OFLAGS.TRUNC)))
          throw new Refused(codeOf(e));
        write = false;
        hostFd = host(() => fs.openSync(w.host(), (flags & ~(O_APPEND)) | O_RDONLY | O_DIRECTORY));
      }
      const type = filetypeOf(hostStat(hostFd));
      if (type === FILETYPE.DIRECTORY && write) {
        closeQuietly(hostFd);
        throw new Refused('EISDIR');
      }
      return new Description({ host: hostFd, type, read: read || type === FILETYPE.DIRECTORY, write,
        append: !!(fdflags & FDFLAGS.APPEND), nonblock: !!(fdflags & FDFLAGS.NONBLOCK),
        sync: fdflags & (FDFLAGS.DSYNC | FDFLAGS.RSYNC | FDFLAGS.SYNC) });
    };
    const openVirtual = ({ entry }, oflags, read, write, fdflags) => {
      if ((oflags & OFLAGS.CREAT) && (oflags & OFLAGS.EXCL))
        throw new Refused('EEXIST');
      if (entry.directory) {
        if (write)
          throw new Refused('EISDIR');
        return new Description({ virtual: entry.directory, type: FILETYPE.DIRECTORY, read: true });
      }
      if (oflags & OFLAGS.DIRECTORY)
        throw new Refused('ENOTDIR');
      if (entry.stream !== undefined) {
        // fd/N: the program's descriptor N, shared; a pipe's other end
        // when opened for the other direction
        const d = this.table.get(entry.stream);
        if (!d)
          throw new Refused('ENOENT');
        if (d.pipe && ((d.pipe[1] === 'read' && write && !read) || (d.pipe[1] === 'write' && read && !write))) {
          const other = d.pipe[1] === 'read' ? 'write' : 'read';
          d.pipe[0].ends[other]++;
          return new Description({ pipe: [d.pipe[0], other], type: FILETYPE.UNKNOWN, read: other === 'read',
            write: other === 'write' });
        }
        if ((read && !d.read) || (write && !d.write))
          throw new Refused('EACCES');
        return d;
      }
      if (entry.pipe) {
        const p = new Pipe();
        p.ends.read++;
        return new Description({ pipe: [p, 'read'], type: FILETYPE.UNKNOWN, read: true });
      }
      if (entry.readOnly && write)
        throw new Refused('EACCES');
      const hostFd = host(() => fs.openSync(entry.file,
        (write ? (read ? O_RDWR : O_WRONLY) : O_RDONLY) | ((fdflags & FDFLAGS.NONBLOCK) ? O_NONBLOCK : 0)));
      return new Description({ host: hostFd, type: filetypeOf(hostStat(hostFd)), read, write, device: true,
        readOnly: !!entry.readOnly });
    };

    // a directory's entries from `cookie` on, as preview1 dirents
    const readdir = (fd, buf, bufLen, cookie, usedPtr) => {
      const d = this.get(fd);
      if (d.type !== FILETYPE.DIRECTORY)
        throw new Refused('ENOTDIR');
      if (cookie === 0n || d.listing === null) {
        if (d.virtual) {
          d.listing = ['.', '..', ...d.virtual.names(this)].map(name => {
            const e = name === '.' || name === '..' ? { directory: true } : d.virtual.lookup(name);
            const type = e.directory ? FILETYPE.DIRECTORY : e.stream !== undefined ? FILETYPE.UNKNOWN :
              FILETYPE.CHARACTER;
            return { name: Buffer.from(name), type, ino: 0n };
          });
        } else {
          const entries = host(() => fs.readdirSync(at(d.host, '.'), { withFileTypes: true, encoding: 'buffer' }));
          d.listing = [{ name: Buffer.from('.'), type: FILETYPE.DIRECTORY },
            { name: Buffer.from('..'), type: FILETYPE.DIRECTORY },
            ...entries.map(e => ({ name: e.name, type: filetypeOf(e) }))];
        }
      }
      const target = bytes(buf, bufLen);
      let used = 0;
      for (let i = Number(cookie); i < d.listing.length && used < bufLen; i++) {
        const e = d.listing[i];
        if (e.ino === undefined) {
          // '.' is the descriptor's own directory; /proc/self/fd/N itself is a link
          const st = i === 0 ? hostStat(d.host) : fs.lstatSync(Buffer.concat([Buffer.from(`${at(d.host, '.')}/`),
            e.name]), { bigint: true, throwIfNoEntry: false });
          e.ino = st ? st.ino : 0n;
        }
        const header = Buffer.alloc(24);
        header.writeBigUInt64LE(BigInt(i + 1), 0);
        header.writeBigUInt64LE(e.ino, 8);
        header.writeUInt32LE(e.name.length, 16);
        header.writeUInt8(e.type, 20);
        const whole = Buffer.concat([header, e.name]);
        const n = Math.min(whole.length, bufLen - used);
        target.set(whole.subarray(0, n), used);
        used += n;
      }
      u32(usedPtr, used);
    };

    const setTimes = (d, statNow, atim, mtim, flags, apply) => {
      if (((flags & FSTFLAGS.ATIM) && (flags & FSTFLAGS.ATIM_NOW)) ||
          ((flags & FSTFLAGS.MTIM) && (flags & FSTFLAGS.MTIM_NOW)))
        throw new Refused('EINVAL');
      const st = this.exactTimes(statNow());
      const now = this.realtime();
      const pick = (set, setNow, given, old) => (flags & setNow ? now : flags & set ? BigInt(given) : old);
      const times = [pick(FSTFLAGS.ATIM, FSTFLAGS.ATIM_NOW, atim, st.atimeNs),
        pick(FSTFLAGS.MTIM, FSTFLAGS.MTIM_NOW, mtim, st.mtimeNs)];
      const seconds = ns => Number(ns / 1000n) / 1e6;
      apply(seconds(times[0]), seconds(times[1]));
      this.rememberTimes(statNow(), times);
    };

    const noVirtual = v => {
      if (v)
        throw new Refused('EPERM');
    };
    // a call that changes a directory: none of the runner's own
    const changing = (fd, ptr, len, follow, f) => walked(fd, ptr, len, follow, f, true);

    const poll = (inPtr, outPtr, n, neventsPtr) => {
      if (n === 0)
        throw new Refused('EINVAL');
      const v = view();
      const ready = [];
      let deadline = null;
      const clocks = [];
      for (let i = 0; i < n; i++) {
        const s = inPtr + 48 * i;
        const userdata = v.getBigUint64(s, true), tag = v.getUint8(s + 8);
        if (tag === EVENT.CLOCK) {
          const id = v.getUint32(s + 16, true), timeout = v.getBigUint64(s + 24, true);
          const flags = v.getUint16(s + 40, true);
          const now = process.hrtime.bigint();
          let at;
          if (id === CLOCK.REALTIME)
            at = flags & SUBSCRIPTION_CLOCK_ABSTIME ? now + (timeout - this.realtime()) : now + timeout;
          else if (id === CLOCK.MONOTONIC)
            at = flags & SUBSCRIPTION_CLOCK_ABSTIME ? timeout : now + timeout;
          else {
            ready.push({ userdata, error: ERRNO.EINVAL, type: EVENT.CLOCK });
            continue;
          }
          clocks.push({ userdata, at });
          deadline = deadline === null || at < deadline ? at : deadline;
        } else if (tag === EVENT.FD_READ || tag === EVENT.FD_WRITE) {
          const fd = v.getUint32(s + 16, true);
          const d = this.table.get(fd);
          const event = { userdata, error: 0, type: tag, nbytes: 0n, hangup: false };
          if (!d) {
            ready.push({ ...event, error: ERRNO.EBADF });
          } else if (d.pipe) {
            const [p] = d.pipe;
            if (tag === EVENT.FD_READ && (p.size > 0 || p.ends.write === 0))
              ready.push({ ...event, nbytes: BigInt(p.size), hangup: p.ends.write === 0 });
            else if (tag === EVENT.FD_WRITE && (p.size < PIPE_CAPACITY || p.ends.read === 0))
              ready.push({ ...event, nbytes: BigInt(PIPE_CAPACITY - p.size), hangup: p.ends.read === 0 });
          } else if (d.type === FILETYPE.REGULAR && tag === EVENT.FD_READ && d.host !== null) {
            const size = hostStat(d.host).size;
            const left = size - BigInt(offsetOf(d));
            ready.push({ ...event, nbytes: left > 0n ? left : 0n });
          } else {
            ready.push(event);
          }
        } else {
          throw new Refused('EINVAL');
        }
      }
      if (ready.length === 0 && deadline !== null) {
        for (let now = process.hrtime.bigint(); now < deadline; now = process.hrtime.bigint())
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number((deadline - now + 999999n) / 1000000n));
      }
      const now = process.hrtime.bigint();
      for (const c of clocks)
        if (c.at <= now)
          ready.push({ userdata: c.userdata, error: 0, type: EVENT.CLOCK });
      ready.forEach((e, i) => {
        const o = outPtr + 32 * i;
        const w = view();
        for (let k = 0; k < 32; k++)
          w.setUint8(o + k, 0);
        w.setBigUint64(o, e.userdata, true);
        w.setUint16(o + 8, e.error, true);
        w.setUint8(o + 10, e.type);
        if (e.type !== EVENT.CLOCK) {
          w.setBigUint64(o + 16, e.nbytes, true);
          w.setUint16(o + 24, e.hangup ? 1 : 0, true);
        }
      });
      u32(neventsPtr, ready.length);
    };

    const calls = {
      ...argv.preview1Strings(this.args, this.env, getMemory),
      proc_exit: code => {
        throw new Exit(code >>> 0);
      },
      proc_raise: () => ERRNO.ENOSYS,
      sched_yield: () => 0,
      random_get: (ptr, len) => {
        random.fill(bytes(ptr, len));
      },
      clock_res_get: (id, out) => {
        if (!(id in { 0: 1, 1: 1, 2: 1, 3: 1 }))
          throw new Refused('EINVAL');
        u64(out, id === CLOCK.MONOTONIC ? 1n : 1000n);
      },
      clock_time_get: (id, precision, out) => {
        if (id === CLOCK.REALTIME)
          u64(out, this.realtime());
        else if (id === CLOCK.MONOTONIC)
          u64(out, process.hrtime.bigint());
        else if (id === CLOCK.PROCESS_CPUTIME || id === CLOCK.THREAD_CPUTIME) {
          const u = process.cpuUsage();
          u64(out, BigInt(u.user + u.system) * 1000n);
        } else
          throw new Refused('EINVAL');
      },

      fd_prestat_get: (fd, out) => {
        this.get(fd);
        const name = this.preopenNames.get(fd);
        if (!name)
          throw new Refused('EBADF');
        view().setUint32(out, 0, true);
        u32(out + 4, name.length);
      },
      fd_prestat_dir_name: (fd, ptr, len) => {
        const name = this.preopenNames.get(fd);
        if (!name || !this.table.has(fd))
          throw new Refused('EBADF');
        if (len < name.length)
          throw new Refused('ENAMETOOLONG');
        bytes(ptr, name.length).set(name);
      },
      fd_close: fd => {
        const d = this.get(fd);
        this.table.delete(fd);
        this.preopenNames.delete(fd);
        d.close();
      },
      fd_renumber: (from, to) => {
        const d = this.get(from);
        const old = this.get(to);
        if (from === to)
          return;
        old.close();
        this.table.set(to, d);
        this.table.delete(from);
        const name = this.preopenNames.get(from);
        this.preopenNames.delete(from);
        this.preopenNames.delete(to);
        if (name)
          this.preopenNames.set(to, name);
      },
      fd_fdstat_get: (fd, out) => {
        const d = this.get(fd);
        const v = view();
        const [base, inheriting] = d.rights();
        v.setUint8(out, d.type);
        v.setUint8(out + 1, 0);
        v.setUint16(out + 2, (d.append ? FDFLAGS.APPEND : 0) | (d.nonblock ? FDFLAGS.NONBLOCK : 0) | d.sync, true);
        v.setUint32(out + 4, 0, true);
        v.setBigUint64(out + 8, base, true);
        v.setBigUint64(out + 16, inheriting, true);
      },
      fd_fdstat_set_flags: (fd, flags) => {
        const d = this.get(fd);
        const append = !!(flags & FDFLAGS.APPEND), nonblock = !!(flags & FDFLAGS.NONBLOCK);
        if (d.host !== null && !d.inherited && (append !== d.append || nonblock !== d.nonblock) &&
            d.type !== FILETYPE.DIRECTORY) {
          // node has no fcntl: the same file opened anew with the new flags
          const reopened = host(() => fs.openSync(at(d.host, '.'), (d.read && d.write ? O_RDWR : d.write ? O_WRONLY :
            O_RDONLY) | (append ? O_APPEND : 0) | (nonblock ? O_NONBLOCK : 0)));
          closeQuietly(d.host);
          d.host = reopened;
        }
        d.append = append;
        d.nonblock = nonblock;
      },
      fd_fdstat_set_rights: (fd, base, inheriting) => {
        const d = this.get(fd);
        const have = d.rights();
        if ((BigInt(base) & ~have[0]) || (BigInt(inheriting) & ~have[1]))
          throw new Refused('ENOTCAPABLE');
        d.base = BigInt(base);
        d.inheriting = BigInt(inheriting);
      },
      fd_filestat_get: (fd, out) => {
        const d = this.get(fd);
        if (d.pipe)
          writeStat(out, synthetic(FILETYPE.UNKNOWN, BigInt(d.pipe[0].size)), FILETYPE.UNKNOWN);
        else if (d.virtual)
          writeStat(out, synthetic(FILETYPE.DIRECTORY), FILETYPE.DIRECTORY);
        else
          writeStat(out, host(() => hostStat(d.host)));
      },
      fd_filestat_set_size: (fd, size) => {
        const d = writable(this.get(fd));
        if (d.device || d.pipe)
          throw new Refused('EINVAL');
        host(() => fs.ftruncateSync(d.host, Number(size)));
      },
      fd_filestat_set_times: (fd, atim, mtim, flags) => {
        const d = this.get(fd);
        if (d.device || d.virtual || d.pipe)
          throw new Refused('EPERM');
        setTimes(d, () => host(() => hostStat(d.host)), atim, mtim, flags,
          (a, m) => host(() => fs.futimesSync(d.host, a, m)));
      },
      fd_advise: (fd, offset, len, advice) => {
        this.get(fd);
        if (advice > 5)
          throw new Refused('EINVAL');
      },
      fd_allocate: (fd, offset, len) => {
        const d = writable(this.get(fd));
        if (d.type !== FILETYPE.REGULAR)
          throw new Refused('ENODEV');
        const end = BigInt(offset) + BigInt(len);
        if (hostStat(d.host).size < end)
          host(() => fs.ftruncateSync(d.host, Number(end)));
      },
      fd_datasync: fd => {
        const d = this.get(fd);
        if (d.host !== null)
          host(() => fs.fdatasyncSync(d.host));
      },
      fd_sync: fd => {
        const d = this.get(fd);
        if (d.host !== null)
          host(() => fs.fsyncSync(d.host));
      },
      fd_seek: (fd, offset, whence, out) => {
        const d = seekable(this.get(fd));
        let from;
        if (whence === 0)
          from = 0;
        else if (whence === 1)
          from = offsetOf(d);
        else if (whence === 2)
          from = Number(host(() => hostStat(d.host)).size);
        else
          throw new Refused('EINVAL');
        const to = from + Number(offset);
        if (to < 0)
          throw new Refused('EINVAL');
        d.offset = to;
        u64(out, to);
      },
      fd_tell: (fd, out) => {
        u64(out, offsetOf(seekable(this.get(fd))));
      },
      fd_read: (fd, iovs, n, out) => {
        const d = readable(this.get(fd));
        let total = 0;
        for (const [ptr, len] of iovecs(iovs, n)) {
          const got = readInto(d, bytes(ptr, len), d.offset);
          if (d.offset !== null)
            d.offset += got;
          total += got;
          if (got < len)
            break;
        }
        u32(out, total);
      },
      fd_pread: (fd, iovs, n, offset, out) => {
        const d = seekable(readable(this.get(fd)));
        let total = 0, at = Number(offset);
        for (const [ptr, len] of iovecs(iovs, n)) {
          const got = readInto(d, bytes(ptr, len), at);
          total += got;
          at += got;
          if (got < len)
            break;
        }
        u32(out, total);
      },
      fd_write: (fd, iovs, n, out) => {
        const d = writable(this.get(fd));
        const parts = iovecs(iovs, n).map(([ptr, len]) => bytes(ptr, len));
        const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
        const position = d.offset === null || d.append ? null : d.offset;
        const done = writeFrom(d, data, position);
        if (d.offset !== null)
          d.offset = d.append ? Number(hostStat(d.host).size) : d.offset + done;
        u32(out, done);
      },
      fd_pwrite: (fd, iovs, n, offset, out) => {
        const d = seekable(writable(this.get(fd)));
        const parts = iovecs(iovs, n).map(([ptr, len]) => bytes(ptr, len));
        u32(out, writeFrom(d, parts.length === 1 ? parts[0] : Buffer.concat(parts), Number(offset)));
      },
      fd_readdir: readdir,

      path_open: open,
      path_filestat_get: (fd, flags, ptr, len, out) => walked(fd, ptr, len, flags & LOOKUP_SYMLINK_FOLLOW,
        (w, v) => {
          if (v) {
            const { entry } = v;
            if (entry.file)
              return writeStat(out, host(() => fs.statSync(entry.file, { bigint: true })));
            if (entry.stream !== undefined) {
              const s = this.table.get(entry.stream);
              if (!s)
                throw new Refused('ENOENT');
              return writeStat(out, s.host !== null ? host(() => hostStat(s.host)) : synthetic(FILETYPE.UNKNOWN),
                s.host !== null ? undefined : FILETYPE.UNKNOWN);
            }
            return writeStat(out, synthetic(FILETYPE.DIRECTORY), FILETYPE.DIRECTORY);
          }
          const st = w.name === '.' ? host(() => hostStat(w.fd))
            : w.stat || host(() => fs.lstatSync(w.host(), { bigint: true }));
          if (w.slash && !st.isDirectory())
            throw new Refused('ENOTDIR');
          writeStat(out, st);
        }),
      path_filestat_set_times: (fd, flags, ptr, len, atim, mtim, fst) =>
        changing(fd, ptr, len, flags & LOOKUP_SYMLINK_FOLLOW, (w, v) => {
          noVirtual(v);
          setTimes(null, () => host(() => fs.lstatSync(w.host(), { bigint: true })), atim, mtim, fst,
            (a, m) => host(() => (w.name === '.' ? fs.futimesSync(w.fd, a, m) : fs.lutimesSync(w.host(), a, m))));
        }),
      path_create_directory: (fd, ptr, len) => changing(fd, ptr, len, false, (w, v) => {
        noVirtual(v);
        if (w.name === '.')
          throw new Refused('EEXIST');
        host(() => fs.mkdirSync(w.host(), 0o777));
      }),
      path_remove_directory: (fd, ptr, len) => changing(fd, ptr, len, false, (w, v) => {
        noVirtual(v);
        if (w.name === '.')
          throw new Refused('EINVAL');
        host(() => fs.rmdirSync(w.host()));
        sandbox.forget();
      }),
      path_unlink_file: (fd, ptr, len) => changing(fd, ptr, len, false, (w, v) => {
        noVirtual(v);
        if (w.name === '.')
          throw new Refused('EISDIR');
        if (w.slash) {
          const st = host(() => fs.lstatSync(w.host()));
          throw new Refused(st.isDirectory() ? 'EISDIR' : 'ENOTDIR');
        }
        host(() => fs.unlinkSync(w.host()));
        sandbox.forget(); // a link read before is gone
      }),
      path_rename: (fd, ptr, len, newFd, newPtr, newLen) => changing(fd, ptr, len, false, (from, v) =>
        changing(newFd, newPtr, newLen, false, (to, v2) => {
          noVirtual(v || v2);
          if (from.name === '.' || to.name === '.')
            throw new Refused('EBUSY');
          if (from.slash || to.slash) {
            const st = host(() => fs.lstatSync(from.host()));
            if (!st.isDirectory())
              throw new Refused('ENOTDIR');
          }
          host(() => fs.renameSync(from.host(), to.host()));
          sandbox.forget();
        })),
      path_link: (fd, flags, ptr, len, newFd, newPtr, newLen) =>
        changing(fd, ptr, len, flags & LOOKUP_SYMLINK_FOLLOW, (from, v) =>
          changing(newFd, newPtr, newLen, false, (to, v2) => {
            noVirtual(v || v2);
            // "d/." and "d/": a directory, which POSIX does not link
            if (from.name === '.')
              throw new Refused('EPERM');
            if (from.slash)
              throw new Refused(host(() => fs.lstatSync(from.host())).isDirectory() ? 'EPERM' : 'ENOTDIR');
            if (to.name === '.')
              throw new Refused('EEXIST');
            if (to.slash)
              throw new Refused('ENOENT');
            host(() => fs.linkSync(from.host(), to.host()));
          })),
      path_symlink: (targetPtr, targetLen, fd, ptr, len) => {
        const target = Buffer.from(bytes(targetPtr, targetLen));
        if (target[0] === 0x2f) // '/': a link out of every directory the program holds
          throw new Refused('EPERM');
        changing(fd, ptr, len, false, (w, v) => {
          noVirtual(v);
          if (w.name === '.')
            throw new Refused('EEXIST');
          if (w.slash)
            throw new Refused(fs.existsSync(w.host()) ? 'EEXIST' : 'ENOENT');
          host(() => fs.symlinkSync(target, w.host()));
        });
      },
      path_readlink: (fd, ptr, len, buf, bufLen, out) => walked(fd, ptr, len, false, (w, v) => {
        if (v || w.name === '.')
          throw new Refused('EINVAL');
        const target = host(() => fs.readlinkSync(w.host(), { encoding: 'buffer' }));
        const n = Math.min(target.length, bufLen);
        bytes(buf, n).set(target.subarray(0, n));
        u32(out, n);
      }),

      poll_oneoff: poll,
      sock_accept: fd => {
        this.get(fd);
        throw new Refused('ENOTSOCK');
      },
      sock_recv: fd => {
        this.get(fd);
        throw new Refused('ENOTSOCK');
      },
      sock_send: fd => {
        this.get(fd);
        throw new Refused('ENOTSOCK');
      },
      sock_shutdown: fd => {
        this.get(fd);
        throw new Refused('ENOTSOCK');
      },
    };
    // Every call answers an errno: 0, or what a refusal or the host said.
    const p1 = {};
    for (const [name, f] of Object.entries(calls)) {
      p1[name] = (...a) => {
        try {
          const r = f(...a);
          return typeof r === 'number' ? r : 0;
        } catch (e) {
          if (e instanceof Refused)
            return ERRNO[e.code] !== undefined ? ERRNO[e.code] : ERRNO.EIO;
          if (e instanceof RangeError && /offset|bounds|Invalid typed array length/i.test(e.message))
            return ERRNO.EFAULT;
          throw e;
        }
      };
    }
    // A descriptor below 0 (C's -1) is EBADF for every descriptor call.
    for (const name of Object.keys(p1).filter(n => n.startsWith('fd_'))) {
      const f = p1[name];
      p1[name] = (fd, ...a) => (fd < 0 ? ERRNO.EBADF : f(fd, ...a));
    }
    return p1;
  }
}

module.exports = { Wasi };
