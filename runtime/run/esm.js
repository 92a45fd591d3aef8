// esm.js: the runner's one door to ES modules (jco's API, its preview2 shim
// and the components it transpiles). Code compiled from V8's code cache
// (codecache.js) cannot call import() without node's experimental loader
// hooks, so import() is here, in the one file the cache leaves alone.
'use strict';
const url = require('node:url');

module.exports = file => import(url.pathToFileURL(file).href);
