package org.conflictkg.facts;

/** The values of {@code Status} in facts@1, with their JSON spelling. */
public enum Status implements FactsEnum {
    COMPLETED("completed"),
    PARTIAL("partial"),
    CONTESTED("contested"),
    IMMINENT("imminent"),
    ONGOING("ongoing");

    private final String code;

    Status(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
