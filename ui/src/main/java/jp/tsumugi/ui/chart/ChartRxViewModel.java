package jp.tsumugi.ui.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.chart.Stamp;
import jp.tsumugi.app.chart.StampKind;
import jp.tsumugi.app.chart.Stamps;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.master.search.SearchHit;
import jp.tsumugi.app.master.search.SearchQuery;
import jp.tsumugi.app.prescription.ChartPrescriptions;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.PrescriptionConflictException;
import jp.tsumugi.app.prescription.PrescriptionRevision;
import jp.tsumugi.app.prescription.PrescriptionStampCodec;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.SafetyOverride;
import jp.tsumugi.app.prescription.Usage;
import jp.tsumugi.app.prescription.safety.Finding;
import jp.tsumugi.app.prescription.safety.InteractionTableVersion;
import jp.tsumugi.app.prescription.safety.InteractionTables;
import jp.tsumugi.app.prescription.safety.PrescriptionSafety;
import jp.tsumugi.app.prescription.safety.ProposedDrug;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The prescription pane of the chart's P column (docs/adr/0031): the visit's prescription as Rp groups being edited, the
 * safety findings of the current drugs (gathered once when the visit opens, re-checked in memory on every change), their
 * resolution (an override reason for 禁忌, an acknowledgement for 注意), 確定 with the overrides, and Do (前回処方).
 * Store calls leave the FX thread through the {@link TaskExecutor}; nothing here blocks typing.
 */
public final class ChartRxViewModel {
  /** Most search hits in the drug popover. */
  static final int SEARCH_LIMIT = 30;
  /** Standard override reasons offered for a 禁忌 finding (the doctor may type another). */
  static final List<String> STANDARD_REASON_KEYS = List.of("rx.override.reason.benefit", "rx.override.reason.specialist",
      "rx.override.reason.tolerated", "rx.override.reason.monitored");
  private static final Pattern WHERE = Pattern.compile("group (\\d+)(?: item (\\d+))?");

  /** What the pane needs from the application. */
  public record Services(ChartPrescriptions prescriptions, PrescriptionSafety safety, MasterCatalog catalog, InteractionTables tables,
      Stamps stamps) {
  }

  /** One line of the Rp list: a group header ({@code item} -1) or one of its drugs. */
  public record Line(int group, int item, String text, boolean flagged) {
    public boolean header() {
      return item < 0;
    }
  }

  /**
   * One finding on screen: its stable key (kind, level, drug, other side, rule), the rendered what/why and what-to-do texts
   * and whether it is resolved.
   */
  public record FindingRow(String key, Finding finding, String text, String action, boolean resolved) {
    public boolean needsReason() {
      return finding.needsOverrideReason();
    }
  }

  private record Opened(ChartPrescriptions.OpenPrescription open, List<Usage> usages, PrescriptionSafety.Context context,
      Optional<InteractionTableVersion> table, Map<String, DrugRecord> records) {
  }

  private record Copied(PrescriptionRevision from, Map<String, DrugRecord> records, Set<String> abolished) {
  }

  private final Services services;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final ChartViewModel chart;

  private final List<RpGroup> groups = new ArrayList<>();
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final ObservableList<Usage> usages = FXCollections.observableArrayList();
  private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
  private final ObjectProperty<DispensingKind> kind = new SimpleObjectProperty<>(DispensingKind.OUTSIDE);
  private final IntegerProperty refills = new SimpleIntegerProperty(0);
  private final IntegerProperty selectedGroup = new SimpleIntegerProperty(-1);
  private final IntegerProperty selectedItem = new SimpleIntegerProperty(-1);
  private final IntegerProperty baseRevision = new SimpleIntegerProperty(0);
  private final BooleanProperty open = new SimpleBooleanProperty(false);
  private final BooleanProperty editable = new SimpleBooleanProperty(false);
  private final BooleanProperty dirty = new SimpleBooleanProperty(false);
  private final BooleanProperty demoTable = new SimpleBooleanProperty(false);
  private final StringProperty amendReason = new SimpleStringProperty("");
  private final StringProperty state = new SimpleStringProperty("");
  private final StringProperty groupError = new SimpleStringProperty("");
  private final StringProperty itemError = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty info = new SimpleStringProperty("");
  private final ObjectProperty<Optional<Long>> signedVisit = new SimpleObjectProperty<>(Optional.empty());

  private final Map<String, DrugRecord> records = new HashMap<>();
  private final Set<String> abolished = new HashSet<>();
  private final Map<String, String> reasons = new HashMap<>();
  private final Set<String> acknowledged = new HashSet<>();
  private PrescriptionSafety.Context context;
  private long patientId;
  private long visitId;
  private LocalDate date;
  private int generation;

  public ChartRxViewModel(Services services, TaskExecutor executor, I18n i18n, Session session, ChartViewModel chart) {
    this.services = services;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.chart = chart;
  }

  // ---- opening a visit --------------------------------------------------------------------------

  /**
   * Opens the visit's prescription: the latest revision, the usage table, the safety context gathered once (this visit's own
   * signed prescription excluded, so an amendment does not duplicate itself) and the interaction table's version.
   */
  public void open(long patient, long visit, LocalDate visitDate) {
    int opening = ++generation;
    close();
    executor.submit(() -> {
      ChartPrescriptions.OpenPrescription o = services.prescriptions().open(session, visit);
      List<Usage> table = services.prescriptions().usages(session);
      PrescriptionSafety.Context c = services.safety().context(session, patient, visitDate, visit);
      Map<String, DrugRecord> found = new HashMap<>();
      o.latest().filter(r -> !r.isTombstone()).ifPresent(r -> resolveAll(r.content(), visitDate, found));
      return new Opened(o, table, c, services.tables().current(), found);
    }, opened -> {
      if (opening != generation) {
        return;
      }
      patientId = patient;
      visitId = visit;
      date = visitDate;
      context = opened.context();
      usages.setAll(opened.usages());
      records.putAll(opened.records());
      demoTable.set(opened.table().map(InteractionTableVersion::demo).orElse(false));
      show(opened.open().latest());
      open.set(true);
    }, this::fail);
  }

  /** Clears the pane (another visit or patient is being opened). */
  public void close() {
    open.set(false);
    editable.set(false);
    context = null;
    groups.clear();
    records.clear();
    abolished.clear();
    reasons.clear();
    acknowledged.clear();
    findings.clear();
    lines.clear();
    baseRevision.set(0);
    dirty.set(false);
    amendReason.set("");
    state.set("");
    groupError.set("");
    itemError.set("");
    message.set("");
    info.set("");
    signedVisit.set(Optional.empty());
    chart.signedPrescriptionVisitProperty().set(Optional.empty());
  }

  private void show(Optional<PrescriptionRevision> latest) {
    groups.clear();
    abolished.clear();
    reasons.clear();
    acknowledged.clear();
    Optional<PrescriptionRevision> live = latest.filter(r -> !r.isTombstone());
    live.ifPresent(r -> {
      groups.addAll(r.content().groups());
      kind.set(r.content().kind());
      refills.set(r.content().refills());
      for (SafetyOverride o : r.overrides()) {
        reasons.put(o.findingCode() + "|" + o.level() + "|" + o.drugCode(), o.reason());
      }
    });
    if (live.isEmpty()) {
      kind.set(DispensingKind.OUTSIDE);
      refills.set(0);
    }
    baseRevision.set(latest.map(PrescriptionRevision::revision).orElse(0));
    state.set(latest.map(r -> r.isTombstone() ? i18n.text("rx.state.deleted", r.revision())
        : i18n.text(r.revision() == 1 ? "rx.state.signed" : "rx.state.amended", r.revision())).orElse(i18n.text("rx.state.new")));
    editable.set(session.role().may(Permission.PRESCRIBE) && latest.map(r -> !r.isTombstone()).orElse(true));
    dirty.set(false);
    selectedGroup.set(groups.isEmpty() ? -1 : 0);
    selectedItem.set(-1);
    refresh();
    publishSigned();
  }

  private void publishSigned() {
    Optional<Long> signed = !dirty.get() && baseRevision.get() >= 1 && !groups.isEmpty() ? Optional.of(visitId) : Optional.empty();
    signedVisit.set(signed);
    chart.signedPrescriptionVisitProperty().set(signed);
  }

  private void resolveAll(Prescription p, LocalDate on, Map<String, DrugRecord> into) {
    for (RpGroup g : p.groups()) {
      for (RxItem i : g.items()) {
        services.catalog().resolve(MasterKind.Y, i.drugCode(), on).filter(DrugRecord.class::isInstance)
            .ifPresent(r -> into.put(i.drugCode(), (DrugRecord) r));
      }
    }
  }

  // ---- the drug search --------------------------------------------------------------------------

  /** Runs on the worker: the drug popover's query over the y master on the visit date. */
  public List<SearchHit> search(String text) {
    LocalDate on = date;
    if (on == null) {
      return List.of();
    }
    return services.catalog().search(SearchQuery.of(text, SEARCH_LIMIT).withKinds(SearchEntry.Kind.DRUG), on);
  }

  /** One line per drug hit. */
  public String format(SearchHit hit) {
    SearchEntry e = hit.entry();
    return e.code() + "  " + e.name() + (e.abolished() ? "  " + i18n.text("masters.abolished") : "");
  }

  /** A drug was chosen in the popover: it joins the selected group (or a new one of its route). */
  public void addDrug(SearchHit hit) {
    addDrug(hit.entry().code());
  }

  /** Adds a drug by its code (the master record on the visit date fills name, unit and codes). */
  public void addDrug(String code) {
    if (!editable.get()) {
      return;
    }
    LocalDate on = date;
    executor.submit(() -> {
      services.catalog().recordUse(SearchEntry.Kind.DRUG, code);
      return services.catalog().resolve(MasterKind.Y, code, on).filter(DrugRecord.class::isInstance).map(DrugRecord.class::cast);
    }, found -> {
      if (found.isEmpty()) {
        itemError.set(i18n.text("error.TSU-9300"));
        return;
      }
      DrugRecord d = found.get();
      records.put(d.code(), d);
      RxItem item = new RxItem(d.code(), d.name(), nz(d.yjCode()), false, "", "", null, null, nz(d.unit()), false, false, false, "");
      RouteKind route = routeOf(d);
      int g = selectedGroup.get();
      if (g < 0 || g >= groups.size() || groups.get(g).route() != route) {
        groups.add(new RpGroup(route, defaultUsage(route), "", "", route == RouteKind.ORAL ? defaultDays() : null,
            route == RouteKind.AS_NEEDED ? 5 : null, "", List.of(item)));
        g = groups.size() - 1;
      } else {
        List<RxItem> items = new ArrayList<>(groups.get(g).items());
        items.add(item);
        groups.set(g, groups.get(g).withItems(items));
      }
      selectedGroup.set(g);
      selectedItem.set(groups.get(g).items().size() - 1);
      changed();
    }, this::fail);
  }

  private static RouteKind routeOf(DrugRecord d) {
    String form = nz(d.dosageForm());
    return "6".equals(form) ? RouteKind.TOPICAL : "4".equals(form) ? RouteKind.INJECTION : RouteKind.ORAL;
  }

  private String defaultUsage(RouteKind route) {
    for (Usage u : usages) {
      boolean fits = route == RouteKind.ORAL ? u.timing() == jp.tsumugi.app.prescription.UsageTiming.DAILY
          : route == RouteKind.AS_NEEDED ? u.timing() == jp.tsumugi.app.prescription.UsageTiming.AS_NEEDED
          : u.timing() == jp.tsumugi.app.prescription.UsageTiming.NONE;
      if (fits) {
        return u.code();
      }
    }
    return "";
  }

  private int defaultDays() {
    int g = selectedGroup.get();
    if (g >= 0 && g < groups.size() && groups.get(g).days() != null) {
      return groups.get(g).days();
    }
    return 7;
  }

  // ---- editing the selected group and drug ------------------------------------------------------

  /** Selects a line of the Rp list. */
  public void select(int group, int item) {
    selectedGroup.set(group);
    selectedItem.set(item);
    groupError.set("");
    itemError.set("");
  }

  public Optional<RpGroup> selectedGroup() {
    int g = selectedGroup.get();
    return g >= 0 && g < groups.size() ? Optional.of(groups.get(g)) : Optional.empty();
  }

  public Optional<RxItem> selectedItem() {
    int i = selectedItem.get();
    return selectedGroup().filter(g -> i >= 0 && i < g.items().size()).map(g -> g.items().get(i));
  }

  /** A new empty group (剤) after the others; the next drug added goes into it. */
  public void newGroup() {
    if (!editable.get()) {
      return;
    }
    groups.add(new RpGroup(RouteKind.ORAL, defaultUsage(RouteKind.ORAL), "", "", defaultDays(), null, "", List.of()));
    selectedGroup.set(groups.size() - 1);
    selectedItem.set(-1);
    changed();
  }

  public void setRoute(RouteKind route) {
    editGroup(g -> {
      boolean asNeeded = route == RouteKind.AS_NEEDED;
      Integer days = asNeeded ? null : g.days() != null ? g.days() : route == RouteKind.ORAL ? defaultDays() : null;
      Integer times = asNeeded ? (g.times() != null ? g.times() : g.days() != null ? g.days() : 5) : null;
      String usage = usageFits(g.usageCode(), route) ? g.usageCode() : defaultUsage(route);
      return new RpGroup(route, usage, "", g.usageNote(), days, times, g.comment(), g.items());
    });
  }

  private boolean usageFits(String code, RouteKind route) {
    return usages.stream().anyMatch(u -> u.code().equals(code) && (route == RouteKind.ORAL
        ? u.timing() == jp.tsumugi.app.prescription.UsageTiming.DAILY : route != RouteKind.AS_NEEDED
        || u.timing() == jp.tsumugi.app.prescription.UsageTiming.AS_NEEDED));
  }

  public void setUsage(String code) {
    editGroup(g -> new RpGroup(g.route(), code, "", g.usageNote(), g.days(), g.times(), g.comment(), g.items()));
  }

  public void setUsageNote(String text) {
    editGroup(g -> new RpGroup(g.route(), g.usageCode(), g.usageText(), nz(text), g.days(), g.times(), g.comment(), g.items()));
  }

  /** 日数, or 回数 for 頓服; blank clears it. Not a number: the error shows beside the field and nothing changes. */
  public boolean setDays(String text) {
    Integer n;
    try {
      n = text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      groupError.set(i18n.text("rx.error.notANumber"));
      return false;
    }
    Integer value = n;
    editGroup(g -> g.route() == RouteKind.AS_NEEDED
        ? new RpGroup(g.route(), g.usageCode(), g.usageText(), g.usageNote(), null, value, g.comment(), g.items())
        : new RpGroup(g.route(), g.usageCode(), g.usageText(), g.usageNote(), value, null, g.comment(), g.items()));
    return true;
  }

  public void setGroupComment(String text) {
    editGroup(g -> new RpGroup(g.route(), g.usageCode(), g.usageText(), g.usageNote(), g.days(), g.times(), nz(text), g.items()));
  }

  /** Quantity per dose; blank clears it; not a decimal number shows an error beside the field. */
  public boolean setDose(String text) {
    return setQuantity(text, true);
  }

  /** Quantity per day. */
  public boolean setPerDay(String text) {
    return setQuantity(text, false);
  }

  private boolean setQuantity(String text, boolean dose) {
    BigDecimal q;
    try {
      q = text == null || text.isBlank() ? null : new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      itemError.set(i18n.text("rx.error.notANumber"));
      return false;
    }
    BigDecimal value = q;
    editItem(i -> new RxItem(i.drugCode(), i.name(), i.yjCode(), i.generic(), i.genericCode(), i.genericName(), dose ? value : i.dose(),
        dose ? i.perDay() : value, i.unit(), i.noSubstitution(), i.patientRequest(), i.selectedCare(), i.comment()));
    return true;
  }

  /** 一般名処方 on or off for the selected drug; refused (with the reason beside the drug) when the master has no 一般名コード. */
  public void toggleGeneric() {
    Optional<RxItem> item = selectedItem();
    if (item.isEmpty() || !editable.get()) {
      return;
    }
    DrugRecord d = records.get(item.get().drugCode());
    if (!item.get().generic() && (d == null || nz(d.genericNameCode()).isBlank())) {
      itemError.set(i18n.error(jp.tsumugi.app.common.ErrorCode.RX_GENERIC_UNAVAILABLE));
      return;
    }
    editItem(i -> i.generic()
        ? new RxItem(i.drugCode(), i.name(), i.yjCode(), false, "", "", i.dose(), i.perDay(), i.unit(), i.noSubstitution(),
            i.patientRequest(), i.selectedCare(), i.comment())
        : new RxItem(i.drugCode(), i.name(), i.yjCode(), true, nz(d.genericNameCode()), nz(d.genericPrescriptionName()), i.dose(),
            i.perDay(), i.unit(), i.noSubstitution(), i.patientRequest(), i.selectedCare(), i.comment()));
  }

  public void toggleNoSubstitution() {
    editItem(i -> i.withFlags(!i.noSubstitution(), i.patientRequest(), i.selectedCare()));
  }

  public void togglePatientRequest() {
    editItem(i -> i.withFlags(i.noSubstitution(), !i.patientRequest(), i.selectedCare()));
  }

  public void toggleSelectedCare() {
    editItem(i -> i.withFlags(i.noSubstitution(), i.patientRequest(), !i.selectedCare()));
  }

  public void setItemComment(String text) {
    editItem(i -> i.withComment(nz(text)));
  }

  public void setKind(DispensingKind k) {
    if (!editable.get() || k == kind.get()) {
      return;
    }
    kind.set(k);
    if (k == DispensingKind.INSIDE) {
      refills.set(0);
    }
    changed();
  }

  /** リフィル: 0 (none), 2 or 3 uses in total; only for 院外処方. */
  public void setRefills(int n) {
    if (!editable.get() || n == refills.get()) {
      return;
    }
    if (n != 0 && kind.get() != DispensingKind.OUTSIDE) {
      message.set(i18n.error(jp.tsumugi.app.common.ErrorCode.RX_REFILL_NOT_ALLOWED));
      return;
    }
    refills.set(n);
    changed();
  }

  /** Removes the selected drug, or the whole group when its header is selected. */
  public void removeSelected() {
    int g = selectedGroup.get();
    if (!editable.get() || g < 0 || g >= groups.size()) {
      return;
    }
    int i = selectedItem.get();
    if (i < 0) {
      groups.remove(g);
      selectedGroup.set(Math.min(g, groups.size() - 1));
    } else {
      List<RxItem> items = new ArrayList<>(groups.get(g).items());
      items.remove(i);
      if (items.isEmpty()) {
        groups.remove(g);
        selectedGroup.set(Math.min(g, groups.size() - 1));
        selectedItem.set(-1);
      } else {
        groups.set(g, groups.get(g).withItems(items));
        selectedItem.set(Math.min(i, items.size() - 1));
      }
    }
    changed();
  }

  /** Moves the selected drug within its group, or the selected group among the groups, by {@code delta} (-1 up, +1 down). */
  public void move(int delta) {
    int g = selectedGroup.get();
    if (!editable.get() || g < 0 || g >= groups.size()) {
      return;
    }
    int i = selectedItem.get();
    if (i < 0) {
      int to = g + delta;
      if (to < 0 || to >= groups.size()) {
        return;
      }
      groups.add(to, groups.remove(g));
      selectedGroup.set(to);
    } else {
      List<RxItem> items = new ArrayList<>(groups.get(g).items());
      int to = i + delta;
      if (to < 0 || to >= items.size()) {
        return;
      }
      items.add(to, items.remove(i));
      groups.set(g, groups.get(g).withItems(items));
      selectedItem.set(to);
    }
    changed();
  }

  private void editGroup(java.util.function.UnaryOperator<RpGroup> change) {
    int g = selectedGroup.get();
    if (!editable.get() || g < 0 || g >= groups.size()) {
      return;
    }
    groups.set(g, change.apply(groups.get(g)));
    groupError.set("");
    changed();
  }

  private void editItem(java.util.function.UnaryOperator<RxItem> change) {
    int g = selectedGroup.get();
    int i = selectedItem.get();
    if (!editable.get() || g < 0 || g >= groups.size() || i < 0 || i >= groups.get(g).items().size()) {
      return;
    }
    List<RxItem> items = new ArrayList<>(groups.get(g).items());
    items.set(i, change.apply(items.get(i)));
    groups.set(g, groups.get(g).withItems(items));
    itemError.set("");
    changed();
  }

  private void changed() {
    dirty.set(true);
    message.set("");
    refresh();
    publishSigned();
  }

  // ---- the safety check -------------------------------------------------------------------------

  /** The drugs as the check sees them, in list order (a drug unknown in the master on the date is left out). */
  List<ProposedDrug> proposal(List<int[]> positions) {
    List<ProposedDrug> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      RpGroup group = groups.get(g);
      boolean asNeeded = group.route() == RouteKind.AS_NEEDED;
      int days = asNeeded ? (group.times() == null ? 1 : group.times()) : group.coveredDays();
      days = Math.max(1, Math.min(PrescriptionSafety.MAX_DAYS, days));
      for (int i = 0; i < group.items().size(); i++) {
        DrugRecord d = records.get(group.items().get(i).drugCode());
        if (d != null) {
          out.add(PrescriptionSafety.proposed(d, days, asNeeded));
          positions.add(new int[] {g, i});
        }
      }
    }
    return out;
  }

  private void refresh() {
    List<Line> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      RpGroup group = groups.get(g);
      out.add(new Line(g, -1, groupText(g, group), false));
      for (int i = 0; i < group.items().size(); i++) {
        RxItem item = group.items().get(i);
        out.add(new Line(g, i, itemText(item), abolished.contains(item.drugCode())));
      }
    }
    lines.setAll(out);
    recheck();
  }

  private void recheck() {
    if (context == null) {
      findings.clear();
      return;
    }
    List<Finding> found = context.check(proposal(new ArrayList<>())).findings();
    List<FindingRow> rows = new ArrayList<>(found.size());
    for (Finding f : found) {
      String key = keyOf(f);
      rows.add(new FindingRow(key, f, FindingText.what(i18n, f), i18n.text(f.actionKey()), resolved(key, f)));
    }
    findings.setAll(rows);
  }

  /** The key a resolution is kept under while the drugs change: what, which drug, and the override's own fields. */
  static String keyOf(Finding f) {
    return f.kind() + "|" + f.level() + "|" + f.drugCode() + "|" + f.other() + "|" + f.otherCode() + "|" + f.rule();
  }

  private static String overrideKey(Finding f) {
    return f.kind() + "|" + f.level() + "|" + f.drugCode();
  }

  private boolean resolved(String key, Finding f) {
    return f.needsOverrideReason() ? !reasonOf(key, f).isBlank() : acknowledged.contains(key);
  }

  private String reasonOf(String key, Finding f) {
    String r = reasons.get(key);
    if (r == null) {
      r = reasons.get(overrideKey(f));
    }
    return r == null ? "" : r;
  }

  /** The reason typed or chosen for a 禁忌 finding. */
  public String reason(String key) {
    return findings.stream().filter(r -> r.key().equals(key)).findFirst().map(r -> reasonOf(key, r.finding())).orElse("");
  }

  /** Sets the override reason of a 禁忌 finding (blank: not resolved). */
  public void setReason(String key, String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.equals(reasons.getOrDefault(key, ""))) {
      return;
    }
    if (r.isEmpty()) {
      reasons.remove(key);
      findings.stream().filter(x -> x.key().equals(key)).findFirst().ifPresent(x -> reasons.remove(overrideKey(x.finding())));
    } else {
      reasons.put(key, r);
    }
    updateResolution(key);
  }

  /** Acknowledges (or un-acknowledges) a 注意-level finding. */
  public void acknowledge(String key, boolean yes) {
    if (yes == acknowledged.contains(key)) {
      return;
    }
    if (yes) {
      acknowledged.add(key);
    } else {
      acknowledged.remove(key);
    }
    updateResolution(key);
  }

  private void updateResolution(String key) {
    for (int i = 0; i < findings.size(); i++) {
      FindingRow r = findings.get(i);
      if (r.key().equals(key)) {
        boolean now = resolved(key, r.finding());
        if (now != r.resolved()) {
          findings.set(i, new FindingRow(r.key(), r.finding(), r.text(), r.action(), now));
        }
      }
    }
  }

  /** The findings not yet resolved, 1-based positions in the findings list. */
  public List<Integer> unresolved() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (!findings.get(i).resolved()) {
        out.add(i + 1);
      }
    }
    return out;
  }

  // ---- 確定 ---------------------------------------------------------------------------------------

  /** The prescription being edited. */
  public Prescription prescription() {
    return new Prescription(visitId, kind.get(), groups, refills.get(), "");
  }

  /**
   * 確定: refused while a finding is unresolved (the message names which) or an amendment has no reason; otherwise the check
   * runs again from the stores (checkDrugs, this visit excluded) and, when every finding it returns is resolved, the
   * prescription is signed with an override per 禁忌 finding. Validation errors (TSU-93xx) show beside the field.
   */
  public void sign() {
    if (!open.get() || !editable.get()) {
      return;
    }
    if (!session.role().may(Permission.PRESCRIBE)) {
      message.set(i18n.text("rx.message.needsDoctor"));
      return;
    }
    List<Integer> open = unresolved();
    if (!open.isEmpty()) {
      message.set(i18n.text("rx.message.unresolved", joinNumbers(open)));
      return;
    }
    if (baseRevision.get() >= 1 && amendReason.get().isBlank()) {
      message.set(i18n.text("rx.message.reasonRequired"));
      return;
    }
    if (holdsAbolished()) {
      message.set(i18n.text("rx.message.abolished"));
      return;
    }
    message.set("");
    Prescription p = prescription();
    List<ProposedDrug> drugs = proposal(new ArrayList<>());
    Map<String, String> reasonsNow = new LinkedHashMap<>();
    for (FindingRow r : findings) {
      reasonsNow.put(r.key(), reasonOf(r.key(), r.finding()));
    }
    Set<String> acksNow = Set.copyOf(acknowledged);
    long visit = visitId;
    long patient = patientId;
    LocalDate on = date;
    int base = baseRevision.get();
    String why = base >= 1 ? amendReason.get().strip() : null;
    int signing = generation;
    executor.submit(() -> {
      PrescriptionSafety.Report report = services.safety().checkDrugs(session, patient, on, drugs, visit);
      List<SafetyOverride> overrides = new ArrayList<>();
      List<Finding> newOnes = new ArrayList<>();
      for (Finding f : report.findings()) {
        String key = keyOf(f);
        String reason = reasonsNow.getOrDefault(key, "");
        if (f.needsOverrideReason() ? reason.isBlank() : !acksNow.contains(key)) {
          newOnes.add(f);
        } else if (f.needsOverrideReason()) {
          overrides.add(new SafetyOverride(f.kind().name(), f.level().name(), f.drugCode(), reason));
        }
      }
      if (!newOnes.isEmpty()) {
        return new SignOutcome(null, newOnes.size());
      }
      return new SignOutcome(services.prescriptions().sign(session, visit, base, p, overrides, why), 0);
    }, outcome -> {
      if (signing != generation) {
        return;
      }
      if (outcome.revision() == null) {
        message.set(i18n.text("rx.message.newFindings", outcome.newFindings()));
        refresh();
        return;
      }
      amendReason.set("");
      records.clear();
      executor.submit(() -> {
        Map<String, DrugRecord> found = new HashMap<>();
        resolveAll(outcome.revision().content(), on, found);
        return found;
      }, found -> {
        if (signing == generation) {
          records.putAll(found);
          show(Optional.of(outcome.revision()));
          info.set(i18n.text(outcome.revision().revision() == 1 ? "rx.info.signed" : "rx.info.amended", outcome.revision().revision()));
        }
      }, this::fail);
    }, e -> {
      if (signing != generation) {
        return;
      }
      if (e instanceof PrescriptionConflictException) {
        message.set(i18n.error(jp.tsumugi.app.common.ErrorCode.RX_REVISION_CONFLICT));
      } else {
        showValidation(e);
      }
    });
  }

  private record SignOutcome(PrescriptionRevision revision, int newFindings) {
  }

  /** A TSU-93xx from the rules: selects the group or drug it names and shows the message beside the group or drug fields. */
  void showValidation(RuntimeException e) {
    if (e instanceof TsumugiException t && t.detail() != null) {
      Matcher m = WHERE.matcher(t.detail());
      if (m.find()) {
        int g = Integer.parseInt(m.group(1)) - 1;
        int i = m.group(2) == null ? -1 : Integer.parseInt(m.group(2)) - 1;
        selectedGroup.set(g);
        selectedItem.set(i);
        (i < 0 ? groupError : itemError).set(i18n.error(e));
        return;
      }
    }
    message.set(i18n.error(e));
  }

  private boolean holdsAbolished() {
    return groups.stream().flatMap(g -> g.items().stream()).anyMatch(i -> abolished.contains(i.drugCode()));
  }

  private static String joinNumbers(List<Integer> numbers) {
    StringBuilder b = new StringBuilder();
    for (int n : numbers) {
      b.append(b.length() == 0 ? "" : "、").append(n);
    }
    return b.toString();
  }

  // ---- Do (前回処方) -------------------------------------------------------------------------------

  /**
   * Do: the patient's previous signed prescription replaces the editor's groups for review, re-checked against the master on
   * this visit's date: a drug abolished (or unknown) on this date stays in the list, flagged, and 確定 is refused until it is
   * removed. Nothing is signed.
   */
  public void copyPrevious() {
    if (!open.get() || !editable.get()) {
      return;
    }
    long visit = visitId;
    LocalDate on = date;
    int copying = generation;
    executor.submit(() -> {
      Optional<PrescriptionRevision> previous = services.prescriptions().previous(session, visit);
      if (previous.isEmpty()) {
        return null;
      }
      Map<String, DrugRecord> found = new HashMap<>();
      Set<String> gone = new HashSet<>();
      for (RpGroup g : previous.get().content().groups()) {
        for (RxItem i : g.items()) {
          Optional<DrugRecord> d = services.catalog().resolve(MasterKind.Y, i.drugCode(), on).filter(DrugRecord.class::isInstance)
              .map(DrugRecord.class::cast);
          if (d.isPresent() && d.get().validity().inForceOn(on)) {
            found.put(i.drugCode(), d.get());
          } else {
            gone.add(i.drugCode());
          }
        }
      }
      return new Copied(previous.get(), found, gone);
    }, copied -> {
      if (copying != generation) {
        return;
      }
      if (copied == null) {
        info.set(i18n.text("rx.do.none"));
        return;
      }
      Prescription p = copied.from().content().forVisit(visit);
      groups.clear();
      groups.addAll(withMaster(p.groups(), copied.records()));
      kind.set(p.kind());
      refills.set(p.refills());
      records.putAll(copied.records());
      abolished.clear();
      abolished.addAll(copied.abolished());
      selectedGroup.set(groups.isEmpty() ? -1 : 0);
      selectedItem.set(-1);
      info.set(i18n.text("rx.do.copied", copied.from().visitDate().toString()));
      if (!abolished.isEmpty()) {
        message.set(i18n.text("rx.message.abolished"));
      }
      dirty.set(true);
      refresh();
      publishSigned();
      if (!abolished.isEmpty()) {
        message.set(i18n.text("rx.message.abolished"));
      }
    }, this::fail);
  }

  /** Replaces the editor's groups with those of a stamp (codes are resolved on the visit date like Do). */
  public void insertGroups(List<RpGroup> stampGroups) {
    if (!open.get() || !editable.get() || stampGroups.isEmpty()) {
      return;
    }
    LocalDate on = date;
    int inserting = generation;
    executor.submit(() -> {
      Map<String, DrugRecord> found = new HashMap<>();
      resolveAll(new Prescription(0, DispensingKind.OUTSIDE, stampGroups, 0, ""), on, found);
      return found;
    }, found -> {
      if (inserting != generation) {
        return;
      }
      records.putAll(found);
      for (RpGroup g : stampGroups) {
        for (RxItem i : g.items()) {
          DrugRecord d = found.get(i.drugCode());
          if (d == null || !d.validity().inForceOn(on)) {
            abolished.add(i.drugCode());
          }
        }
      }
      groups.addAll(withMaster(stampGroups, found));
      selectedGroup.set(groups.size() - 1);
      selectedItem.set(-1);
      changed();
      if (!abolished.isEmpty()) {
        message.set(i18n.text("rx.message.abolished"));
      }
    }, this::fail);
  }

  // ---- stamps -------------------------------------------------------------------------------------

  /**
   * Saves the editor's Rp groups as a personal prescription stamp under {@code keyword} (codes and quantities only, in the
   * versioned stamp text); {@code onSaved} runs after it is stored (the stamp list reloads).
   */
  public void saveAsStamp(String keyword, Runnable onSaved) {
    String k = keyword == null ? "" : keyword.strip();
    if (!open.get() || !session.role().may(Permission.PRESCRIBE)) {
      return;
    }
    if (groups.isEmpty() || groups.stream().anyMatch(g -> g.items().isEmpty())) {
      message.set(i18n.text("rx.stamp.empty"));
      return;
    }
    if (k.isEmpty()) {
      message.set(i18n.text("rx.stamp.keywordRequired"));
      return;
    }
    String body = PrescriptionStampCodec.encode(groups);
    String title = stampTitle();
    executor.submit(() -> services.stamps().create(session, false, StampKind.PRESCRIPTION, k, title, body), saved -> {
      info.set(i18n.text("rx.stamp.saved", saved.keyword()));
      message.set("");
      onSaved.run();
    }, this::fail);
  }

  private String stampTitle() {
    StringBuilder b = new StringBuilder();
    for (RpGroup g : groups) {
      for (RxItem i : g.items()) {
        b.append(b.length() == 0 ? "" : "、").append(i.name().isEmpty() ? i.drugCode() : i.name());
      }
    }
    return b.length() > Stamps.MAX_TITLE ? b.substring(0, Stamps.MAX_TITLE - 1) + "…" : b.toString();
  }

  /** A prescription stamp chosen in the stamp list or by keyword: its groups join the editor (resolved on the visit date). */
  public void insertStamp(Stamp stamp) {
    if (!open.get() || !editable.get()) {
      return;
    }
    try {
      insertGroups(PrescriptionStampCodec.decode(stamp.body()));
      info.set(i18n.text("rx.stamp.inserted", stamp.keyword()));
    } catch (TsumugiException e) {
      message.set(i18n.error(e));
    }
  }

  /** The groups with each drug's name, YJ code, unit and 一般名 as the master has them on the visit date (unknown ones kept). */
  private static List<RpGroup> withMaster(List<RpGroup> in, Map<String, DrugRecord> found) {
    List<RpGroup> out = new ArrayList<>(in.size());
    for (RpGroup g : in) {
      List<RxItem> items = new ArrayList<>(g.items().size());
      for (RxItem i : g.items()) {
        DrugRecord d = found.get(i.drugCode());
        items.add(d == null ? i : i.fromMaster(d.name(), nz(d.yjCode()), nz(d.unit()), nz(d.genericNameCode()),
            nz(d.genericPrescriptionName())));
      }
      out.add(g.withItems(items));
    }
    return out;
  }

  // ---- texts -------------------------------------------------------------------------------------

  private String groupText(int g, RpGroup group) {
    String usage = usages.stream().filter(u -> u.code().equals(group.usageCode())).map(Usage::text).findFirst()
        .orElse(group.usageText().isEmpty() ? i18n.text("rx.usage.none") : group.usageText());
    String amount = group.route() == RouteKind.AS_NEEDED
        ? (group.times() == null ? "" : i18n.text("rx.line.times", group.times().toString()))
        : (group.days() == null ? "" : i18n.text("rx.line.days", group.days().toString()));
    return i18n.text("rx.line.group", Integer.toString(g + 1), i18n.text("rx.route." + group.route()), usage
        + (group.usageNote().isEmpty() ? "" : " " + group.usageNote()), amount)
        + (group.comment().isEmpty() ? "" : "  " + group.comment());
  }

  private String itemText(RxItem item) {
    StringBuilder b = new StringBuilder();
    if (item.generic()) {
      DrugRecord d = records.get(item.drugCode());
      String generic = !item.genericName().isEmpty() ? item.genericName() : d == null ? "" : nz(d.genericPrescriptionName());
      String mark = i18n.text("rx.line.genericMark");
      String shown = generic.isEmpty() ? item.name() : generic;
      b.append(shown.startsWith(mark) ? shown : mark + shown);
    } else {
      b.append(item.name().isEmpty() ? item.drugCode() : item.name());
    }
    if (item.dose() != null) {
      b.append("  ").append(i18n.text("rx.line.dose", item.dose().toPlainString(), item.unit()));
    }
    if (item.perDay() != null) {
      b.append("  ").append(i18n.text("rx.line.perDay", item.perDay().toPlainString(), item.unit()));
    }
    if (item.noSubstitution()) {
      b.append("  ").append(i18n.text("rx.flag.noSubstitution"));
    }
    if (item.patientRequest()) {
      b.append("  ").append(i18n.text("rx.flag.patientRequest"));
    }
    if (item.selectedCare()) {
      b.append("  ").append(i18n.text("rx.flag.selectedCare"));
    }
    if (abolished.contains(item.drugCode())) {
      b.append("  ").append(i18n.text("rx.flag.abolished"));
    }
    if (!item.comment().isEmpty()) {
      b.append("  ").append(item.comment());
    }
    return b.toString();
  }

  private void fail(RuntimeException e) {
    message.set(i18n.error(e));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  // ---- properties ------------------------------------------------------------------------------

  /** The visit whose prescription is signed and on screen unchanged (for printing), empty otherwise. */
  public Optional<Long> signedPrescriptionVisit() {
    return signedVisit.get();
  }

  public ObjectProperty<Optional<Long>> signedPrescriptionVisitProperty() {
    return signedVisit;
  }

  public boolean mayPrescribe() {
    return session.role().may(Permission.PRESCRIBE);
  }

  public List<RpGroup> groups() {
    return List.copyOf(groups);
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  public ObservableList<Usage> usages() {
    return usages;
  }

  public ObservableList<FindingRow> findings() {
    return findings;
  }

  public ObjectProperty<DispensingKind> kindProperty() {
    return kind;
  }

  public IntegerProperty refillsProperty() {
    return refills;
  }

  public IntegerProperty selectedGroupProperty() {
    return selectedGroup;
  }

  public IntegerProperty selectedItemProperty() {
    return selectedItem;
  }

  public IntegerProperty baseRevisionProperty() {
    return baseRevision;
  }

  public BooleanProperty openProperty() {
    return open;
  }

  public BooleanProperty editableProperty() {
    return editable;
  }

  public BooleanProperty dirtyProperty() {
    return dirty;
  }

  public BooleanProperty demoTableProperty() {
    return demoTable;
  }

  public StringProperty amendReasonProperty() {
    return amendReason;
  }

  public StringProperty stateProperty() {
    return state;
  }

  public StringProperty groupErrorProperty() {
    return groupError;
  }

  public StringProperty itemErrorProperty() {
    return itemError;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public StringProperty infoProperty() {
    return info;
  }

  /** The drug master record of a drug on the screen (for the 一般名 notation and the unit), if known. */
  public Optional<DrugRecord> record(String code) {
    return Optional.ofNullable(records.get(code));
  }
}
