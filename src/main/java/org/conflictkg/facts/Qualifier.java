package org.conflictkg.facts;

/** The values of {@code Qualifier} in facts@1, with their JSON spelling. */
public enum Qualifier implements FactsEnum {
    EXACT("exact"),
    ABOUT("about"),
    MORE_THAN("more-than"),
    LESS_THAN("less-than"),
    AT_LEAST("at-least"),
    AT_MOST("at-most"),
    UP_TO("up-to");

    private final String code;

    Qualifier(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
