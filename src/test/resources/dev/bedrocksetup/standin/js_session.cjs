// Drives the stand-in with the AWS SDK for JavaScript v3 and @anthropic-ai/bedrock-sdk (Claude Code's model client).
// Modules come from NODE_PATH; endpoints, region and credentials from the environment. Prints one result per line.
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
const { BedrockClient, ListInferenceProfilesCommand } = require('@aws-sdk/client-bedrock');
const { AnthropicBedrock } = require('@anthropic-ai/bedrock-sdk');

async function main() {
  console.log('account ' + (await new STSClient({}).send(new GetCallerIdentityCommand({}))).Account);
  const list = await new BedrockClient({}).send(new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED' }));
  console.log('profiles ' + list.inferenceProfileSummaries.length);
  const client = new AnthropicBedrock({ awsRegion: process.env.AWS_REGION, baseURL: process.env.ANTHROPIC_BEDROCK_BASE_URL });
  const model = 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0';
  const probe = await client.messages.create({ model, max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] });
  console.log('probe ' + probe.content[0].text + ' ' + probe.stop_reason);
  const stream = await client.messages.create({ model, max_tokens: 100, stream: true,
    messages: [{ role: 'user', content: 'hi' }] });
  let text = '';
  for await (const e of stream) {
    if (e.type === 'content_block_delta') text += e.delta.text;
  }
  console.log('stream ' + text);
}
main().catch((e) => { console.log('failed ' + e); process.exit(1); });
