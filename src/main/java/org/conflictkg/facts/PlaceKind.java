package org.conflictkg.facts;

/** The values of {@code PlaceKind} in facts@1, with their JSON spelling. */
public enum PlaceKind implements FactsEnum {
    COUNTRY("country"),
    PROVINCE("province"),
    DISTRICT("district"),
    CITY("city"),
    TOWN("town"),
    VILLAGE("village"),
    REGION("region"),
    NEIGHBOURHOOD("neighbourhood"),
    MILITARY_SITE("military-site"),
    LANDMARK("landmark");

    private final String code;

    PlaceKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
