// Reads many shared files with the AWS SDK for JavaScript's own loader (what Claude Code uses), in one process.
// stdin: JSON list of {"path": ..., "kind": "config"|"credentials"}
// stdout: JSON list of {"ok": true, "data": {...}} or {"ok": false, "error": "..."}
const { loadSharedConfigFiles } = require('@smithy/shared-ini-file-loader');

async function read(entry) {
  try {
    const missing = entry.path + '.absent';
    const opts = entry.kind === 'config'
      ? { configFilepath: entry.path, filepath: missing, ignoreCache: true }
      : { configFilepath: missing, filepath: entry.path, ignoreCache: true };
    const files = await loadSharedConfigFiles(opts);
    return { ok: true, data: entry.kind === 'config' ? files.configFile : files.credentialsFile };
  } catch (e) {
    return { ok: false, error: String(e && e.name) };
  }
}

let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', async () => {
  const out = [];
  for (const entry of JSON.parse(input)) {
    out.push(await read(entry));
  }
  process.stdout.write(JSON.stringify(out));
});
