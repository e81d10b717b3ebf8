package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.QualificationResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever arrives in the shared folder, the parser answers with a result or a TsumugiException, never anything else. */
class QualificationResultParserFuzzTest {
  private static final List<String> VALID = List.of("face-new-patient-utf8.xml", "face-new-patient-sjis.xml",
      "face-late-elderly-10pct.xml", "face-limit-certificate.xml", "res-validity-5-multiple.xml");
  private final QualificationResultParser parser = new QualificationResultParser();

  @Provide
  Arbitrary<byte[]> validFiles() {
    return Arbitraries.of(VALID).map(Fixtures::bytes);
  }

  @Property(tries = 300)
  void anyTruncationOfAValidFileFailsCleanly(@ForAll("validFiles") byte[] file, @ForAll @IntRange(min = 0, max = 100) int percent) {
    int length = (int) ((long) file.length * percent / 100);
    byte[] cut = Arrays.copyOf(file, length);
    if (length == file.length) {
      assertThat(parseOrCode(cut)).isInstanceOf(QualificationResult.class);
    } else {
      assertThat(parseOrCode(cut)).isInstanceOf(TsumugiException.class);
    }
  }

  @Property(tries = 300)
  void anyCorruptedByteGivesAResultOrACodedError(@ForAll("validFiles") byte[] file, @ForAll @IntRange(min = 0, max = 100_000) int at,
      @ForAll byte value) {
    byte[] corrupted = file.clone();
    corrupted[at % corrupted.length] = value;
    assertThat(parseOrCode(corrupted)).isInstanceOfAny(QualificationResult.class, TsumugiException.class);
  }

  @Property(tries = 300)
  void randomBytesGiveACodedError(@ForAll byte[] junk) {
    Object outcome = parseOrCode(junk);
    assertThat(outcome).isInstanceOf(TsumugiException.class);
  }

  private Object parseOrCode(byte[] bytes) {
    try {
      return parser.parse(bytes);
    } catch (TsumugiException e) {
      return e;
    }
  }
}
