package dev.bedrocksetup.standin;

import java.util.UUID;

/** STS GetCallerIdentity (query protocol: form-encoded request, XML reply) for the credentials that signed it. */
final class StsService {
    private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    StandInResponse handle(Caller caller) {
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
