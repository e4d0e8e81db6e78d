package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.setup.Answer;
import dev.bedrocksetup.sso.LoginService;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Log in to IAM Identity Center (SSO) natively; no AWS CLI needed.", "",
            "Reuses a token with time left, renews it with its refresh token when it can, else opens the browser",
            "(device code for legacy profiles, --use-device-code, or where no browser can open).",
            "The token goes to ~/.aws/sso/cache in the AWS CLI's format, where Claude Code finds it."})
final class LoginCommand extends BaseCommand {
    @Mixin
    ProfileOption profile;

    @Mixin
    LoginOptions how;

    @Option(names = "--force", description = "Log in again even when the token is still valid.")
    boolean force;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        CommandSetup setup = new CommandSetup(ctx, null);
        Answer<String> profileAnswer = setup.profile(profile);
        String name = setup.profileName(profileAnswer);
        setup.announce(profileAnswer, Answer.none());
        LoginService service = new LoginService(ctx.env, ctx.browser(), msg -> {
                    ctx.err.println(msg);
                    ctx.err.flush();
                }, d -> Thread.sleep(d.toMillis()),
                // Claude Code stops awsAuthRefresh after 3 minutes and gives it no terminal
                ctx.interactive ? Duration.ofMinutes(10) : Duration.ofSeconds(170));
        LoginService.Result r;
        try (CancelNotice n = CancelNotice.during(ctx, "the login did not finish; nothing was saved.")) {
            r = service.login(name, how.deviceCode, how.noBrowser, force);
        }
        Duration left = Duration.between(Instant.now(ctx.env.clock()), r.token.expiresAt);
        String until = dev.bedrocksetup.core.Deadlines.describe(left);
        String what = r.session.name != null ? "sso-session " + r.session.name : "legacy profile " + name;
        switch (r.how) {
            case STILL_VALID:
                ctx.err.println(ctx.style.check() + " Already logged in (" + what + "); valid for " + until
                        + ". Use --force to log in again.");
                break;
            case REFRESHED:
                ctx.err.println(ctx.style.check() + " Session renewed without a browser (" + what + "); valid for "
                        + until + ".");
                break;
            default:
                ctx.err.println(ctx.style.check() + " Logged in to " + r.session.startUrl + " (" + what
                        + "); valid for " + until + (r.token.refreshToken != null ? ", renews itself" : "") + ".");
                if (r.session.name == null) {
                    ctx.err.println(ctx.style.warn("note: ") + "a legacy SSO profile cannot renew its login (about 8 h);"
                            + " migrate it to an [sso-session] for refreshable logins");
                }
        }
        return ExitCode.OK;
    }
}
