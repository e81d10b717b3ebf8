package jp.tsumugi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.ui.shell.Section;
import org.junit.jupiter.api.Test;

/** Every UI text key exists in every bundle, and every key the code and the views use exists. */
class I18nBundleTest {
  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = I18nBundleTest.class.getResourceAsStream("/jp/tsumugi/ui/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void japaneseAndEnglishBundlesHaveExactlyTheSameKeys() throws IOException {
    Set<String> ja = new TreeSet<>(load("messages.properties").stringPropertyNames());
    Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
    assertThat(en).isEqualTo(ja);
  }

  @Test
  void noBundleDefinesAKeyTwice() throws IOException {
    // Properties keeps the last of two equal keys silently; two helpers adding the same key would hide one text.
    for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
      java.util.Map<String, Integer> seen = new java.util.HashMap<>();
      java.util.List<String> twice = new java.util.ArrayList<>();
      for (String line : Files.readAllLines(Path.of("src/main/resources/jp/tsumugi/ui/i18n/" + name))) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.indexOf('=') < 0) {
          continue;
        }
        String key = t.substring(0, t.indexOf('=')).strip();
        if (seen.merge(key, 1, Integer::sum) == 2) {
          twice.add(key);
        }
      }
      assertThat(twice).as(name).isEmpty();
    }
  }

  @Test
  void everyErrorCodeHasAJapaneseText() throws IOException {
    Properties ja = load("messages.properties");
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ja.getProperty("error." + code.code())).as(code.code()).isNotBlank();
    }
  }

  @Test
  void everyKeyUsedByViewsAndCodeExists() throws IOException {
    Properties ja = load("messages.properties");
    Set<String> used = new TreeSet<>();
    Pattern fxml = Pattern.compile("\"%([a-zA-Z0-9.]+)\"");
    Pattern code = Pattern.compile("i18n\\.text\\(\"([a-zA-Z0-9.]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".fxml") || p.toString().endsWith(".java"))
          .collect(Collectors.toList())) {
        Matcher m = (f.toString().endsWith(".fxml") ? fxml : code).matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    // Keys built at run time from a prefix: expand them from their enums.
    assertThat(used).contains("role.", "status.connectivity.");
    used.removeIf(key -> key.endsWith("."));
    Arrays.stream(jp.tsumugi.app.security.Role.values()).forEach(r -> used.add("role." + r.name().toLowerCase(java.util.Locale.ROOT)));
    Arrays.stream(jp.tsumugi.app.exchange.Connectivity.State.values())
        .forEach(c -> used.add("status.connectivity." + c.name().toLowerCase(java.util.Locale.ROOT)));
    Arrays.stream(Section.values()).forEach(s -> {
      used.add(s.bundleKey());
      used.add(s.bundleKey() + ".placeholder");
    });
    assertThat(used).isNotEmpty();
    assertThat(used).allSatisfy(key -> assertThat(ja.getProperty(key)).as(key).isNotNull());
  }
}
