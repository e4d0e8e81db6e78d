// Which platform package holds this machine's bedrock-setup, and where its launcher is.
// Shared by bin/bedrock-setup (run through Node) and install.cjs (which replaces that file by a direct exec).
//
// Each platform package (bedrock-setup-linux-x64, ...) is an optional dependency of this one that npm installs only
// where its package.json's "os", "cpu" and "libc" match; it holds a Java runtime image with the app and names its
// native launcher in "bedrockSetupLauncher".
'use strict'
const fs = require('fs')
const path = require('path')

const SUPPORTED = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64']

function platformKey() {
  return process.platform + '-' + process.arch
}

/** The absolute path of the platform package's launcher, or null with the reason in `why`. */
function findLauncher(why = {}) {
  const key = platformKey()
  if (!SUPPORTED.includes(key)) {
    why.message = 'bedrock-setup has no build for ' + key + ' (there are: ' + SUPPORTED.join(', ') + ')'
    return null
  }
  const pkg = 'bedrock-setup-' + key
  let manifest
  try {
    manifest = require.resolve(pkg + '/package.json', { paths: [__dirname] })
  } catch (e) {
    why.message = 'the package ' + pkg + ' is not installed (npm skipped the optional dependency; reinstall ' +
      'without --omit=optional or --no-optional)'
    return null
  }
  const dir = path.dirname(manifest)
  const relative = JSON.parse(fs.readFileSync(manifest, 'utf8')).bedrockSetupLauncher
  const launcher = relative ? path.join(dir, relative) : null
  if (!launcher || !fs.existsSync(launcher)) {
    why.message = pkg + ' has no launcher at ' + launcher + ' (a broken install: reinstall bedrock-setup)'
    return null
  }
  return launcher
}

module.exports = { platformKey, findLauncher }
