package dev.bedrocksetup.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Log in to IAM Identity Center (SSO) natively; no AWS CLI needed.")
final class LoginCommand extends BaseCommand {
    @Option(names = "--profile", paramLabel = "P", description = "The AWS profile to log in (default: AWS_PROFILE).")
    String profile;

    @Option(names = "--use-device-code", description = "Use the device-code flow (for machines without a browser).")
    boolean deviceCode;

    @Option(names = "--no-browser", description = "Print the URL instead of opening a browser.")
    boolean noBrowser;

    @Override
    public Integer call() {
        throw notBuilt("'bedrock-setup login'", 4);
    }
}
