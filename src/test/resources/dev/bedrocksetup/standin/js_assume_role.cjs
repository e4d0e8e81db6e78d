// Claude Code's credential resolution (AWS SDK for JavaScript v3, fromIni through the default chain) for each
// profile named on the command line, against the stand-in. Prints "<profile> <arn>" or "<profile> error <message>".
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');

async function main() {
  for (const profile of process.argv.slice(2)) {
    try {
      const id = await new STSClient({ profile }).send(new GetCallerIdentityCommand({}));
      console.log(profile + ' ' + id.Arn);
    } catch (e) {
      console.log(profile + ' error ' + e.message.split('\n')[0]);
    }
  }
}
main().catch((e) => { console.log('failed ' + e); process.exit(1); });
