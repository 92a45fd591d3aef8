// random.js: random bytes from the host's /dev/urandom, and version-4 UUIDs, without loading node:crypto.
'use strict';
const fs = require('node:fs');

let urandom = null;

// Fills `target` (a Uint8Array) with random bytes.
function fill(target) {
  if (urandom === null)
    urandom = fs.openSync('/dev/urandom', 'r');
  for (let done = 0; done < target.length;)
    done += fs.readSync(urandom, target, done, target.length - done, null);
  return target;
}

// RFC 9562's version 4: 122 random bits.
function uuid() {
  const b = fill(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

module.exports = { fill, uuid };
