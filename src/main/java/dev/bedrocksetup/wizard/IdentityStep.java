package dev.bedrocksetup.wizard;

import dev.bedrocksetup.aws.AwsClients;

/** Who AWS says we are, so a wrong account shows before anything is written. */
final class IdentityStep implements Wizard.Step {
    @Override
    public void run(WizardState s) {
        if (s.apiKey != null) {
            return; // an API key has no STS identity
        }
        try (AwsClients clients = s.bedrockClients()) {
            if (clients == null) {
                return;
            }
            var id = clients.sts().getCallerIdentity();
            s.ask.say(s.marks.check() + " Identity: account " + id.account() + ", " + id.arn().replaceAll(".*:", ""));
        } catch (RuntimeException e) {
            s.ask.say("! AWS did not confirm these credentials: " + dev.bedrocksetup.aws.AwsCallFailure.words(e)
                    + " (bedrock-setup doctor explains)");
        }
    }
}
