package dev.bedrocksetup.standin;

/** Every operation the stand-in answers, with the service it belongs to (as in the request log and fault injection). */
public enum Operation {
    REGISTER_CLIENT(Service.SSO_OIDC, "RegisterClient"),
    START_DEVICE_AUTHORIZATION(Service.SSO_OIDC, "StartDeviceAuthorization"),
    CREATE_TOKEN(Service.SSO_OIDC, "CreateToken"),
    AUTHORIZE(Service.SSO_OIDC, "Authorize"),
    LIST_ACCOUNTS(Service.SSO, "ListAccounts"),
    LIST_ACCOUNT_ROLES(Service.SSO, "ListAccountRoles"),
    GET_ROLE_CREDENTIALS(Service.SSO, "GetRoleCredentials"),
    GET_CALLER_IDENTITY(Service.STS, "GetCallerIdentity"),
    ASSUME_ROLE(Service.STS, "AssumeRole"),
    LIST_INFERENCE_PROFILES(Service.BEDROCK, "ListInferenceProfiles"),
    GET_INFERENCE_PROFILE(Service.BEDROCK, "GetInferenceProfile"),
    LIST_FOUNDATION_MODELS(Service.BEDROCK, "ListFoundationModels"),
    CREATE_INFERENCE_PROFILE(Service.BEDROCK, "CreateInferenceProfile"),
    DELETE_INFERENCE_PROFILE(Service.BEDROCK, "DeleteInferenceProfile"),
    TAG_RESOURCE(Service.BEDROCK, "TagResource"),
    LIST_TAGS_FOR_RESOURCE(Service.BEDROCK, "ListTagsForResource"),
    INVOKE_MODEL(Service.BEDROCK_RUNTIME, "InvokeModel"),
    INVOKE_MODEL_WITH_RESPONSE_STREAM(Service.BEDROCK_RUNTIME, "InvokeModelWithResponseStream"),
    CONVERSE(Service.BEDROCK_RUNTIME, "Converse");

    /** The services behind the one port; the signing name is what SigV4 scopes carry. */
    public enum Service {
        SSO_OIDC(null), SSO(null), STS("sts"), BEDROCK("bedrock"), BEDROCK_RUNTIME("bedrock");

        private final String signingName;

        Service(String signingName) {
            this.signingName = signingName;
        }

        /** The SigV4 service name, or null for the services that are not SigV4-signed. */
        public String signingName() {
            return signingName;
        }
    }

    private final Service service;
    private final String awsName;

    Operation(Service service, String awsName) {
        this.service = service;
        this.awsName = awsName;
    }

    public Service service() {
        return service;
    }

    /** The operation's name as AWS spells it, e.g. {@code InvokeModelWithResponseStream}. */
    public String awsName() {
        return awsName;
    }

    /** The IAM action, e.g. {@code bedrock:InvokeModel}, as it appears in AccessDenied messages. */
    public String iamAction() {
        String prefix = switch (service) {
            case SSO_OIDC -> "sso-oauth";
            case SSO -> "sso";
            case STS -> "sts";
            case BEDROCK, BEDROCK_RUNTIME -> "bedrock";
        };
        return prefix + ":" + awsName;
    }
}
