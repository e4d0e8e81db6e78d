// Resolves credentials for an SSO profile with the AWS SDK for JavaScript v3 (what Claude Code uses), from the
// token cache under HOME, and calls STS with them. Modules come from NODE_PATH. Prints no secret.
const { fromSSO } = require('@aws-sdk/credential-providers');
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');

async function main() {
  const profile = process.argv[2];
  const credentials = await fromSSO({ profile })();
  console.log('key-prefix ' + credentials.accessKeyId.slice(0, 4));
  const sts = new STSClient({ region: 'us-east-1', credentials });
  const ident = await sts.send(new GetCallerIdentityCommand({}));
  console.log('account ' + ident.Account);
  console.log('arn ' + ident.Arn);
}
main().catch((e) => { console.log('error ' + e.name + ': ' + e.message); process.exit(1); });
