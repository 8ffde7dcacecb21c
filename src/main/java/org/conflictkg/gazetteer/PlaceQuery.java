package org.conflictkg.gazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.conflictkg.facts.PlaceKind;

/**
 * What is known about a place to be linked: its name, other phrases the article uses for it
 * ({@code mentions}, tried only when the name finds nothing), its kind, the ISO 3166 alpha-2 code
 * of its country, its province ({@code admin1}: the GeoNames admin1 code, e.g. "12" for Idlib in
 * SY, or a province name, which {@link PlaceMatcher#resolveProvince} turns into a code), and positions of other places the same article names ({@code near}). Every field but the
 * name may be null or empty. Build with {@link #builder(String)}.
 */
public record PlaceQuery(String name, List<String> mentions, PlaceKind kind, String countryCode, String admin1,
                         List<GeoPoint> near) {

    public PlaceQuery {
        Objects.requireNonNull(name, "name");
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        near = near == null ? List.of() : List.copyOf(near);
        countryCode = countryCode == null || countryCode.isBlank() ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        admin1 = admin1 == null || admin1.isBlank() ? null : admin1.strip();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A copy with other context positions. */
    public PlaceQuery withNear(List<GeoPoint> points) {
        return new PlaceQuery(name, mentions, kind, countryCode, admin1, points);
    }

    public static final class Builder {
        private final String name;
        private final List<String> mentions = new ArrayList<>();
        private final List<GeoPoint> near = new ArrayList<>();
        private PlaceKind kind;
        private String countryCode;
        private String admin1;

        private Builder(String name) {
            this.name = name;
        }

        public Builder kind(PlaceKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder country(String countryCode) {
            this.countryCode = countryCode;
            return this;
        }

        public Builder admin1(String admin1) {
            this.admin1 = admin1;
            return this;
        }

        public Builder mentions(List<String> mentions) {
            if (mentions != null) {
                this.mentions.addAll(mentions);
            }
            return this;
        }

        public Builder near(GeoPoint point) {
            this.near.add(point);
            return this;
        }

        public Builder near(List<GeoPoint> points) {
            this.near.addAll(points);
            return this;
        }

        public PlaceQuery build() {
            return new PlaceQuery(name, mentions, kind, countryCode, admin1, near);
        }
    }
}
