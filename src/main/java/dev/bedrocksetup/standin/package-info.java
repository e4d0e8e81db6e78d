/**
 * A loopback stand-in for the AWS services bedrock-setup and Claude Code use, for tests and {@code init --demo}.
 *
 * <p>Use in a test:
 * <pre>{@code
 * Scenario scenario = new Scenario(Clock.systemUTC())
 *         .addAccount("111122223333", "Sandbox", "sandbox@example.com", "BedrockUser");
 * try (StandInServer server = StandInServer.start(scenario)) {
 *     // point AWS_ENDPOINT_URL_{SSO,SSO_OIDC,STS,BEDROCK,BEDROCK_RUNTIME} (and ANTHROPIC_BEDROCK_BASE_URL) at
 *     // server.baseUri(); get credentials from a login (GetRoleCredentials) or scenario.issueRoleCredentials(..)
 *     scenario.failNext(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Fault.accessDenied(), 1);
 *     ...
 *     server.requestLog().of(Operation.INVOKE_MODEL)  // what arrived: region, key id, model, status
 * }
 * }</pre>
 *
 * <p>What it checks like AWS: SigV4 signatures of the credentials it issued (bad signature, unknown key, foreign or
 * expired session token, signature older than 15 minutes), SSO access tokens on the portal, Bedrock API keys on the
 * runtime, model identifiers against the region's inference profiles, grants and the Anthropic use-case form.
 * What it does not: IAM policies (denials are injected with {@link dev.bedrocksetup.standin.Fault}), presigned
 * (query-string) SigV4, the region of an API-key request (taken from the key), a skewed {@code Date} header (the
 * JDK server writes its own).
 *
 * <p>Standalone: {@link dev.bedrocksetup.standin.StandInMain}.
 */
package dev.bedrocksetup.standin;
