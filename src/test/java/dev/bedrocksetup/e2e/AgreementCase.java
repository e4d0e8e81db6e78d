package dev.bedrocksetup.e2e;

import dev.bedrocksetup.standin.Scenario;
import dev.bedrocksetup.testing.StandInHome;
import java.util.function.Supplier;

/**
 * One row of the agreement matrix: a setup and what is wrong with it. {@code cause} is the doctor check that names
 * what breaks Claude Code (the doctor's first failure must be this one), or null when Claude Code works on the setup
 * (then the doctor must not fail). Claude Code is the judge: a row states what the binary does, and a row whose
 * Claude Code does otherwise fails as a changed Claude Code, never silently.
 */
record AgreementCase(String group, String name, Supplier<Scenario> scenario, Builder setup, String cause,
                     String naming) {
    /** Makes the row's setup in a fresh world. */
    @FunctionalInterface
    interface Builder {
        void build(MatrixSetup s) throws Exception;
    }

    static AgreementCase works(String group, String name, Builder setup) {
        return new AgreementCase(group, name, StandInHome::sandbox, setup, null, null);
    }

    static AgreementCase fails(String group, String name, String cause, Builder setup) {
        return new AgreementCase(group, name, StandInHome::sandbox, setup, cause, null);
    }

    /** The same row on a stand-in of its own making (a skewed clock, say). */
    AgreementCase on(Supplier<Scenario> other) {
        return new AgreementCase(group, name, other, setup, cause, naming);
    }

    /**
     * Where the cause's check covers more than this cause (identity covers a wrong clock, "Bedrock enabled" a file
     * that switches it off), the words its finding must say for the first failure to name the cause.
     */
    AgreementCase naming(String words) {
        return new AgreementCase(group, name, scenario, setup, cause, words);
    }

    boolean claudeCodeWorks() {
        return cause == null;
    }
}
