package dev.bedrocksetup.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity policy a Claude Code user needs for the configured models and nothing more: invoke (both APIs) on
 * exactly the inference-profile ARNs and the foundation-model ARNs of every region they route to; GetInferenceProfile
 * on those profiles; ListInferenceProfiles (which takes no resource, so "*"). Optionally the Marketplace actions a
 * model's first use needs.
 */
public final class LeastPrivilegePolicy {
    private LeastPrivilegePolicy() {}

    /** The policy document and, per statement, what it is for and what breaks without it. */
    public static final class Result {
        public final Map<String, Object> document;
        public final List<String> explanations;
        public final List<String> notes;

        Result(Map<String, Object> document, List<String> explanations, List<String> notes) {
            this.document = document;
            this.explanations = explanations;
            this.notes = notes;
        }
    }

    public static Result of(List<ProfileRouting> routings, boolean firstUse) {
        List<String> profiles = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ProfileRouting r : routings) {
            if (!profiles.contains(r.profileArn)) {
                profiles.add(r.profileArn);
            }
            for (String m : r.foundationModelArns) {
                if (!models.contains(m)) {
                    models.add(m);
                }
            }
            if (!r.fromApi) {
                notes.add("GetInferenceProfile was denied for " + r.id + ": its destinations come from the documented "
                        + "routing of its geography, not from your account");
            }
        }
        List<Object> statements = new ArrayList<>();
        List<String> explain = new ArrayList<>();
        List<String> invokeResources = new ArrayList<>(profiles);
        invokeResources.addAll(models);
        statements.add(statement("InvokeClaudeThroughInferenceProfiles",
                List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"), invokeResources, null));
        explain.add("InvokeClaudeThroughInferenceProfiles: the profiles and the foundation models in every region they "
                + "route to; without a destination region's model ARN, calls routed there fail with \"not authorized "
                + "to perform: bedrock:InvokeModelWithResponseStream on resource ...foundation-model/...\"");
        statements.add(statement("ReadTheConfiguredInferenceProfiles", List.of("bedrock:GetInferenceProfile"), profiles,
                null));
        explain.add("ReadTheConfiguredInferenceProfiles: Claude Code reads its profiles at start; without it, it falls "
                + "back to its built-in model list");
        statements.add(statement("ListInferenceProfiles", List.of("bedrock:ListInferenceProfiles"), List.of("*"),
                null));
        explain.add("ListInferenceProfiles: Claude Code lists the profiles of the region at start; this action takes no "
                + "resource, so \"*\" is the only form IAM accepts");
        if (firstUse) {
            statements.add(statement("FirstUseOfAModel", List.of("aws-marketplace:ViewSubscriptions",
                    "aws-marketplace:Subscribe"), List.of("*"), Map.of("StringEquals",
                    Map.of("aws:CalledViaLast", "bedrock.amazonaws.com"))));
            explain.add("FirstUseOfAModel: the first invocation of a model in an account subscribes to it through AWS "
                    + "Marketplace, called by Bedrock on your behalf; not needed once an administrator enabled the "
                    + "models");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return new Result(doc, explain, notes);
    }

    private static Map<String, Object> statement(String sid, List<String> actions, List<String> resources,
            Map<String, Object> condition) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Action", actions);
        s.put("Resource", resources);
        if (condition != null) {
            s.put("Condition", condition);
        }
        return s;
    }
}
