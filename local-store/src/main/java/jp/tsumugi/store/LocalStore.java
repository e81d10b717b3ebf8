package jp.tsumugi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.chart.ChartSearchSource;
import jp.tsumugi.app.chart.ChartStore;
import jp.tsumugi.app.chart.LabStore;
import jp.tsumugi.app.chart.PatientFactStore;
import jp.tsumugi.app.chart.ProblemStore;
import jp.tsumugi.app.chart.StampStore;
import jp.tsumugi.app.chart.VitalStore;
import jp.tsumugi.app.clinic.ClinicRepository;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugPriceListAttacher;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.master.MasterImporter;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.master.MasterUsage;
import jp.tsumugi.app.outbox.OutboxStatus;
import jp.tsumugi.app.patient.PatientRepository;
import jp.tsumugi.app.qualification.QualificationApplyStore;
import jp.tsumugi.app.qualification.QualificationArrivalStore;
import jp.tsumugi.app.qualification.QualificationLedger;
import jp.tsumugi.app.qualification.QualificationRequestLog;
import jp.tsumugi.app.reception.ReceptionSettings;
import jp.tsumugi.app.reception.PatientLookup;
import jp.tsumugi.app.reception.VisitRepository;
import jp.tsumugi.app.patient.PatientStore;
import jp.tsumugi.app.prescription.PrescriptionStore;
import jp.tsumugi.app.security.PasswordHasher;
import jp.tsumugi.app.security.UserRepository;
import jp.tsumugi.store.master.MasterStores;
import jp.tsumugi.store.master.SqlSession;
import jp.tsumugi.store.master.SqlWork;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The system of record: an encrypted embedded H2 file (or a PostgreSQL clinic server) with its
 * repositories. Opening checks everything that can be checked first and never creates a database
 * in place of one it cannot open (docs/adr/0002).
 */
public final class LocalStore implements AutoCloseable {
  static final String DB_NAME = "tsumugi";
  static final String DB_FILE = DB_NAME + ".mv.db";
  private static final String H2_USER = "tsumugi";
  /** Folder names under db/vendor for migrations only one database understands. */
  private static final String VENDOR_H2 = "h2";
  private static final String VENDOR_POSTGRESQL = "postgresql";

  private final ConnectionPool pool;
  private final JdbcTransactions tx;
  private final String databaseId;
  private final int schemaVersion;
  private final Clock clock;
  private final PasswordHasher hasher = new Argon2PasswordHasher();
  private final MasterStores masters;

  /** A new store and the recovery key to show once. */
  public record Created(LocalStore store, String recoveryKey) {
  }

  /** The embedded store's folder and marker (null for a PostgreSQL server). */
  private final Path h2Dir;
  private StoreMarker h2Marker;

  private LocalStore(ConnectionPool pool, String databaseId, int schemaVersion, Clock clock) {
    this(pool, databaseId, schemaVersion, clock, null, null);
  }

  private LocalStore(ConnectionPool pool, String databaseId, int schemaVersion, Clock clock, Path h2Dir, StoreMarker marker) {
    this.h2Dir = h2Dir;
    this.h2Marker = marker;
    this.pool = pool;
    this.tx = new JdbcTransactions(pool);
    this.databaseId = databaseId;
    this.schemaVersion = schemaVersion;
    this.clock = clock;
    this.masters = new MasterStores(tx, new SqlSession() {
      @Override
      public <T> T withConnection(SqlWork<T> work) {
        return tx.withConnection(work::apply);
      }
    }, clock);
  }

  /**
   * Flyway logs through java.util.logging; its INFO lines and its "upgrade recommended" notice for
   * H2 2.3 are noise for a clinic. Held strongly: JUL forgets loggers nobody references.
   */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
  private static final Logger LOG = Logger.getLogger(LocalStore.class.getName());
  /** H2's error code for a missing table (42S02 / 42104 in H2 2.x). */
  private static final int TABLE_NOT_FOUND = 42104;

  static {
    FLYWAY_LOG.setLevel(Level.SEVERE);
  }

  public static boolean isInitialised(Path dataDir) {
    return StoreMarker.exists(dataDir);
  }

  public static LocalStore openH2(StoreLocation location, Clock clock) {
    return openH2(location, clock, DiskProbe.REAL);
  }

  static LocalStore openH2(StoreLocation location, Clock clock, DiskProbe disk) {
    Path dir = location.dataDir();
    if (!Files.isDirectory(dir)) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_INITIALISED, "no data directory");
    }
    if (!StoreMarker.exists(dir)) {
      throw new TsumugiException(isEmpty(dir) ? ErrorCode.DATA_DIR_NOT_INITIALISED : ErrorCode.DATA_DIR_INVALID);
    }
    StoreMarker marker = StoreMarker.read(dir);
    if (marker.format() > StoreMarker.FORMAT) {
      throw new TsumugiException(ErrorCode.DB_SCHEMA_NEWER, "data directory format " + marker.format());
    }
    if (!Files.isRegularFile(dir.resolve(DB_FILE))) {
      throw new TsumugiException(ErrorCode.DB_FILE_MISSING);
    }
    checkDisk(dir, disk);
    DatabaseKey key = DatabaseKey.read(location.keyDir(), marker.databaseId());
    if (!marker.keyCheck().isEmpty() && !marker.keyCheck().equals(key.check())) {
      throw new TsumugiException(ErrorCode.DB_KEY_WRONG, "key check value differs");
    }
    checkFileLooksLikeADatabase(dir.resolve(DB_FILE));
    // First read-only: a file H2 cannot read, or a schema from a newer version, is refused before
    // anything is written (H2 writes to its file even when a read-write open only reads).
    inspectReadOnly(dir, key, marker);
    String url = h2Url(dir, true);
    ConnectionPool pool = new ConnectionPool(() -> DriverManager.getConnection(url, H2_USER, new String(key.h2Password())));
    try {
      pool.giveBack(openFirst(pool));
      int version = migrate(h2DataSource(url, key), VENDOR_H2, true);
      LocalStore store = new LocalStore(pool, marker.databaseId(), version, clock, dir, marker);
      store.advanceEpoch();
      return store;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The smallest H2 MVStore file holds two 4 KiB header blocks; less is a damaged or emptied file. */
  private static void checkFileLooksLikeADatabase(Path file) {
    try {
      if (Files.size(file) < 2 * 4096) {
        throw new TsumugiException(ErrorCode.DB_CORRUPT, "file too small to be a database");
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.DB_CORRUPT, "file unreadable", e);
    }
  }

  private static void inspectReadOnly(Path dir, DatabaseKey key, StoreMarker marker) {
    String url = h2Url(dir, true) + ";ACCESS_MODE_DATA=r";
    try (Connection c = DriverManager.getConnection(url, H2_USER, new String(key.h2Password()))) {
      c.isValid(1);
      long epoch = epochIn(c);
      if (epoch < marker.epoch()) {
        // H2 opens the newest complete state it finds: after a truncation (or an old copy put back)
        // that is an older state, silently. The marker remembers how far the database had come.
        throw new TsumugiException(ErrorCode.DB_CORRUPT, "database older than its marker (epoch " + epoch + " < "
            + marker.epoch() + ")");
      }
    } catch (SQLException e) {
      TsumugiException mapped = SqlErrors.translateOpen(e);
      // The key was proven right by its check value: a decryption failure now means damage. The
      // folder was proven writable: "read only" on this read-only open means H2 wanted to repair the file.
      throw mapped.errorCode() == ErrorCode.DB_KEY_WRONG || mapped.errorCode() == ErrorCode.DATA_DIR_NOT_WRITABLE
          ? new TsumugiException(ErrorCode.DB_CORRUPT, SqlErrors.describe(e), e) : mapped;
    }
    Flyway flyway = flyway(h2DataSource(url, key), VENDOR_H2);
    try {
      refuseNewerSchema(flyway);
    } catch (FlywayException e) {
      throw new TsumugiException(ErrorCode.DB_MIGRATION_FAILED, e.getClass().getSimpleName(), e);
    }
  }

  public static Created createH2(StoreLocation location, Clock clock) {
    return createH2(location, clock, DiskProbe.REAL);
  }

  static Created createH2(StoreLocation location, Clock clock, DiskProbe disk) {
    Path dir = location.dataDir();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_WRITABLE, "cannot create the data directory", e);
    }
    if (StoreMarker.exists(dir) || Files.exists(dir.resolve(DB_FILE))) {
      throw new TsumugiException(ErrorCode.DATA_DIR_ALREADY_INITIALISED);
    }
    checkDisk(dir, disk);
    DatabaseKey key = DatabaseKey.random();
    StoreMarker marker = StoreMarker.fresh(key);
    key.write(location.keyDir(), marker.databaseId(), false);
    String url = h2Url(dir, false);
    ConnectionPool pool = new ConnectionPool(() -> DriverManager.getConnection(url, H2_USER, new String(key.h2Password())));
    try {
      pool.giveBack(openFirst(pool));
      int version = migrate(h2DataSource(url, key), VENDOR_H2, false);
      LocalStore store = new LocalStore(pool, marker.databaseId(), version, clock, dir, marker);
      store.advanceEpoch();
      return new Created(store, key.recoveryKey());
    } catch (RuntimeException e) {
      pool.close();
      undoCreate(location, marker);
      throw e;
    }
  }

  /** Writes the key file back from the recovery key, after proving that the key opens this database. */
  public static void restoreKey(StoreLocation location, String recoveryKey) {
    DatabaseKey key = DatabaseKey.fromRecoveryKey(recoveryKey);
    Path dir = location.dataDir();
    if (!StoreMarker.exists(dir)) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_INITIALISED);
    }
    StoreMarker marker = StoreMarker.read(dir);
    if (!Files.isRegularFile(dir.resolve(DB_FILE))) {
      throw new TsumugiException(ErrorCode.DB_FILE_MISSING);
    }
    if (!marker.keyCheck().isEmpty() && !marker.keyCheck().equals(key.check())) {
      throw new TsumugiException(ErrorCode.DB_KEY_INVALID_RECOVERY, "the key does not belong to this database");
    }
    String url = h2Url(dir, true) + ";ACCESS_MODE_DATA=r";
    try (Connection c = DriverManager.getConnection(url, H2_USER, new String(key.h2Password()))) {
      c.isValid(1);
    } catch (SQLException e) {
      TsumugiException mapped = SqlErrors.translateOpen(e);
      throw mapped.errorCode() == ErrorCode.DB_KEY_WRONG ? new TsumugiException(ErrorCode.DB_KEY_INVALID_RECOVERY,
          "the key does not open this database") : mapped;
    }
    key.write(location.keyDir(), marker.databaseId(), true);
  }

  public static LocalStore openPostgres(String jdbcUrl, String user, char[] password, Clock clock) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new TsumugiException(ErrorCode.DB_ERROR, "only jdbc:postgresql: URLs are supported");
    }
    String secret = new String(password);
    ConnectionPool pool = new ConnectionPool(() -> {
      Properties props = new Properties();
      props.setProperty("user", user == null ? "" : user);
      props.setProperty("password", secret);
      return DriverManager.getConnection(jdbcUrl, props);
    });
    try {
      pool.giveBack(pool.borrow());
      org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
      ds.setUrl(jdbcUrl);
      ds.setUser(user);
      ds.setPassword(secret);
      int version = migrate(ds, VENDOR_POSTGRESQL, true);
      return new LocalStore(pool, "postgres", version, clock);
    } catch (SQLException e) {
      pool.close();
      throw SqlErrors.translate(e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static Connection openFirst(ConnectionPool pool) {
    try {
      return pool.borrow();
    } catch (SQLException e) {
      throw SqlErrors.translateOpen(e);
    }
  }

  static String h2Url(Path dir, boolean mustExist) {
    // IFEXISTS: an existing store is opened, never silently re-created. No INIT or other scripts.
    // WRITE_DELAY=0: a commit reaches the file at once; H2's default keeps commits in memory for up to
    // 500 ms, and a killed process would lose a check-in it had confirmed (docs/adr/0002, 0018).
    return "jdbc:h2:file:" + dir.resolve(DB_NAME) + ";CIPHER=AES" + (mustExist ? ";IFEXISTS=TRUE" : "")
        + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;WRITE_DELAY=0";
  }

  private static DataSource h2DataSource(String url, DatabaseKey key) {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL(url);
    ds.setUser(H2_USER);
    ds.setPassword(new String(key.h2Password()));
    return ds;
  }

  /**
   * Refuses a schema newer than this build (checked before anything is written), then applies any
   * pending migrations. Returns the schema version.
   */
  private static int migrate(DataSource dataSource, String vendor, boolean refuseNewer) {
    Flyway flyway = flyway(dataSource, vendor);
    try {
      if (refuseNewer) {
        refuseNewerSchema(flyway);
      }
      flyway.migrate();
      MigrationInfo current = flyway.info().current();
      return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
    } catch (FlywayException e) {
      throw new TsumugiException(ErrorCode.DB_MIGRATION_FAILED, e.getClass().getSimpleName(), e);
    }
  }

  private static Flyway flyway(DataSource dataSource, String vendor) {
    return Flyway.configure()
        .dataSource(dataSource)
        // Portable migrations, plus the few that must speak one vendor's DDL (the chart's append-only
        // triggers, docs/adr/0025) from db/vendor/h2 or db/vendor/postgresql. Both folders hold the same versions.
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .cleanDisabled(true)
        .validateOnMigrate(true)
        .load();
  }

  /** Flyway ignores "future" migrations by default; a clinic must not open a newer schema with an older build. */
  private static void refuseNewerSchema(Flyway flyway) {
    for (MigrationInfo info : flyway.info().all()) {
      MigrationState state = info.getState();
      if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
        throw new TsumugiException(ErrorCode.DB_SCHEMA_NEWER, "schema version " + info.getVersion());
      }
    }
  }

  private static void checkDisk(Path dir, DiskProbe disk) {
    if (!disk.canWrite(dir)) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_WRITABLE);
    }
    if (disk.usableSpace(dir) < DiskProbe.MINIMUM_FREE_BYTES) {
      throw new TsumugiException(ErrorCode.DATA_DIR_FULL);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes what a failed creation wrote, so the folder is as it was (it was empty of a store). */
  private static void undoCreate(StoreLocation location, StoreMarker marker) {
    try {
      Files.deleteIfExists(location.dataDir().resolve(StoreMarker.FILE));
      Files.deleteIfExists(location.dataDir().resolve(DB_FILE));
      Files.deleteIfExists(location.dataDir().resolve(DB_NAME + ".trace.db"));
      Files.deleteIfExists(DatabaseKey.file(location.keyDir(), marker.databaseId()));
    } catch (IOException ignored) {
      // Best effort: the original error is the one to report.
    }
  }

  public Transactions transactions() {
    return tx;
  }

  /** For tests in this package (StoreTestAccess): the store's own JDBC transactions. */
  JdbcTransactions jdbcTransactions() {
    return tx;
  }

  public UserRepository users() {
    return new JdbcUserRepository(tx);
  }

  public ClinicRepository clinics() {
    return new JdbcClinicRepository(tx);
  }

  /** Reception settings stored with the clinic row: departments (診療科) and the patient number format. */
  public ReceptionSettings receptionSettings() {
    return new JdbcReceptionSettings(tx);
  }

  public PatientRepository patients() {
    return new JdbcPatientRepository(tx, clock);
  }

  /** The reception queue: visits with their status and flag history. */
  public VisitRepository visits() {
    return new JdbcVisitRepository(tx);
  }

  /** Plain SQL patient lookup: the composition root uses its {@code byIds} for the queue; search goes to PatientSearch. */
  public PatientLookup receptionPatientLookup() {
    return new JdbcReceptionPatientLookup(tx);
  }

  /** Patient records with revisions (registration, search index). */
  public PatientStore patientStore() {
    return new JdbcPatientStore(tx);
  }

  /** The chart's records: immutable note revisions, drafts and editing leases (docs/adr/0025). */
  public ChartStore chartStore() {
    return new JdbcChartStore(tx);
  }

  /** The chart window's timeline read (docs/adr/0028). */
  public jp.tsumugi.app.chart.ChartOverviewStore chartOverviewStore() {
    return new JdbcChartOverviewStore(tx);
  }

  /** Problems (傷病名) on the chart envelope: insert-only revisions (docs/adr/0025). */
  public ProblemStore problemStore() {
    return new JdbcProblemStore(tx);
  }

  /** Allergies, drug contraindications and infections on the chart envelope (docs/adr/0025). */
  public PatientFactStore patientFactStore() {
    return new JdbcPatientFactStore(tx);
  }

  /** What the chart full-text search index reads (docs/adr/0027). */
  public ChartSearchSource chartSearchSource() {
    return new JdbcChartSearchSource(tx);
  }

  /** Drug memos for the 薬剤情報提供書 (V25, docs/adr/0032). */
  public jp.tsumugi.app.prescription.memo.DrugMemoStore drugMemoStore() {
    return new JdbcDrugMemoStore(tx);
  }

  /** Stamps (スタンプ, V20; docs/adr/0027). */
  public StampStore stampStore() {
    return new JdbcStampStore(tx);
  }

  /** The versioned interaction table, combination ingredients and days limits (V23, docs/adr/0030). */
  public jp.tsumugi.app.prescription.safety.InteractionStore interactionStore() {
    return new JdbcInteractionStore(tx);
  }

  /** External medication records (他院処方, V23, docs/adr/0030). */
  public jp.tsumugi.app.prescription.safety.ExternalMedicationStore externalMedicationStore() {
    return new JdbcExternalMedicationStore(tx);
  }

  /** The clinic's days limits, combination ingredients and 麻薬/向精神薬 limits with their editors' writes (docs/adr/0033). */
  public jp.tsumugi.app.prescription.safety.SafetyTableStore safetyTableStore() {
    return new JdbcSafetyTableStore(tx);
  }

  /** Lab results on the chart envelope and the clinic-local lab catalogue (docs/adr/0026). */
  public LabStore labStore() {
    return new JdbcLabStore(tx);
  }

  /** Vitals on the chart envelope (docs/adr/0026). */
  public VitalStore vitalStore() {
    return new JdbcVitalStore(tx);
  }

  /** Prescriptions on the chart envelope, the usage table and what a patient is taking (docs/adr/0029). */
  public PrescriptionStore prescriptionStore() {
    return new JdbcPrescriptionStore(tx);
  }

  /** Insurance, 公費 and insurance combinations with revisions. */
  public InsuranceStore insuranceStore() {
    return new JdbcInsuranceStore(tx);
  }

  public AuditEntryStore auditEntries() {
    return new JdbcAuditEntryStore(tx);
  }

  public OutboxStatus outbox() {
    return new JdbcOutboxStatus(tx);
  }

  /** The official masters with their revision history. */
  public MasterRepository masters() {
    return masters.repository();
  }

  /** Imports official master files (folder, file, zip, or the bundled set) atomically. */
  public MasterImporter masterImporter() {
    return masters.importer();
  }

  /** Attaches MHLW 薬価基準収載品目リスト files to the 医薬品 master (docs/adr/0016). */
  public DrugPriceListAttacher drugPriceListAttacher() {
    return masters.priceListAttacher();
  }

  /** How often this clinic chose each master item. */
  public MasterUsage masterUsage() {
    return new JdbcMasterUsage(tx);
  }

  /** The オンライン資格確認 result-file ledger (exactly-once application, quarantine list). */
  public QualificationLedger qualificationLedger() {
    return new JdbcQualificationLedger(tx);
  }

  /** Registration proposals and consent rows written while applying オンライン資格確認 results. */
  public QualificationApplyStore qualificationApplyStore() {
    return new JdbcQualificationApplyStore(tx);
  }

  /** Card-reader arrivals and qualification warnings waiting at reception (docs/adr/0021). */
  public QualificationArrivalStore qualificationArrivals() {
    return new JdbcQualificationArrivalStore(tx);
  }

  /** The オンライン資格確認 requests written into req/ (pending, timed out, answered). */
  public QualificationRequestLog qualificationRequests() {
    return new JdbcQualificationRequestLog(tx);
  }

  public PasswordHasher passwordHasher() {
    return hasher;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public String databaseId() {
    return databaseId;
  }

  @Override
  public void close() {
    try {
      advanceEpoch();
    } catch (TsumugiException e) {
      // Closing after a failure (disk full, store broken): the marker keeps the epoch of the open.
      LOG.log(Level.FINE, "epoch not advanced at close: " + e.errorCode().code());
    }
    pool.close();
  }

  /**
   * Advances the epoch in the database, then records it in the marker. Written after the database's
   * commit, so the marker never runs ahead of a database that is intact.
   */
  private void advanceEpoch() {
    if (h2Dir == null) {
      return;
    }
    long epoch = tx.inTransaction(() -> tx.withConnection(c -> {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE store_epoch SET n = n + 1 WHERE id = 1");
      }
      return epochIn(c);
    }));
    h2Marker = h2Marker.withEpoch(epoch);
    h2Marker.write(h2Dir);
  }

  /** The database's epoch; 0 for a database from before the epoch existed (V8). */
  private static long epochIn(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n FROM store_epoch WHERE id = 1")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      if (e.getErrorCode() == TABLE_NOT_FOUND) {
        return 0;
      }
      throw e;
    }
  }
}
