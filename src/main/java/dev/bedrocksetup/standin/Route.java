package dev.bedrocksetup.standin;

import java.util.List;

/** Which operation a request is, told from its method and path (all services share one port). */
record Route(Operation operation, String modelId) {

    /** The route of a request, or null when no stand-in operation matches. */
    static Route of(StandInRequest req) {
        List<String> s = req.segments();
        String m = req.method();
        if (m.equals("POST") && s.size() == 2 && s.get(0).equals("client") && s.get(1).equals("register")) {
            return new Route(Operation.REGISTER_CLIENT, null);
        }
        if (m.equals("POST") && s.equals(List.of("device_authorization"))) {
            return new Route(Operation.START_DEVICE_AUTHORIZATION, null);
        }
        if (m.equals("POST") && s.equals(List.of("token"))) {
            return new Route(Operation.CREATE_TOKEN, null);
        }
        if (m.equals("GET") && s.equals(List.of("authorize"))) {
            return new Route(Operation.AUTHORIZE, null);
        }
        if (m.equals("GET") && s.equals(List.of("assignment", "accounts"))) {
            return new Route(Operation.LIST_ACCOUNTS, null);
        }
        if (m.equals("GET") && s.equals(List.of("assignment", "roles"))) {
            return new Route(Operation.LIST_ACCOUNT_ROLES, null);
        }
        if (m.equals("GET") && s.equals(List.of("federation", "credentials"))) {
            return new Route(Operation.GET_ROLE_CREDENTIALS, null);
        }
        if (s.isEmpty() && "GetCallerIdentity".equals(stsAction(req))) {
            return new Route(Operation.GET_CALLER_IDENTITY, null);
        }
        if (s.isEmpty() && "AssumeRole".equals(stsAction(req))) {
            return new Route(Operation.ASSUME_ROLE, null);
        }
        if (m.equals("GET") && s.equals(List.of("inference-profiles"))) {
            return new Route(Operation.LIST_INFERENCE_PROFILES, null);
        }
        if (m.equals("GET") && s.size() == 2 && s.get(0).equals("inference-profiles")) {
            return new Route(Operation.GET_INFERENCE_PROFILE, s.get(1));
        }
        if (m.equals("POST") && s.equals(List.of("inference-profiles"))) {
            return new Route(Operation.CREATE_INFERENCE_PROFILE, null);
        }
        if (m.equals("DELETE") && s.size() == 2 && s.get(0).equals("inference-profiles")) {
            return new Route(Operation.DELETE_INFERENCE_PROFILE, s.get(1));
        }
        if (m.equals("POST") && s.equals(List.of("tagResource"))) {
            return new Route(Operation.TAG_RESOURCE, null);
        }
        if (m.equals("POST") && s.equals(List.of("listTagsForResource"))) {
            return new Route(Operation.LIST_TAGS_FOR_RESOURCE, null);
        }
        if (m.equals("GET") && s.equals(List.of("foundation-models"))) {
            return new Route(Operation.LIST_FOUNDATION_MODELS, null);
        }
        if (m.equals("POST") && s.size() == 3 && s.get(0).equals("model")) {
            switch (s.get(2)) {
                case "invoke":
                    return new Route(Operation.INVOKE_MODEL, s.get(1));
                case "invoke-with-response-stream":
                    return new Route(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, s.get(1));
                case "converse":
                    return new Route(Operation.CONVERSE, s.get(1));
                default:
                    return null;
            }
        }
        return null;
    }

    /** STS (query protocol) names the action in the form body of a POST, or in the query of a GET. */
    static String stsAction(StandInRequest req) {
        String action = req.param("Action");
        if (action == null && req.method().equals("POST")) {
            List<String> v = StandInRequest.parseForm(req.bodyText()).get("Action");
            action = v == null || v.isEmpty() ? null : v.get(0);
        }
        return action;
    }
}
