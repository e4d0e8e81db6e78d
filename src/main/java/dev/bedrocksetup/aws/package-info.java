/**
 * The one factory for AWS SDK clients, {@link dev.bedrocksetup.aws.AwsClients}: url-connection HTTP client (and a
 * JDK-based async one for the streaming probe, see docs/decisions/0004), deadlines, bounded retries, endpoint
 * overrides and region from the injected {@link dev.bedrocksetup.core.Environment}, explicit credentials and
 * profile file. Clients are made on first use.
 */
package dev.bedrocksetup.aws;
