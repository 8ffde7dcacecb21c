package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shortcut for plain segments and minted paths must agree with the full encoding and IRI check. */
class IriLibSegmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"aleppo", "synth-1f-00000042", "a.b_c~d", "_x", "_", ".", "..", "...", "a..", "-",
            "~", "", "Q42", "9", "a b", "a/b", "x%41", "Ḥalab", "حلب", "it's", "(x)", "a*b", "a!b", "é"})
    void shortcutAgreesWithTheFullEncoding(String raw) {
        assertThat(IriLib.segment(raw)).isEqualTo(IriLib.encodeSegment(raw));
        String seg = IriLib.segment(raw);
        assertThat(IriLib.plainPath("x/" + seg)).as("an encoded segment is a plain path").isTrue();
        assertThat(IriLib.mint("x", seg).getURI()).isEqualTo(CKG.BASE + "x/" + seg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a<b", "a\"b", "a%4", "a%zz", "a?b", "a#b", "é", ""})
    void pathsWithOtherCharactersAreNotPlain(String path) {
        assertThat(IriLib.plainPath(path)).isFalse();
    }
}
