package dev.bedrocksetup.doctor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every check the doctor runs, in report order. Also the source of the troubleshooting documentation. */
public final class CheckCatalog {
    private CheckCatalog() {}

    private static final Map<String, Check> CHECKS;

    static {
        Map<String, Check> m = new LinkedHashMap<>();
        List<Check> all = new ArrayList<>();
        all.addAll(SettingsChecks.all());
        all.addAll(ModelChecks.all());
        all.addAll(ModelPolicyChecks.all());
        all.addAll(CredentialChecks.all());
        all.addAll(AwsProfileChecks.all());
        all.addAll(EnvironmentChecks.all());
        all.addAll(PermissionChecks.all());
        // Claude Code's newer Bedrock settings, each after the last check of its group (a new group after Models)
        for (Check c : SurfaceChecks.all()) {
            int at = lastOfGroup(all, c.group);
            all.add((at < 0 ? lastOfGroup(all, ModelChecks.GROUP) : at) + 1, c);
        }
        // the proxy check sits with the other network settings; the reachability checks come before the AWS calls
        // they explain
        all.addAll(indexOf(all, "network.ca-certs") + 1, NetworkChecks.offline());
        all.addAll(NetworkChecks.online());
        all.addAll(OnlineChecks.all());
        for (Check c : all) {
            if (m.put(c.id, c) != null) {
                throw new IllegalStateException("duplicate check id " + c.id);
            }
        }
        CHECKS = Collections.unmodifiableMap(m);
    }

    private static int lastOfGroup(List<Check> checks, String group) {
        for (int i = checks.size() - 1; i >= 0; i--) {
            if (checks.get(i).group.equals(group)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<Check> checks, String id) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).id.equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no check " + id);
    }

    public static List<Check> all() {
        return new ArrayList<>(CHECKS.values());
    }

    public static Check byId(String id) {
        Check c = CHECKS.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no check " + id);
        }
        return c;
    }
}
