package dev.bedrocksetup.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ARNs name the region's partition: a GovCloud or China region (any region name can be typed in the wizard) is not in
 * the aws partition, and CreateInferenceProfile refuses a copyFrom ARN of another partition.
 */
class PartitionTest {
    @Test
    void theSystemProfileACopyIsMadeFromIsNamedInItsRegionsPartition() {
        ApplicationProfiles.Copy gov = new ApplicationProfiles.Copy("us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "claude-sonnet-4-5-20250929", "name", Map.of(), null);
        assertEquals("arn:aws-us-gov:bedrock:us-gov-west-1:111122223333:inference-profile/"
                + "us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0", gov.sourceArn("us-gov-west-1", "111122223333"));
        ApplicationProfiles.Copy us = new ApplicationProfiles.Copy("us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "claude-sonnet-4-5-20250929", "name", Map.of(), null);
        assertEquals("arn:aws:bedrock:us-east-1:111122223333:inference-profile/"
                + "us.anthropic.claude-sonnet-4-5-20250929-v1:0", us.sourceArn("us-east-1", "111122223333"));
    }

    @Test
    void eachRegionsPartition() {
        assertEquals("aws", RegionNames.partition("eu-west-1"));
        assertEquals("aws-us-gov", RegionNames.partition("us-gov-east-1"));
        assertEquals("aws-cn", RegionNames.partition("cn-northwest-1"));
    }
}
