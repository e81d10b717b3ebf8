package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FileSnapshotPropertiesTest {
  @Property(tries = 60)
  void theHashCoversEveryByteAndTheBytesAreKeptOnlyUnderTheCap(@ForAll @Size(max = 300_000) byte[] content,
      @ForAll @IntRange(min = 1, max = 200_000) int cap) throws IOException, NoSuchAlgorithmException {
    Path file = Files.createTempFile("snapshot", ".xml");
    try {
      Files.write(file, content);
      FileSnapshot snapshot = FileSnapshot.read(file, cap);
      String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
      assertThat(snapshot.sha256()).isEqualTo(expected);
      assertThat(snapshot.size()).isEqualTo(content.length);
      if (content.length <= cap) {
        assertThat(snapshot.bytes()).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
      } else {
        assertThat(snapshot.bytes()).isEmpty();
      }
    } finally {
      Files.delete(file);
    }
  }
}
