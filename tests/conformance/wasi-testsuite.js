// wasi-testsuite.js: runs WebAssembly/wasi-testsuite's prebuilt wasm32-wasip1 tests under wasm32-wasi-run,
// as the suite's own wasmtime adapter runs them under wasmtime.
//
//   node wasi-testsuite.js DIR [NAME...]
//
// DIR is a checkout of the suite's prod/testsuite-base branch (its tests/
// folder). Each test TEST.wasm has an optional TEST.json: args, env, root (a
// directory beside it, granted as "/"), exit_code (default 0), stdout. The
// runner is given them as wasmtime is: --env NAME=VALUE, --dir ROOT::/, with
// the suite's directory as the working directory and an empty standard
// input. Files the test leaves as *.cleanup in its root are removed, as the
// suite's runner does. Prints TAP; exits 1 if any test failed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const RUNNER = process.env.WASM32_WASI_RUN || 'wasm32-wasi-run';
const SUITES = ['c', 'rust', 'assemblyscript'].map(l => path.join('tests', l, 'testsuite', 'wasm32-wasip1'));
const TIMEOUT_MS = 60000;

function cleanup(dir) {
  if (!fs.existsSync(dir))
    return;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name.endsWith('.cleanup'))
      fs.rmSync(p, { recursive: true, force: true });
    else if (fs.lstatSync(p).isDirectory())
      cleanup(p);
  }
}

function runTest(suiteDir, wasmName) {
  const base = wasmName.replace(/\.wasm$/, '');
  const jsonFile = path.join(suiteDir, `${base}.json`);
  const config = fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : {};
  const argv = [];
  for (const [name, value] of Object.entries(config.env || {}))
    argv.push('--env', `${name}=${value}`);
  if (config.root)
    argv.push('--dir', `${config.root}::/`);
  argv.push('--', wasmName, ...(config.args || []));
  if (config.root)
    cleanup(path.join(suiteDir, config.root));
  const r = spawnSync(RUNNER, argv, { cwd: suiteDir, input: '', timeout: TIMEOUT_MS, encoding: 'utf8' });
  if (config.root)
    cleanup(path.join(suiteDir, config.root));
  const want = config.exit_code !== undefined ? config.exit_code : 0;
  const problems = [];
  if (r.error)
    problems.push(String(r.error.message));
  else if (r.status !== want)
    problems.push(`exit status ${r.status === null ? r.signal : r.status}, expected ${want}`);
  if (config.stdout !== undefined && r.stdout !== config.stdout)
    problems.push(`stdout ${JSON.stringify(r.stdout)}, expected ${JSON.stringify(config.stdout)}`);
  if (problems.length && r.stderr)
    problems.push(`stderr: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return problems;
}

function main() {
  const [dir, ...only] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node wasi-testsuite.js DIR [NAME...]\n');
    process.exit(2);
  }
  const tests = [];
  for (const suite of SUITES) {
    const suiteDir = path.join(dir, suite);
    if (!fs.existsSync(suiteDir)) {
      process.stderr.write(`wasi-testsuite.js: ${suiteDir}: No such file or directory\n`);
      process.exit(2);
    }
    for (const name of fs.readdirSync(suiteDir).filter(n => n.endsWith('.wasm')).sort())
      if (only.length === 0 || only.includes(name.replace(/\.wasm$/, '')))
        tests.push([suiteDir, name, `${path.basename(path.dirname(path.dirname(suiteDir)))}/${name}`]);
  }
  console.log(`1..${tests.length}`);
  let failed = 0;
  tests.forEach(([suiteDir, name, label], i) => {
    const problems = runTest(suiteDir, name);
    if (problems.length) {
      failed++;
      console.log(`not ok ${i + 1} ${label}`);
      for (const p of problems)
        console.log(`# ${p}`);
    } else {
      console.log(`ok ${i + 1} ${label}`);
    }
  });
  console.log(`# ${tests.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
