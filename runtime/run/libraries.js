// libraries.js: what a core module is to dynamic linking, the runner's one answer (steps/libraries.c's, at run time).
//
// The kinds are doc/dynamic-linking-abi.md's ("What a module is"): a
// module with dylink.0 is dynamic, a dll or, when it is also a command, a
// dynamic executable; a command exports the function _start; an allocator
// is a module without dylink.0 that exports its memory (a static command
// does too: whether it may stand as one is the loader's to say).
'use strict';
const wasm = require('./wasm.js');

// { dynamic, command, allocator } of a core module: its compiled
// WebAssembly.Module, or else its bytes, of which only `dynamic` is said.
function kindOf(bytes, module = null) {
  const dynamic = module ? WebAssembly.Module.customSections(module, 'dylink.0').length > 0
    : wasm.customSection(bytes, 'dylink.0') !== null;
  if (!module)
    return { dynamic };
  const exports = WebAssembly.Module.exports(module);
  const has = (name, kind) => exports.some(e => e.name === name && e.kind === kind);
  return { dynamic, command: has('_start', 'function'), allocator: !dynamic && has('memory', 'memory') };
}

module.exports = { kindOf };
