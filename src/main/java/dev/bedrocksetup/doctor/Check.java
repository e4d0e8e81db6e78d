package dev.bedrocksetup.doctor;

import java.util.function.Function;

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
    private final Function<DoctorInputs, Finding> body;

    public Check(String id, String group, String title, String symptom, boolean online,
            Function<DoctorInputs, Finding> body) {
        this.id = id;
        this.group = group;
        this.title = title;
        this.symptom = symptom;
        this.online = online;
        this.body = body;
    }

    public Finding run(DoctorInputs in) {
        return body.apply(in);
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
