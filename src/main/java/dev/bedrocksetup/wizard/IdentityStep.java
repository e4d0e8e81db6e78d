package dev.bedrocksetup.wizard;

import dev.bedrocksetup.aws.AwsClients;

/** Who AWS says we are, so a wrong account shows before anything is written. */
final class IdentityStep implements Wizard.Step {
    @Override
    public void run(WizardState s) {
        if (s.apiKey != null || s.accessKeys != null) {
            return; // an API key has no STS identity; new keys were shown theirs when checked
        }
        try (AwsClients clients = s.bedrockClients()) {
            if (clients == null) {
                return;
            }
            software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse id;
            try (var wait = s.ask.waiting("asking AWS who these credentials are")) {
                id = clients.sts().getCallerIdentity();
            }
            s.ask.say(s.marks.check() + " Identity: account " + id.account() + ", " + id.arn().replaceAll(".*:", ""),
                    Prompter.Tone.IDENTITY);
        } catch (RuntimeException e) {
            s.ask.say("! AWS did not confirm these credentials: " + dev.bedrocksetup.aws.AwsCallFailure.words(e)
                    + " (bedrock-setup doctor explains)");
        }
    }
}
