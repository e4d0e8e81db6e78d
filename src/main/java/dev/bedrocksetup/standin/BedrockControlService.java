package dev.bedrocksetup.standin;

import dev.bedrocksetup.standin.Json.ArrayNode;
import dev.bedrocksetup.standin.Json.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Bedrock control plane: inference profiles (system-defined and application) and foundation models. */
final class BedrockControlService {
    private static final String CREATED_AT = "2025-09-29T00:00:00Z";

    private final Scenario scenario;

    BedrockControlService(Scenario scenario) {
        this.scenario = scenario;
    }

    StandInResponse handle(Route route, StandInRequest req, Caller caller) {
        return switch (route.operation()) {
            case LIST_INFERENCE_PROFILES -> listProfiles(req, caller);
            case GET_INFERENCE_PROFILE -> getProfile(route.modelId(), caller);
            case LIST_FOUNDATION_MODELS -> listFoundationModels(req, caller);
            case CREATE_INFERENCE_PROFILE -> createProfile(req, caller);
            case DELETE_INFERENCE_PROFILE -> {
                scenario.deleteApplicationProfile(caller.accountId(), caller.region(), decode(route.modelId()));
                yield StandInResponse.json(200, Json.object());
            }
            case TAG_RESOURCE -> {
                Map<?, ?> body = Json.parse(req.body());
                scenario.tag(caller.accountId(), caller.region(), Json.text(body, "resourceARN"), tags(body));
                yield StandInResponse.json(200, Json.object());
            }
            case LIST_TAGS_FOR_RESOURCE -> {
                Map<?, ?> body = Json.parse(req.body());
                ObjectNode out = Json.object();
                ArrayNode list = out.putArray("tags");
                scenario.tags(caller.accountId(), caller.region(), Json.text(body, "resourceARN"))
                        .forEach((k, v) -> list.addObject().put("key", k).put("value", v));
                yield StandInResponse.json(200, out);
            }
            default -> throw new IllegalArgumentException(route.operation().name());
        };
    }

    private StandInResponse listProfiles(StandInRequest req, Caller caller) {
        String type = req.param("type") == null ? InferenceProfile.SYSTEM_DEFINED : req.param("type");
        List<InferenceProfile> all;
        if (type.equals(InferenceProfile.SYSTEM_DEFINED)) {
            all = new java.util.ArrayList<>(InferenceProfileCatalog.systemProfiles(caller.region(), caller.accountId()));
            all.addAll(scenario.offeredProfiles(caller.region(), caller.accountId()));
        } else if (type.equals(InferenceProfile.APPLICATION)) {
            all = scenario.applicationProfiles(caller.accountId(), caller.region());
        } else {
            throw AwsError.validation("1 validation error detected: Value '" + type + "' at 'typeEquals' failed to"
                    + " satisfy constraint: Member must satisfy enum value set: [SYSTEM_DEFINED, APPLICATION]");
        }
        Pages.Page<InferenceProfile> page = Pages.page(all, req.param("maxResults"), req.param("nextToken"), 1000, 1000);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("inferenceProfileSummaries");
        page.items().forEach(p -> list.add(profileJson(p)));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return StandInResponse.json(200, out);
    }

    private StandInResponse getProfile(String identifier, Caller caller) {
        Optional<InferenceProfile> found;
        String id = identifier;
        if (identifier.startsWith("arn:")) {
            String[] parts = identifier.split(":", 6);
            boolean here = parts.length == 6 && parts[3].equals(caller.region()) && parts[4].equals(caller.accountId());
            id = here && parts[5].contains("/") ? parts[5].substring(parts[5].indexOf('/') + 1) : "";
        }
        String wanted = id;
        found = InferenceProfileCatalog.systemProfile(caller.region(), caller.accountId(), wanted);
        if (found.isEmpty()) {
            found = scenario.offeredProfiles(caller.region(), caller.accountId()).stream()
                    .filter(p -> p.id().equals(wanted)).findFirst();
        }
        if (found.isEmpty()) {
            found = scenario.applicationProfiles(caller.accountId(), caller.region()).stream()
                    .filter(p -> p.id().equals(wanted)).findFirst();
        }
        InferenceProfile p = found.orElseThrow(() -> AwsError.notFound("Inference profile " + identifier
                + " not found."));
        return StandInResponse.json(200, profileJson(p));
    }

    private StandInResponse createProfile(StandInRequest req, Caller caller) {
        Map<?, ?> body = Json.parse(req.body());
        Map<?, ?> source = Json.member(body, "modelSource");
        InferenceProfile p = scenario.createApplicationProfile(caller.accountId(), caller.region(),
                Json.text(body, "inferenceProfileName"), Json.text(body, "description"),
                source == null ? null : Json.text(source, "copyFrom"), tags(body));
        ObjectNode out = Json.object();
        out.put("inferenceProfileArn", p.arn());
        out.put("status", "ACTIVE");
        return StandInResponse.json(201, out);
    }

    /** Bedrock's tag characters (its API reference's pattern for Tag key and value). */
    private static final java.util.regex.Pattern TAG_TEXT = java.util.regex.Pattern.compile("[a-zA-Z0-9\\s._:/=+@-]*");

    /**
     * A request's [{key, value}] tags; more than 200, an empty key or a character outside Bedrock's pattern is a
     * ValidationException, as in AWS.
     */
    private static Map<String, String> tags(Map<?, ?> body) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Object list = body.get("tags");
        if (list instanceof List<?> items) {
            if (items.size() > 200) {
                throw AwsError.validation("1 validation error detected: Value at 'tags' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 200");
            }
            for (Object o : items) {
                if (o instanceof Map<?, ?> t) {
                    String k = Json.text(t, "key");
                    if (k == null || k.isEmpty() || k.length() > 128) {
                        throw AwsError.validation("1 validation error detected: Value at 'tags.member.key' failed "
                                + "to satisfy constraint: Member must have length between 1 and 128");
                    }
                    String v = Json.text(t, "value") == null ? "" : Json.text(t, "value");
                    if (!TAG_TEXT.matcher(k).matches() || !TAG_TEXT.matcher(v).matches()) {
                        throw AwsError.validation("1 validation error detected: Value at 'tags.member."
                                + (TAG_TEXT.matcher(k).matches() ? "value" : "key") + "' failed to satisfy "
                                + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9\\s._:/=+@-]*");
                    }
                    out.put(k, v);
                }
            }
        }
        return out;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private StandInResponse listFoundationModels(StandInRequest req, Caller caller) {
        String provider = req.param("byProvider");
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("modelSummaries");
        if (provider == null || provider.equalsIgnoreCase("anthropic")) {
            for (ClaudeModel m : InferenceProfileCatalog.foundationModels(caller.region())) {
                ObjectNode n = list.addObject();
                n.put("modelArn", InferenceProfileCatalog.foundationModelArn(caller.region(), m.modelId()));
                n.put("modelId", m.modelId());
                n.put("modelName", m.modelName());
                n.put("providerName", "Anthropic");
                n.putArray("inputModalities").add("TEXT").add("IMAGE");
                n.putArray("outputModalities").add("TEXT");
                n.put("responseStreamingSupported", true);
                n.putArray("customizationsSupported");
                n.putArray("inferenceTypesSupported").add("INFERENCE_PROFILE");
                n.putObject("modelLifecycle").put("status", "ACTIVE");
            }
        }
        return StandInResponse.json(200, out);
    }

    private static ObjectNode profileJson(InferenceProfile p) {
        ObjectNode n = Json.object();
        n.put("inferenceProfileName", p.name());
        n.put("description", p.description());
        n.put("createdAt", CREATED_AT);
        n.put("updatedAt", CREATED_AT);
        n.put("inferenceProfileArn", p.arn());
        ArrayNode models = n.putArray("models");
        p.modelArns().forEach(a -> models.addObject().put("modelArn", a));
        n.put("inferenceProfileId", p.id());
        n.put("status", "ACTIVE");
        n.put("type", p.type());
        return n;
    }
}
