package dev.bedrocksetup.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StsCallerIdentityTest {
    @RegisterExtension
    final StandInFixture f = new StandInFixture();

    @Test
    void identityComesFromTheCredentialsThatSignedTheRequest() {
        IssuedCredentials c = f.roleCredentials();
        GetCallerIdentityResponse id = f.clients("eu-west-1", c).sts().getCallerIdentity();
        assertEquals(StandInFixture.ACCOUNT, id.account());
        assertEquals("arn:aws:sts::111122223333:assumed-role/BedrockUser/alice", id.arn());
        assertTrue(id.userId().startsWith("AROA") && id.userId().endsWith(":alice"), id.userId());

        IssuedCredentials user = f.scenario.issueUserKeys(StandInFixture.OTHER_ACCOUNT, "ci-bot");
        GetCallerIdentityResponse other = f.clients("us-east-1", user).sts().getCallerIdentity();
        assertEquals("arn:aws:iam::444455556666:user/ci-bot", other.arn());

        LoggedRequest first = f.server.requestLog().of(Operation.GET_CALLER_IDENTITY).get(0);
        assertEquals("eu-west-1", first.region());
        assertEquals(c.accessKeyId(), first.accessKeyId());
        assertEquals(200, first.status());
    }

    @Test
    void aRequestSignedWithTheWrongSecretIsRejected() {
        IssuedCredentials c = f.roleCredentials();
        var wrong = AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey() + "x", c.sessionToken());
        StsException e = assertThrows(StsException.class, () -> f.clients("us-east-1", wrong,
                dev.bedrocksetup.aws.ClientSettings.defaults().withMaxAttempts(1)).sts().getCallerIdentity());
        assertEquals(403, e.statusCode());
        assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith(
                "The request signature we calculated does not match the signature you provided."));
        LoggedRequest refused = f.server.requestLog().of(Operation.GET_CALLER_IDENTITY).get(0);
        assertEquals(403, refused.status());
        assertEquals(c.accessKeyId(), refused.accessKeyId(), "logged with the key it claimed");
        assertEquals("us-east-1", refused.region());
    }

    @Test
    void unknownKeysAndForeignSessionTokensAreInvalid() {
        IssuedCredentials c = f.roleCredentials();
        var unknown = AwsSessionCredentials.create("ASIA" + "Q".repeat(16), c.secretAccessKey(), c.sessionToken());
        StsException e = assertThrows(StsException.class, () -> f.clients("us-east-1", unknown,
                dev.bedrocksetup.aws.ClientSettings.defaults().withMaxAttempts(1)).sts().getCallerIdentity());
        assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", e.awsErrorDetails().errorMessage());

        IssuedCredentials other = f.roleCredentials();
        var mixed = AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), other.sessionToken());
        StsException e2 = assertThrows(StsException.class, () -> f.clients("us-east-1", mixed,
                dev.bedrocksetup.aws.ClientSettings.defaults().withMaxAttempts(1)).sts().getCallerIdentity());
        assertEquals("InvalidClientTokenId", e2.awsErrorDetails().errorCode());
    }

    @Test
    void expiredSessionCredentialsAreRejectedAsExpired() {
        IssuedCredentials expired = f.scenario.issueRoleCredentials(StandInFixture.ACCOUNT, "BedrockUser",
                Duration.ofMinutes(-1));
        StsException e = assertThrows(StsException.class,
                () -> f.clients("us-east-1", expired).sts().getCallerIdentity());
        assertEquals(403, e.statusCode());
        assertEquals("ExpiredToken", e.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is expired", e.awsErrorDetails().errorMessage());
    }
}
