package dev.bedrocksetup.cli;

import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.core.ExitCode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-credentials", mixinStandardHelpOptions = true,
        description = {"Print credentials in the shape Claude Code's awsCredentialExport expects.", "",
            "{\"Credentials\":{\"AccessKeyId\",\"SecretAccessKey\",\"SessionToken\",\"Expiration\"}} on stdout;",
            "SSO logins are renewed silently when they can be. Nothing secret is ever written to stderr.",
            "Exit 4 with a message on stderr when a login is needed."})
final class ExportCredentialsCommand extends BaseCommand {
    @Option(names = "--profile", paramLabel = "P", required = true, description = "The AWS profile.")
    String profile;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        ProfileCredentials.Resolved r = new ProfileCredentials(ctx.env).resolve(profile);
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
