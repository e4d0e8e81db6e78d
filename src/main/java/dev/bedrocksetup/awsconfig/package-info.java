/**
 * ~/.aws/config and ~/.aws/credentials as lossless documents: read, classify profiles, edit in place, undo.
 *
 * <p>Entry points for the command line:
 * <ul>
 *   <li>{@link dev.bedrocksetup.awsconfig.AwsConfigService}: the engine over {@code fs/ChangeApplier} —
 *       {@code listProfiles()}, {@code createSsoProfile(request, dryRun)}, {@code migrateLegacyProfile(profile,
 *       session, dryRun)}, {@code setRegion(profile, region, dryRun)}, {@code reset(filter, dryRun)}; each edit
 *       returns an {@link dev.bedrocksetup.awsconfig.AwsConfigEdit} whose {@code change()} is the
 *       {@link dev.bedrocksetup.fs.FileChange} (diff, journal entry of kind "aws-config") and whose {@code notes()}
 *       are for the user.</li>
 *   <li>{@link dev.bedrocksetup.awsconfig.SsoProfileEditor} and {@link dev.bedrocksetup.awsconfig.AwsConfigReset}:
 *       the pure planners underneath (text in, {@code FileChange} out), for callers that batch several files into one
 *       {@code ChangeApplier} plan.</li>
 *   <li>{@link dev.bedrocksetup.awsconfig.ProfileCatalog}, {@link dev.bedrocksetup.awsconfig.StaticKeyShadowing}
 *       and {@link dev.bedrocksetup.awsconfig.AwsSharedFile#problems()}: read-only diagnosis for doctor.</li>
 * </ul>
 * Why lines and not an INI library: docs/decisions/0006-aws-config-as-lines.md.
 */
package dev.bedrocksetup.awsconfig;
