package dev.bedrocksetup.standin;

/**
 * Who sent a verified request: the account and principal behind the credentials, the region of the SigV4 scope
 * (or of the API key), and the access key id (null for API-key calls).
 */
record Caller(String accountId, String principalArn, String userId, String region, String accessKeyId) {
}
