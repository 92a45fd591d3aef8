// cachedir.js: where the runner keeps what it caches, under the one name no program reaches.
//
// $XDG_CACHE_HOME/wasm32-wasi-cc/CACHE_DIRECTORY (~/.cache when
// XDG_CACHE_HOME is unset or relative) holds host JavaScript the runner runs:
// components transpiled by jco (component.js), and V8's compiled code of the
// runner's own files (codecache.js, in CODE_DIRECTORY beneath it). The sandbox
// refuses every path through a component of that name (sandbox.js), so no
// program can read or write what the runner executes.
'use strict';
const os = require('node:os');
const path = require('node:path');

const CACHE_DIRECTORY = 'wasm32-wasi-run-cache';
const CODE_DIRECTORY = 'v8';

function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME)
    ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'wasm32-wasi-cc', CACHE_DIRECTORY);
}

module.exports = { CACHE_DIRECTORY, CODE_DIRECTORY, cacheRoot };
