package cn.kaoping.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.survey.internal.Codes;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One-time codes: 80 random bits, readable groups, forgiving input, stored only as salted hashes. */
class CodesTests {

    @Test
    void aCodeIsSixteenBase32CharactersWithoutAmbiguousLetters() {
        for (int i = 0; i < 1000; i++) {
            String code = Codes.generate();
            // 16 characters × 5 bits = 80 bits of SecureRandom output
            assertThat(code).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]{16}");
        }
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(Codes.generate())).isTrue();
        }
    }

    @Test
    void aCodeTypedOnAChineseKeyboardOrPastedFromWeChatIsReadBack() {
        String code = "K7Q29MXD3HFAT8WN";
        assertThat(Codes.normalize("K7Q2—9MXD—3HFA—T8WN")).as("em dash (Chinese keyboard)").contains(code);
        assertThat(Codes.normalize("K7Q2——9MXD——3HFA——T8WN")).as("double em dash").contains(code);
        assertThat(Codes.normalize("K7Q2–9MXD‐3HFA−T8WN")).as("en dash, hyphen, minus").contains(code);
        assertThat(Codes.normalize("Ｋ７Ｑ２－９ＭＸＤ－３ＨＦＡ－Ｔ８ＷＮ")).as("full-width letters and digits").contains(code);
        assertThat(Codes.normalize("　k7q2·9mxd・3hfa t8wn　")).as("ideographic spaces, middle dots").contains(code);
        assertThat(Codes.normalize("K7Q2—9MXD—3HFA—T8W！")).as("still not a code").isEmpty();
    }

    @Test
    void aCodeIsShownInFourGroupsAndReadBackHoweverItIsTyped() {
        String code = "K7Q29MXD3HFAT8WN";
        assertThat(Codes.grouped(code)).isEqualTo("K7Q2-9MXD-3HFA-T8WN");
        assertThat(Codes.normalize("k7q2 9mxd-3hfa t8wn")).contains(code);
        assertThat(Codes.normalize("K7Q2－9MXD－3HFA－T8WN")).as("full-width dash").contains(code);
        assertThat(Codes.normalize("1O1O-1O1O-1O1O-1O1O")).as("O read as 0").contains("1010101010101010");
        assertThat(Codes.normalize("IL00-0000-0000-0000")).as("I and L read as 1").contains("1100000000000000");
        assertThat(Codes.normalize("K7Q2-9MXD-3HFA")).isEmpty();
        assertThat(Codes.normalize("K7Q2-9MXD-3HFA-T8W!")).isEmpty();
        assertThat(Codes.normalize(null)).isEmpty();
    }

    @Test
    void hashesDependOnTheSurveySalt() {
        byte[] a = Codes.salt();
        byte[] b = Codes.salt();
        assertThat(Codes.hash(a, "K7Q29MXD3HFAT8WN")).isEqualTo(Codes.hash(a, "K7Q29MXD3HFAT8WN"))
                .isNotEqualTo(Codes.hash(b, "K7Q29MXD3HFAT8WN"))
                .isNotEqualTo(Codes.voidKey(a, "K7Q29MXD3HFAT8WN"));
    }
}
