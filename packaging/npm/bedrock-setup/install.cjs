#!/usr/bin/env node
// Postinstall: on Linux and macOS, replaces bin/bedrock-setup (a Node script) by a shell script that execs the
// platform package's launcher, so a start costs no Node process. npm's link to bin/bedrock-setup stays valid (the
// file is replaced in place, by rename). When the platform package is missing it says why and changes nothing: the
// Node script then reports the same at every start. Never fails the install.
'use strict'
const fs = require('fs')
const path = require('path')
const { findLauncher } = require('./platform.cjs')

function main() {
  if (process.platform === 'win32') return
  const why = {}
  const launcher = findLauncher(why)
  if (!launcher) {
    console.error('bedrock-setup: ' + why.message)
    return
  }
  const bin = path.join(__dirname, 'bin', 'bedrock-setup')
  const quoted = "'" + launcher.replace(/'/g, "'\\''") + "'"
  // BEDROCK_SETUP_COMMAND: the settings bedrock-setup writes call it back by this link's path (npm's bin link,
  // which an upgrade keeps), not by the platform package's launcher
  const script = '#!/bin/sh\n# written by bedrock-setup\'s install.cjs: runs the platform package\'s launcher\n' +
    'case "$0" in /*) BEDROCK_SETUP_COMMAND="$0"; export BEDROCK_SETUP_COMMAND ;; esac\n' +
    'exec ' + quoted + ' "$@"\n'
  const tmp = bin + '.tmp-' + process.pid
  fs.writeFileSync(tmp, script, { mode: 0o755 })
  fs.renameSync(tmp, bin)
}

try {
  main()
} catch (e) {
  console.error('bedrock-setup: postinstall left the Node launcher in place: ' + e.message)
}
