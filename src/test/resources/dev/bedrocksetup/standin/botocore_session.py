# Drives the stand-in with botocore (the AWS CLI's library), an independent SigV4 and event-stream implementation.
# Endpoints, region and credentials come from the environment the Java test sets. Prints one result per line.
import json
import botocore.session
from botocore.exceptions import ClientError

session = botocore.session.get_session()
sts = session.create_client('sts')
print('account', sts.get_caller_identity()['Account'])
bedrock = session.create_client('bedrock')
pages = bedrock.get_paginator('list_inference_profiles').paginate(typeEquals='SYSTEM_DEFINED',
                                                                PaginationConfig={'PageSize': 4})
print('profiles', sum(len(p['inferenceProfileSummaries']) for p in pages))
runtime = session.create_client('bedrock-runtime')
body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 100,
                   "messages": [{"role": "user", "content": "hi"}]})
out = json.loads(runtime.invoke_model(modelId='eu.anthropic.claude-sonnet-4-5-20250929-v1:0', body=body)['body'].read())
print('invoke', out['content'][0]['text'])
text = ''
for event in runtime.invoke_model_with_response_stream(modelId='global.anthropic.claude-opus-5', body=body)['body']:
    e = json.loads(event['chunk']['bytes'])
    if e['type'] == 'content_block_delta':
        text += e['delta']['text']
print('stream', text)
try:
    runtime.invoke_model(modelId='us.anthropic.claude-opus-5', body=body)
except ClientError as e:
    print('error', e.response['Error']['Code'], e.response['Error']['Message'])
