package dev.bedrocksetup.standin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * STS (query protocol: form-encoded request, XML reply): GetCallerIdentity for the credentials that signed it, and
 * AssumeRole for the roles in the {@link Scenario}, answered and refused in AWS's shape and words.
 */
final class StsService {
    private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    /** Parameters a request log may show; TokenCode (an MFA code) and policies are left out. */
    private static final List<String> LOGGED = List.of("RoleArn", "RoleSessionName", "DurationSeconds", "ExternalId",
            "SerialNumber");

    private final Scenario scenario;

    StsService(Scenario scenario) {
        this.scenario = scenario;
    }

    StandInResponse handle(Operation op, StandInRequest req, Caller caller) {
        return op == Operation.ASSUME_ROLE ? assumeRole(req, caller) : callerIdentity(caller);
    }

    private StandInResponse callerIdentity(Caller caller) {
        String xml = "<GetCallerIdentityResponse xmlns=\"" + NS + "\">\n"
                + "  <GetCallerIdentityResult>\n"
                + "    <Arn>" + escape(caller.principalArn()) + "</Arn>\n"
                + "    <UserId>" + escape(caller.userId()) + "</UserId>\n"
                + "    <Account>" + escape(caller.accountId()) + "</Account>\n"
                + "  </GetCallerIdentityResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</GetCallerIdentityResponse>\n";
        return StandInResponse.xml(200, xml);
    }

    private StandInResponse assumeRole(StandInRequest req, Caller caller) {
        Map<String, String> p = parameters(req);
        String roleArn = p.get("RoleArn");
        String sessionName = p.get("RoleSessionName");
        if (roleArn == null) {
            throw validation("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        }
        if (sessionName == null) {
            throw validation("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw validation("Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: Member "
                    + "must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        if (sessionName.length() < 2 || sessionName.length() > 64) {
            throw validation("Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: Member "
                    + "must have length " + (sessionName.length() < 2 ? "greater than or equal to 2"
                    : "less than or equal to 64"));
        }
        long seconds = 3600;
        if (p.containsKey("DurationSeconds")) {
            try {
                seconds = Long.parseLong(p.get("DurationSeconds"));
            } catch (NumberFormatException e) {
                throw validation("Value '" + p.get("DurationSeconds") + "' at 'durationSeconds' failed to satisfy "
                        + "constraint: Member must be a number");
            }
            if (seconds < 900) {
                throw validation("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: Member "
                        + "must have value greater than or equal to 900");
            }
            if (seconds > 43200) {
                throw validation("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: Member "
                        + "must have value less than or equal to 43200");
            }
        }
        // AWS answers an unknown role exactly like a role that does not trust the caller.
        IamRole role = scenario.iamRole(roleArn).filter(r -> r.trusts(caller.accountId(), caller.principalArn()))
                .filter(r -> r.externalId() == null || r.externalId().equals(p.get("ExternalId")))
                .orElseThrow(() -> new AwsError(403, "AccessDenied", "User: " + caller.principalArn()
                        + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn));
        boolean chained = caller.principalArn().startsWith("arn:aws:sts::")
                && caller.principalArn().contains(":assumed-role/");
        if (chained && seconds > 3600) {
            throw new AwsError(400, "ValidationError",
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (seconds > role.maxSessionDuration().getSeconds()) {
            throw new AwsError(400, "ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        IssuedCredentials c = scenario.issueAssumedRoleCredentials(role, sessionName, Duration.ofSeconds(seconds));
        Instant exp = c.expiration().truncatedTo(ChronoUnit.SECONDS);
        String xml = "<AssumeRoleResponse xmlns=\"" + NS + "\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + "      <AssumedRoleId>" + escape(c.userId()) + "</AssumedRoleId>\n"
                + "      <Arn>" + escape(c.principalArn()) + "</Arn>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <AccessKeyId>" + c.accessKeyId() + "</AccessKeyId>\n"
                + "      <SecretAccessKey>" + c.secretAccessKey() + "</SecretAccessKey>\n"
                + "      <SessionToken>" + c.sessionToken() + "</SessionToken>\n"
                + "      <Expiration>" + exp + "</Expiration>\n"
                + "    </Credentials>\n"
                + "  </AssumeRoleResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</AssumeRoleResponse>\n";
        return StandInResponse.xml(200, xml);
    }

    private static AwsError validation(String detail) {
        return new AwsError(400, "ValidationError", "1 validation error detected: " + detail);
    }

    /** The request's parameters: the form body of a POST, else the query (first value of each). */
    static Map<String, String> parameters(StandInRequest req) {
        Map<String, List<String>> all = req.method().equals("POST") && !req.bodyText().isEmpty()
                ? StandInRequest.parseForm(req.bodyText()) : req.queryParameters();
        Map<String, String> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }

    /** What the request log keeps of an STS request: the AssumeRole parameters, never an MFA code. */
    static Map<String, String> loggedParameters(StandInRequest req) {
        Map<String, String> all = parameters(req);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : LOGGED) {
            if (all.containsKey(k)) {
                out.put(k, all.get(k));
            }
        }
        return out;
    }

    static StandInResponse error(AwsError e) {
        String type = e.status() >= 500 ? "Receiver" : "Sender";
        String xml = "<ErrorResponse xmlns=\"" + NS + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + type + "</Type>\n"
                + "    <Code>" + escape(e.code()) + "</Code>\n"
                + "    <Message>" + escape(e.getMessage()) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                + "</ErrorResponse>\n";
        return StandInResponse.xml(e.status(), xml);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
