package dev.bedrocksetup.doctor;

/** The outcome of one check. */
public enum Status {
    OK, WARN, FAIL, SKIPPED
}
