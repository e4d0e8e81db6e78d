package dev.bedrocksetup.cli;

import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.setup.Answer;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "export-credentials", mixinStandardHelpOptions = true,
        description = {"Print credentials in the shape Claude Code's awsCredentialExport expects.", "",
            "{\"Credentials\":{\"AccessKeyId\",\"SecretAccessKey\",\"SessionToken\",\"Expiration\"}} on stdout;",
            "SSO logins are renewed silently when they can be. Nothing secret is ever written to stderr.",
            "Exit 4 with a message on stderr when a login is needed.",
            "Without --profile: the profile Claude Code is set up with (said on stderr)."})
final class ExportCredentialsCommand extends BaseCommand {
    @Mixin
    ProfileOption profile;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        // Claude Code's awsCredentialExport names --profile: then no settings file is read at all
        CommandSetup setup = new CommandSetup(ctx, null);
        Answer<String> profileAnswer = setup.profile(profile);
        setup.announce(profileAnswer, Answer.none());
        ProfileCredentials.Resolved r = new ProfileCredentials(ctx.env).resolve(setup.profileName(profileAnswer));
        Map<String, Object> creds = new LinkedHashMap<>();
        creds.put("AccessKeyId", r.credentials().accessKeyId());
        creds.put("SecretAccessKey", r.credentials().secretAccessKey());
        // long-term keys have neither (as `aws configure export-credentials` prints them)
        if (r.sessionToken() != null) {
            creds.put("SessionToken", r.sessionToken());
        }
        if (r.expiration() != null) {
            creds.put("Expiration", DateTimeFormatter.ISO_INSTANT.format(r.expiration().truncatedTo(ChronoUnit.SECONDS)));
        }
        ctx.out.println(dev.bedrocksetup.json.JsonText.write(Map.of("Credentials", creds)));
        ctx.out.flush();
        return ExitCode.OK;
    }
}
