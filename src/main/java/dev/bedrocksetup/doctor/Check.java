package dev.bedrocksetup.doctor;

/**
 * One diagnosis: an id, its group, what it looks at, and the function that looks. The catalogue of checks also
 * documents each (symptom, cause) for the troubleshooting page.
 */
public final class Check {
    public final String id;
    public final String group;
    public final String title;
    /** What the user sees when this goes wrong (from the failure catalogue). */
    public final String symptom;
    public final boolean online;
    private final Body body;

    /** What a check does: it is given its own {@link Check}, to make its findings with (ok, warn, fail, skipped). */
    @FunctionalInterface
    public interface Body {
        Finding run(Check check, DoctorInputs in);
    }

    public Check(String id, String group, String title, String symptom, boolean online, Body body) {
        this.id = id;
        this.group = group;
        this.title = title;
        this.symptom = symptom;
        this.online = online;
        this.body = body;
    }

    public Finding run(DoctorInputs in) {
        return body.run(this, in);
    }

    public Finding ok(String detail) {
        return new Finding(id, group, Status.OK, title, detail, null);
    }

    public Finding warn(String detail, String fix) {
        return new Finding(id, group, Status.WARN, title, detail, fix);
    }

    public Finding fail(String detail, String fix) {
        return new Finding(id, group, Status.FAIL, title, detail, fix);
    }

    public Finding skipped(String detail) {
        return new Finding(id, group, Status.SKIPPED, title, detail, null);
    }
}
