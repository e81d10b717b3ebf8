package jp.tsumugi.app.reception;

import java.time.LocalDate;
import java.util.List;

/** Port: the insurance combinations a patient may use on a date, for the check-in chooser. */
public interface CombinationChoices {
  /** One choice: the combination id and a short label (保険者番号 and 公費 numbers). */
  record Choice(long combinationId, String label) {
  }

  List<Choice> choicesFor(long patientId, LocalDate date);
}
