package jp.tsumugi.ui.error;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.ui.fx.I18n;

/** The start-up error screen: the code, what it means, what to do. Nothing is created or repaired. */
public final class ErrorView {
  private ErrorView() {
  }

  public static Parent create(I18n i18n, ErrorCode code, Runnable onQuit) {
    Label title = new Label(i18n.text("startupError.title"));
    title.getStyleClass().add("page-title");
    Label codeLabel = new Label(i18n.error(code));
    codeLabel.setId("errorCode");
    codeLabel.getStyleClass().add("error-code");
    codeLabel.setWrapText(true);
    Label help = new Label(i18n.errorHelp(code));
    help.setId("errorHelp");
    help.setWrapText(true);
    Label unchanged = new Label(i18n.text("startupError.unchanged"));
    unchanged.setWrapText(true);
    Button quit = new Button(i18n.text("startupError.quit"));
    quit.setId("quitButton");
    quit.setOnAction(e -> onQuit.run());
    VBox box = new VBox(14, title, codeLabel, help, unchanged, quit);
    box.getStyleClass().addAll("page", "error-page");
    box.setPadding(new Insets(32));
    box.setMaxWidth(640);
    return box;
  }
}
