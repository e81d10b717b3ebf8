package jp.tsumugi.ui.qualification;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.support.DemoStore;
import jp.tsumugi.ui.support.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The desktop watches the 資格確認端末's folder while somebody is logged in: a card-reader result
 * dropped into face/ is applied and moved out; after logout nothing is picked up.
 */
@ExtendWith(ApplicationExtension.class)
class QualificationInboxInDesktopTest {
  private final ShellFixture fixture = new ShellFixture();
  private Path oqs;

  @Start
  void start(Stage stage) throws Exception {
    Path root = Files.createTempDirectory("tsumugi-oqs");
    StoreLocation location = DemoStore.create(root);
    oqs = root.resolve("oqs");
    for (String sub : new String[] {"req", "res", "face"}) {
      Files.createDirectories(oqs.resolve(sub));
    }
    fixture.start(stage, DemoStore.opener(location), true, null, oqs);
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  @Test
  void aFaceResultIsAppliedWhileLoggedInAndIgnoredAfterLogout(FxRobot robot) throws Exception {
    byte[] result = fixtureXml("face-new-patient-utf8.xml");
    Files.write(oqs.resolve("face").resolve("OQSsiquc01res_face_1.xml"), result);
    Thread.sleep(3000);
    assertThat(oqs.resolve("face").resolve("OQSsiquc01res_face_1.xml")).as("nobody logged in: not taken").exists();

    TextField name = await(robot, "#username", TextField.class);
    robot.clickOn(name).write("clerk");
    robot.clickOn("#password").write("tsumugi-clerk");
    robot.type(KeyCode.ENTER);
    await(robot, "#statusUser", Label.class);

    waitUntil(() -> !Files.exists(oqs.resolve("face").resolve("OQSsiquc01res_face_1.xml")), 30);
    waitUntil(() -> auditActions().contains(AuditAction.QUALIFICATION_RESULT_APPLIED), 30);
    try (var processed = Files.list(oqs.resolve("processed"))) {
      assertThat(processed.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("OQSsiquc01res_face_1.xml"));
    }

    robot.clickOn("#logoutButton");
    await(robot, "#username", TextField.class);
    Files.write(oqs.resolve("face").resolve("OQSsiquc01res_face_2.xml"), result);
    Thread.sleep(4000);
    assertThat(oqs.resolve("face").resolve("OQSsiquc01res_face_2.xml")).as("after logout: not taken").exists();
  }

  private static byte[] fixtureXml(String name) throws Exception {
    Path shared = Path.of("..", "sync", "src", "test", "resources", "qualification", name);
    return Files.readAllBytes(shared);
  }

  private List<AuditAction> auditActions() {
    List<AuditAction> out = new ArrayList<>();
    fixture.services().store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e) {
        out.add(e.entry().action());
      }
    });
    return out;
  }
}
