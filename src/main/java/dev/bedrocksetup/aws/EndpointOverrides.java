package dev.bedrocksetup.aws;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The endpoint overrides the AWS SDKs and CLI honour ({@code AWS_ENDPOINT_URL_<SERVICE>}, then
 * {@code AWS_ENDPOINT_URL}, none when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}), read from the injected
 * environment so tests never depend on the real one.
 */
public final class EndpointOverrides {
    private EndpointOverrides() {}

    /** The override for a service, by the suffix of its variable: SSO, SSO_OIDC, STS, BEDROCK, BEDROCK_RUNTIME. */
    public static Optional<URI> forService(Environment env, String serviceSuffix) {
        if ("true".equalsIgnoreCase(env.nonBlank("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) {
            return Optional.empty();
        }
        String name = "AWS_ENDPOINT_URL_" + serviceSuffix;
        String value = env.nonBlank(name);
        if (value == null) {
            name = "AWS_ENDPOINT_URL";
            value = env.nonBlank(name);
        }
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw BedrockSetupException.usage(name + " is not a valid URL: " + value,
                    "Set it to an http(s) URL such as https://bedrock.us-east-1.amazonaws.com, or unset it.");
        }
    }
}
