# botocore's own assume-role provider (role_arn + source_profile in AWS_PROFILE) against the stand-in, then the
# AssumeRole answer and error read by botocore's STS client. Prints one result per line.
import botocore.session
from botocore.exceptions import ClientError

session = botocore.session.get_session()
sts = session.create_client('sts')
print('arn', sts.get_caller_identity()['Arn'])
source = botocore.session.get_session()
source.set_config_variable('profile', 'ci')
plain = source.create_client('sts')
try:
    plain.assume_role(RoleArn='arn:aws:iam::111122223333:role/Nope', RoleSessionName='s1')
except ClientError as e:
    print('error', e.response['Error']['Code'], e.response['Error']['Message'])
ok = plain.assume_role(RoleArn='arn:aws:iam::111122223333:role/BedrockAccess', RoleSessionName='s1',
                       ExternalId='example-external-id')
print('expiration', ok['Credentials']['Expiration'].isoformat())
