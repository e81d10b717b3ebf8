package jp.tsumugi.app.chart;

import java.util.List;

/** What changed between two revisions of a note, section by section (S, O, A, P). */
public record NoteDiff(NoteRevision from, NoteRevision to, List<TextDiff.Line> subjective, List<TextDiff.Line> objective,
    List<TextDiff.Line> assessment, List<TextDiff.Line> plan) {
  public NoteDiff {
    subjective = List.copyOf(subjective);
    objective = List.copyOf(objective);
    assessment = List.copyOf(assessment);
    plan = List.copyOf(plan);
  }

  public static NoteDiff between(NoteRevision from, NoteRevision to) {
    SoapNote a = from.content();
    SoapNote b = to.content();
    return new NoteDiff(from, to, TextDiff.lines(a.subjective(), b.subjective()), TextDiff.lines(a.objective(), b.objective()),
        TextDiff.lines(a.assessment(), b.assessment()), TextDiff.lines(a.plan(), b.plan()));
  }
}
