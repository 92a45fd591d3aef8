// report.js: how wasm32-wasi-run fails and reports: one line on standard error, one status.
'use strict';
const fs = require('node:fs');

const PROG = 'wasm32-wasi-run';
const TRAP_STATUS = 134;
const SIGPIPE_STATUS = 141;

// A failure of the runner (not of the program): its one line and status.
// `reason`, when given, is the same failure told without host paths or file
// contents, for the program itself to read (dlerror).
class Failure extends Error {
  constructor(message, status = 1, reason = null) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

// fd_write saw EPIPE: the program ends as SIGPIPE would end it.
class BrokenPipe extends Error {}

// Our own messages go to this descriptor: the reopened stderr when there is one.
let messageFd = 2;

function setMessageFd(fd) {
  messageFd = fd;
}

function say(message) {
  try {
    fs.writeSync(messageFd, `${PROG}: ${message}\n`);
  } catch {
    // nowhere left to report to
  }
}

// strerror()'s words where node's differ
const ERROR_TEXT = {
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ELOOP: 'Too many levels of symbolic links',
  EILSEQ: 'Illegal byte sequence',
  EINVAL: 'Invalid argument',
  ENAMETOOLONG: 'File name too long',
};

// "ENOENT: no such file or directory, open 'x'" -> "No such file or directory";
// a bare code ("EPERM") -> its text.
function describe(error) {
  const code = typeof error === 'string' ? error : error.code;
  if (ERROR_TEXT[code])
    return ERROR_TEXT[code];
  const message = typeof error === 'string' ? error : error.message;
  const m = /^[A-Z]+: ([^,]+)/.exec(message);
  const text = m ? m[1] : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Writes all of buf to fd, now. A reader gone is SIGPIPE; EAGAIN only happens
// on a descriptor we could not reopen (a socket, say) that someone else made
// non-blocking, and is waited out.
function writeAll(fd, buf) {
  const bytes = typeof buf === 'string' ? Buffer.from(buf) : buf;
  for (let done = 0; done < bytes.length;) {
    try {
      done += fs.writeSync(fd, bytes, done);
    } catch (e) {
      if (e.code === 'EPIPE')
        process.exit(SIGPIPE_STATUS);
      if (e.code !== 'EAGAIN')
        throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

// What a trap means when it is a stack overflow, or null. `stack`: the
// program's stack, when the runner knows it: { size, pointer() }, the
// pointer as the trap left it (below 0, an overflow of --stack-first's
// stack, which sits at the bottom of memory).
function overflow(e, stack) {
  const size = stack ? ` (the program's stack is ${stack.size} bytes)` : '';
  if (e instanceof RangeError && /call stack size/.test(e.message))
    return `stack overflow: node's own stack ran out first${size}`;
  if (stack && e instanceof WebAssembly.RuntimeError && /out of bounds/.test(e.message) &&
      (stack.pointer() >>> 0) > stack.size)
    return `stack overflow: the program's stack is ${stack.size} bytes; link with -Wl,-z,stack-size=BYTES for more`;
  return null;
}

// An exception out of the program: a trap (RuntimeError, or a host stack
// overflow), or our own BrokenPipe.
function programFailed(file, e, stack = null) {
  if (e instanceof BrokenPipe)
    return SIGPIPE_STATUS;
  // C++ exceptions and longjmp are wasm exceptions: one nobody caught reaches us
  const message = e instanceof WebAssembly.Exception ? 'uncaught exception'
    : overflow(e, stack) || (e && e.message ? e.message : String(e));
  say(`${file}: wasm trap: ${message.replace(/^wasm trap: /, '')}`);
  return TRAP_STATUS;
}

module.exports = {
  PROG, TRAP_STATUS, SIGPIPE_STATUS, Failure, BrokenPipe, setMessageFd, say, describe, programFailed,
  writeAll,
};
