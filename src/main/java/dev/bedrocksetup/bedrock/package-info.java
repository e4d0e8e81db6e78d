/**
 * The Bedrock side: regions and the geography prefix Claude Code derives from each, model ID shapes, the live Claude
 * catalogue ({@link dev.bedrocksetup.bedrock.ModelCatalogue}) with tier pins, and the access probe
 * ({@link dev.bedrocksetup.bedrock.AccessProbe}) that calls each model as Claude Code does and classifies the answer
 * ({@link dev.bedrocksetup.bedrock.AccessClass}) with an explanation and a fix. SDK clients come from
 * {@link dev.bedrocksetup.aws.AwsClients}; nothing here reads the process environment.
 */
package dev.bedrocksetup.bedrock;
