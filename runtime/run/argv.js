// argv.js: the program's arguments and environment as the bytes we were given, UTF-8 or not.
//
// node decodes its argv and environment as UTF-8, replacing what is not with
// U+FFFD: bytes such as \233\375 in a sed script would reach the program
// changed. So the runner takes the bytes from /proc/self/cmdline and
// /proc/self/environ and carries them as strings in which each byte that is
// not part of valid UTF-8 is a lone surrogate U+DC80..U+DCFF (Python's
// "surrogateescape"): the string rules (path rewriting) apply to them as to
// any string, and the bytes come back exact when the program asks for its
// arguments (args_get) and environment (environ_get), which preview1 answers
// here. A piece holding such a byte is never a path (isEscaped).
'use strict';
const fs = require('node:fs');

// The length of the valid UTF-8 sequence at bytes[i], or 0 (RFC 3629: no
// overlong forms, no surrogates, nothing beyond U+10FFFF).
function sequenceLength(bytes, i) {
  const b = bytes[i];
  const cont = (k, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b < 0x80)
    return 1;
  if (b >= 0xc2 && b <= 0xdf)
    return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef)
    return cont(1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf) && cont(2) ? 3 : 0;
  if (b >= 0xf0 && b <= 0xf4)
    return cont(1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// bytes (a Buffer) -> string, each byte outside valid UTF-8 as U+DC00 + byte
function decode(bytes) {
  let out = '';
  let start = 0;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += bytes.toString('utf8', start, i) + String.fromCharCode(0xdc00 + bytes[i]);
    start = ++i;
  }
  return out + bytes.toString('utf8', start);
}

const ESCAPED = /[\udc80-\udcff]/; // a lone surrogate only: decode makes no pairs of them

function isEscaped(s) {
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c >= 0xdc80 && c <= 0xdcff)
      return true;
  }
  return false;
}

// string (from decode) -> the bytes it stands for
function encode(s) {
  if (!ESCAPED.test(s))
    return Buffer.from(s);
  const parts = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    parts.push(c >= 0xdc80 && c <= 0xdcff ? Buffer.of(c - 0xdc00) : Buffer.from(ch));
  }
  return Buffer.concat(parts);
}

// A name for node's fs: the string, or its bytes when it holds escaped ones.
function hostName(s) {
  return isEscaped(s) ? encode(s) : s;
}

function procStrings(file) {
  try {
    const bytes = fs.readFileSync(file);
    const words = [];
    for (let start = 0; start < bytes.length;) {
      let end = bytes.indexOf(0, start);
      if (end < 0)
        end = bytes.length;
      words.push(bytes.subarray(start, end));
      start = end + 1;
    }
    return words;
  } catch {
    return null;
  }
}

// Our command-line words after the script (process.argv.slice(2)), decoded
// from the bytes we were given; node's own words wherever the two disagree
// (no /proc, or a cmdline changed since).
function commandLineWords() {
  const words = process.argv.slice(2);
  const raw = procStrings('/proc/self/cmdline');
  if (raw === null || raw.length < words.length)
    return words;
  const mine = raw.slice(raw.length - words.length);
  return mine.every((b, i) => b.toString('utf8') === words[i]) ? mine.map(decode) : words;
}

// Our environment, decoded from the bytes we were given at exec; node's
// process.env wins where it disagrees (a variable set or removed since).
function environment() {
  const env = new Map();
  for (const entry of procStrings('/proc/self/environ') || []) {
    const eq = entry.indexOf(0x3d);
    if (eq > 0)
      env.set(entry.toString('utf8', 0, eq), entry.subarray(eq + 1));
  }
  return name => {
    if (!Object.prototype.hasOwnProperty.call(process.env, name))
      return undefined;
    const raw = env.get(name);
    return raw !== undefined && raw.toString('utf8') === process.env[name] ? decode(raw) : process.env[name];
  };
}

// preview1's args_* and environ_* answering with the exact bytes of args (a
// list of strings) and env (an object), for the memory getMemory() returns.
function preview1Strings(args, env, getMemory) {
  const list = words => {
    const bytes = words.map(w => encode(w));
    const size = bytes.reduce((n, b) => n + b.length + 1, 0);
    const sizes = (countPtr, sizePtr) => {
      const view = new DataView(getMemory().buffer);
      view.setUint32(countPtr, bytes.length, true);
      view.setUint32(sizePtr, size, true);
      return 0;
    };
    const get = (pointersPtr, bufferPtr) => {
      const memory = getMemory().buffer;
      const view = new DataView(memory);
      const heap = new Uint8Array(memory);
      let at = bufferPtr;
      bytes.forEach((b, i) => {
        view.setUint32(pointersPtr + 4 * i, at, true);
        heap.set(b, at);
        heap[at + b.length] = 0;
        at += b.length + 1;
      });
      return 0;
    };
    return { sizes, get };
  };
  const a = list(args);
  const e = list(Object.entries(env).map(([name, value]) => `${name}=${value}`));
  return { args_sizes_get: a.sizes, args_get: a.get, environ_sizes_get: e.sizes, environ_get: e.get };
}

module.exports = { decode, encode, isEscaped, hostName, commandLineWords, environment, preview1Strings };
