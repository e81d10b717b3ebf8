package jp.tsumugi.print;

import java.util.ArrayList;
import java.util.List;

/** Splits blocks of lines into pages: a block that does not fit the rest of a page starts the next one, unless it is taller
 * than a page (then it is split line by line). Each page but the last keeps room for the 「次頁に続く」 line. */
final class Pagination {
  private Pagination() {
  }

  static List<List<FlowLine>> pages(List<List<FlowLine>> blocks, float pageHeightMm, float continuationMm) {
    List<List<FlowLine>> pages = new ArrayList<>();
    List<FlowLine> page = new ArrayList<>();
    float used = 0;
    float room = pageHeightMm - continuationMm;
    for (List<FlowLine> block : blocks) {
      float h = height(block);
      if (used > 0 && used + h > room && h <= room) {
        pages.add(page);
        page = new ArrayList<>();
        used = 0;
      }
      for (FlowLine line : block) {
        if (used > 0 && used + line.heightMm() > room) {
          pages.add(page);
          page = new ArrayList<>();
          used = 0;
        }
        page.add(line);
        used += line.heightMm();
      }
    }
    pages.add(page);
    return pages;
  }

  static float height(List<FlowLine> lines) {
    float h = 0;
    for (FlowLine l : lines) {
      h += l.heightMm();
    }
    return h;
  }
}
