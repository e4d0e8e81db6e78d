# Resolves credentials for an SSO profile the way the AWS CLI does (botocore), from the token cache under HOME,
# and calls STS with them. Usage: botocore_sso.py PROFILE [refresh]. Prints no secret.
import sys
import botocore.session

profile = sys.argv[1]
session = botocore.session.Session(profile=profile)
if len(sys.argv) > 2 and sys.argv[2] == 'refresh':
    # botocore's own token provider: refreshes a token inside its refresh window and rewrites the cache file
    from botocore.tokens import SSOTokenProvider
    token = SSOTokenProvider(session).load_token().get_frozen_token()
    print('token-expires', token.expiration.isoformat())
    sys.exit(0)
creds = session.get_credentials().get_frozen_credentials()
print('key-prefix', creds.access_key[:4])
sts = session.create_client('sts', region_name='us-east-1')
ident = sts.get_caller_identity()
print('account', ident['Account'])
print('arn', ident['Arn'])
