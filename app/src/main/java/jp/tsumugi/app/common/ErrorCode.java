package jp.tsumugi.app.common;

/**
 * Stable error codes shown to people as {@code TSU-nnnn}. A code, once released, keeps its meaning
 * forever: add new codes, never renumber. The UI resolves {@code error.TSU-nnnn} in its bundles; the
 * English text here is for the command line and for developers.
 */
public enum ErrorCode {
  DATA_DIR_NOT_WRITABLE(1001, "The data directory is read-only or cannot be written"),
  DATA_DIR_FULL(1002, "The disk of the data directory is full"),
  DB_KEY_MISSING(1003, "The database key was not found"),
  DB_KEY_WRONG(1004, "The database key does not open this database"),
  DB_CORRUPT(1005, "The database file is corrupt or truncated"),
  DB_SCHEMA_NEWER(1006, "The database was written by a newer version of Tsumugi"),
  DB_FILE_MISSING(1007, "The data directory is initialised but its database file is missing"),
  DB_IN_USE(1008, "The database is open in another Tsumugi process"),
  DB_ERROR(1009, "The database reported an error"),
  DATA_DIR_NOT_INITIALISED(1010, "The data directory holds no clinic yet"),
  DATA_DIR_ALREADY_INITIALISED(1011, "The data directory already holds a clinic"),
  DB_KEY_INVALID_RECOVERY(1012, "The recovery key is not valid"),
  DB_MIGRATION_FAILED(1013, "A database migration failed"),
  DATA_DIR_INVALID(1014, "The data directory is not a Tsumugi data directory"),

  LOGIN_FAILED(2001, "Wrong user name or password"),
  ACCOUNT_LOCKED(2002, "Too many failed attempts: the account is locked for a while"),
  TOTP_REQUIRED(2003, "A one-time code from the authenticator is required"),
  TOTP_INVALID(2004, "The one-time code is not valid"),
  NOT_PERMITTED(2005, "Your role does not permit this action"),
  USERNAME_TAKEN(2006, "That user name is already in use"),
  PASSWORD_TOO_WEAK(2007, "The password is too short or too simple"),
  USERNAME_INVALID(2008, "User names are 3 to 32 characters: lower-case letters, digits, '.', '-' or '_'"),
  USER_NOT_FOUND(2009, "No such user"),
  USER_INACTIVE(2010, "The account is disabled"),
  UNLOCK_WRONG_USER(2011, "Only the user who locked the screen can unlock it here"),
  DISPLAY_NAME_INVALID(2012, "A display name of 1 to 60 characters is required"),
  PASSWORD_MISSING(2013, "No password was given (prompt or TSUMUGI_PASSWORD)"),
  LAST_ADMIN(2014, "The last active administrator cannot lose the administrator role"),

  AUDIT_CHAIN_BROKEN(3001, "The audit log is broken"),

  CLINIC_CODE_INVALID(4001, "The medical institution code must be 7 digits"),
  PREFECTURE_INVALID(4002, "Choose a prefecture (01 to 47)"),
  CLINIC_NAME_INVALID(4003, "The clinic name is required (at most 80 characters)"),
  PHONE_INVALID(4004, "The phone number may hold only digits and hyphens (10 to 13 characters)"),
  POSTAL_CODE_INVALID(4005, "The postal code must be 7 digits (for example 100-0001)"),
  ADDRESS_INVALID(4006, "The address is required (at most 120 characters)"),
  IDLE_MINUTES_INVALID(4007, "The idle lock must be 1 to 120 minutes"),
  FEE_TABLE_UNSUPPORTED(4008, "Only the medical (医科) fee table is supported"),

  INSURER_NUMBER_INVALID(5001, "The insurer number has a wrong length or check digit"),
  PATIENT_NAME_INVALID(5002, "The patient name and kana are required"),
  BIRTH_DATE_INVALID(5003, "The birth date is not valid"),
  PATIENT_NOT_FOUND(5004, "No such patient"),
  PATIENT_KANA_INVALID(5005, "The kana name may hold only kana, spaces and long-vowel marks"),
  PATIENT_SEX_INVALID(5006, "Choose the sex (1 male, 2 female)"),
  CHANGE_REASON_REQUIRED(5007, "A change needs a reason (at most 200 characters)"),
  REVISION_CONFLICT(5008, "Somebody else changed this record meanwhile: reload and try again"),
  PATIENT_NUMBER_TAKEN(5009, "That patient number is already in use"),
  PATIENT_NUMBER_FORMAT_INVALID(5010, "The patient number format must be 1 to 10 digits wide with an optional short prefix"),
  PATIENT_TEXT_TOO_LONG(5011, "A patient field is longer than allowed"),
  INSURANCE_NUMBER_INVALID(5012,
      "The number (番号) of the insured person is required; 記号 and 番号 hold at most 38 bytes together (19 full-width characters)"),
  INSURANCE_BRANCH_INVALID(5013, "The branch number (枝番) must be exactly 2 digits when given"),
  VALIDITY_DATES_INVALID(5014, "The end of validity lies before its start"),
  INSURANCE_NOT_FOUND(5015, "No such insurance"),
  ELDERLY_CERTIFICATE_INVALID(5016, "The certificate's co-payment rate is not valid (高齢受給者証 2 or 3割; 後期高齢者 1, 2 or 3割)"),
  PUBLIC_PAYER_NUMBER_INVALID(5017, "The public expense payer number (公費負担者番号) has a wrong length or check digit"),
  PUBLIC_RECIPIENT_NUMBER_INVALID(5018, "The public expense recipient number (受給者番号) has a wrong length or check digit"),
  PUBLIC_EXPENSE_TOO_MANY(5019, "A patient may hold at most four current public expenses"),
  PUBLIC_EXPENSE_NOT_FOUND(5020, "No such public expense"),
  MONTHLY_CAP_INVALID(5021, "The monthly cap must be a whole number of yen, 0 or more"),
  COMBINATION_INVALID(5022, "A combination is one insurance of the patient plus at most four different public expenses of the patient"),
  COMBINATION_NOT_VALID_ON_DATE(5023, "A member of the combination is not valid on that date"),
  COMBINATION_NOT_FOUND(5024, "No such insurance combination"),
  QUALIFICATION_DATE_INVALID(5025, "The qualification date (資格取得日) is not valid or lies in the future"),
  INSURED_KIND_INVALID(5026, "Choose 本人 (1, the insured person) or 家族 (2, a family member)"),
  LIMIT_CATEGORY_INVALID(5027, "The limit category (限度額適用区分) is not a known code (A01 to A06, B01 to B10)"),

  // 51xx: the registration and editing form at reception, clinic departments
  PUBLIC_EXPENSE_ENDED(5100, "The public expense (公費) ended before today: enter the current certificate"),
  PUBLIC_EXPENSE_OUTSIDE_INSURANCE(5101, "The public expense (公費) is not valid on any day of the insurance's validity"),
  DEPARTMENTS_INVALID(5102, "Enter 1 to 30 departments (診療科), one per line or separated by commas, each at most 40 characters, "
      + "without repeats"),
  CLINIC_NOT_SET_UP(5103, "The clinic has not been set up yet"),
  INSURANCE_REMOVAL_UNSUPPORTED(5104, "An insurance cannot be removed here: enter its end of validity (有効期限) instead"),
  PUBLIC_EXPENSE_REMOVAL_UNSUPPORTED(5105, "A public expense (公費) cannot be removed here: enter its end of validity instead"),

  MASTER_FILE_UNREADABLE(6001, "A master file cannot be read"),
  MASTER_NOT_SHIFT_JIS(6002, "A master file is not Shift_JIS text (it looks like UTF-8 or another encoding)"),
  MASTER_CSV_MALFORMED(6003, "A master file is not valid CSV (for example an unterminated quote)"),
  MASTER_COLUMN_COUNT(6004, "A master row has the wrong number of columns"),
  MASTER_CHANGE_KIND_UNKNOWN(6005, "A master row has an unknown change kind (変更区分)"),
  MASTER_DIFF_TOO_OLD(6006, "A master file is older than the master already loaded"),
  MASTER_WRONG_KIND(6007, "The file is not the master its name says (wrong master type in column 2)"),
  MASTER_ZIP_UNSAFE(6008, "A zip file holds an entry with an unsafe path"),
  MASTER_TOO_LARGE(6009, "A master file or zip entry is larger than allowed"),
  MASTER_FILE_EMPTY(6010, "A master file is empty"),
  MASTER_FILE_NAME(6011, "The file name does not name a master and a date (for example s_ALL20240531.csv)"),
  MASTER_FIELD_INVALID(6012, "A master row has an invalid code, date or amount"),
  MASTER_NO_FULL_FILE(6013, "A diff file needs a full file of its master first"),
  MASTER_FILE_CONFLICT(6014, "A file of this name was imported before with different content"),
  MASTER_NOTHING_TO_IMPORT(6015, "No master files were found"),
  MASTER_BUNDLED_MISSING(6016, "The master files bundled with the application are missing"),

  MODIFIER_CATEGORY_UNKNOWN(6101, "The modifier category (修飾語区分) is not a known prefix or suffix category"),
  DISEASE_MODIFIERS_TOO_MANY(6102, "A disease name takes at most 20 modifiers"),
  MASTER_CODE_UNKNOWN(6201, "No master item has that code on that date"),

  PRICE_LIST_UNREADABLE(6301, "The drug price list cannot be read (it is not an xlsx file)"),
  PRICE_LIST_ZIP_UNSAFE(6302, "The drug price list holds an entry with an unsafe path"),
  PRICE_LIST_TOO_LARGE(6303, "The drug price list or one of its parts is larger than allowed"),
  PRICE_LIST_XML_UNSAFE(6304, "The drug price list holds XML with a document type declaration or external entities"),
  PRICE_LIST_XML_MALFORMED(6305, "The drug price list holds malformed XML"),
  PRICE_LIST_NO_SHEET(6306, "The drug price list has no worksheet"),
  PRICE_LIST_LAYOUT(6307, "The drug price list does not have the expected columns (薬価基準収載医薬品コード, 品名, 薬価)"),
  PRICE_LIST_ROW_INVALID(6308, "A drug price list row has an invalid YJ code or price"),
  PRICE_LIST_DATE_UNKNOWN(6309, "The date of the drug price list is unknown (name the file tpYYYYMMDD… or give the date)"),
  PRICE_LIST_NO_DRUG_MASTER(6310, "No drug (医薬品) master is loaded to attach the price list to"),

  WAREKI_INVALID(7001, "The date is not in a recognised form (S41.5.26, 昭和41年5月26日, 3410526, 1966-05-26)"),
  DATE_DOES_NOT_EXIST(7002, "No such calendar date (for example the 30th of February)"),
  WAREKI_OUT_OF_ERA(7003, "The date lies outside its era (for example 平成32年: 平成 ended on 平成31年4月30日)"),
  BIRTH_DATE_IN_FUTURE(7004, "The birth date lies in the future"),
  COPAYMENT_VISIT_BEFORE_BIRTH(7021, "The visit date lies before the birth date"),
  COPAYMENT_CERTIFICATE_RATE_INVALID(7022, "The certificate's co-payment rate is not one the law allows for this age and date"),
  COPAYMENT_LATE_ELDERLY_RATE_REQUIRED(7023, "A 後期高齢者 needs the co-payment rate from the certificate (1, 2 or 3 tenths)"),
  COPAYMENT_OVERRIDE_INVALID(7024, "An override needs a rate of 0 to 10 tenths and a reason"),
  COPAYMENT_LATE_ELDERLY_TOO_YOUNG(7025, "A 後期高齢者 certificate needs age 75 (or 65 with a disability decision)"),
  QUALIFICATION_FILE_TOO_LARGE(7041, "The qualification result file is larger than allowed"),
  QUALIFICATION_NOT_XML(7042, "The qualification result file is not XML"),
  QUALIFICATION_TRUNCATED(7043, "The qualification result file ends before its last element (truncated)"),
  QUALIFICATION_MALFORMED(7044, "The qualification result file is not well-formed XML"),
  QUALIFICATION_UNKNOWN_ROOT(7045, "The file is XML but not a qualification result (unknown root element)"),
  QUALIFICATION_ENCODING_UNSUPPORTED(7046, "The file declares an encoding other than UTF-8 or Shift_JIS"),
  QUALIFICATION_ENCODING_MISMATCH(7047, "The XML declaration and CharacterCodeIdentifier name different encodings"),
  QUALIFICATION_ENCODING_INVALID(7048, "The file's bytes are not valid in its declared encoding"),
  QUALIFICATION_DOCTYPE_FORBIDDEN(7049, "The file contains a DOCTYPE declaration, which results never have"),
  QUALIFICATION_EXTERNAL_ENTITY(7050, "The file declares an external entity (XXE attempt)"),
  QUALIFICATION_ENTITY_EXPANSION(7051, "The file declares entities (entity-expansion attempt)"),
  QUALIFICATION_TOO_COMPLEX(7052, "The file nests too deeply or holds too many elements"),
  QUALIFICATION_FIELD_INVALID(7053, "A required field of the qualification result is missing or has an invalid value"),
  QUALIFICATION_FILE_UNREADABLE(7054, "The qualification file could not be read or written"),
  QUALIFICATION_REQUEST_INVALID(7061, "The qualification request cannot be written: a field is missing or invalid"),
  QUALIFICATION_REQUEST_UNENCODABLE(7062, "The request holds a character the chosen encoding cannot write"),

  QUALIFICATION_FOLDER_UNAVAILABLE(7101, "The 資格確認端末's shared folder or one of its req/res/face subfolders cannot be reached"),
  QUALIFICATION_FILE_NAME_UNKNOWN(7102, "A file in the result folder is not a result file (its name does not end in .xml)"),
  QUALIFICATION_APPLY_FAILED(7103, "Applying the result failed several times; the file was set aside for staff"),
  QUALIFICATION_REQUEST_TIMED_OUT(7104, "The 資格確認端末 did not answer in time: the visit is flagged 資格未確認"),
  QUALIFICATION_REQUEST_UNKNOWN(7105, "No qualification request has that identifier"),
  QUALIFICATION_FILE_MOVE_FAILED(7106, "A processed qualification file could not be moved out of the inbox folder"),
  RECEPTION_PATIENT_UNKNOWN(8001, "No patient has that id"),
  RECEPTION_DEPARTMENT_UNKNOWN(8002, "The department is not one of the clinic's departments"),
  RECEPTION_DOCTOR_INVALID(8003, "The doctor is not an active user of role DOCTOR"),
  RECEPTION_COMBINATION_INVALID(8004, "The insurance combination is not the patient's or not valid on the visit date"),
  RECEPTION_ALREADY_CHECKED_IN(8005, "The patient already has an open reception entry today"),
  VISIT_NOT_FOUND(8006, "No reception entry has that id"),
  VISIT_TRANSITION_INVALID(8007, "The reception entry cannot move from its current status to the requested one"),
  VISIT_CANCEL_REASON_REQUIRED(8008, "A cancellation needs a reason of at most 200 characters"),
  VISIT_CHANGED_ELSEWHERE(8009, "Another terminal changed the reception entry first"),

  // 72xx: applying オンライン資格確認 results to patients (docs/adr/0020)
  QUALIFICATION_PROPOSAL_NOT_FOUND(7200, "No pending registration proposal with this id"),
  QUALIFICATION_PROPOSAL_INCOMPLETE(7201, "The registration proposal lacks a field registration needs; register the patient by hand"),

  // 7300-7349: card-reader arrivals and qualification warnings at reception (docs/adr/0021)
  QUALIFICATION_ARRIVAL_NOT_PENDING(7300, "The card-reader arrival is no longer pending (another terminal handled it)"),
  QUALIFICATION_ARRIVAL_REASON_REQUIRED(7301, "Setting a card-reader arrival aside needs a reason of at most 200 characters"),
  QUALIFICATION_ARRIVAL_NO_PATIENT(7302, "The arrival names no patient to check in; check the patient in by hand or set it aside"),
  // 7350-7399: 資格確認 requests from reception, re-check of 資格未確認 visits (docs/adr/0023)
  QUALIFICATION_TERMINAL_NOT_CONFIGURED(7350, "No 資格確認端末 folder is configured: requests and re-checks are not possible"),
  QUALIFICATION_REQUEST_NO_INSURANCE(7351, "The visit has no insurance to check (self-pay, or its insurance is gone)"),
  QUALIFICATION_CLINIC_MISSING(7352, "The clinic is not set up, so a qualification request has no institution code"),

  // 9001-9099: the chart's records, revisions, drafts and editing leases (docs/adr/0025)
  CHART_TEXT_CONTROL_CHARACTER(9001, "The text holds a control character; only tab and line breaks are allowed"),
  CHART_TEXT_TOO_LONG(9002, "The text is longer than a chart field may hold (200,000 characters)"),
  CHART_REVISION_CONFLICT(9003, "Another terminal saved a newer revision first; your text is kept as a draft to merge"),
  CHART_REASON_REQUIRED(9004, "A change to a signed record needs a reason of at most 500 characters"),
  CHART_RECORD_NOT_FOUND(9005, "No chart record or revision has that id"),
  CHART_BEING_EDITED(9006, "Another user or terminal is editing this section; it opens read-only"),
  CHART_RECORD_TOMBSTONED(9007, "The chart record was deleted (tombstone) and cannot be changed"),
  CHART_REVISION_IMMUTABLE(9008, "Chart revisions cannot be updated or deleted"),
  CHART_NOTE_EMPTY(9009, "There is nothing to sign off: every field of the note is empty"),
  CHART_LEASE_NOT_HELD(9010, "This terminal does not hold the editing lease (it expired and another terminal took it)"),
  // 9011-9049: problems (傷病名) and the other patient facts kept as revision chains (docs/adr/0025 amendment)
  PROBLEM_DISEASE_UNKNOWN(9011, "The disease code is not in the disease master on the start date (unknown or abolished)"),
  PROBLEM_MODIFIER_UNKNOWN(9012, "A modifier code is not in the modifier master on the start date (unknown or abolished)"),
  PROBLEM_TOO_MANY_MODIFIERS(9013, "A problem takes at most 4 modifiers, an uncoded one none (they go into its typed name)"),
  PROBLEM_NAME_REQUIRED(9014, "An uncoded disease (0000999) needs its name typed, at most 100 characters; a coded one takes no typed name"),
  PROBLEM_START_DATE_REQUIRED(9015, "A problem needs its start date"),
  PROBLEM_OUTCOME_DATE_INVALID(9016, "An outcome needs its date, not before the start date; no outcome, no date"),
  PROBLEM_DISEASE_CODE_FORMAT(9017, "A disease code is 7 digits and a modifier code 4 digits"),
  CHART_RECORD_CONFLICT(9018, "Another terminal changed this record first; reload it and make the change again"),
  FACT_CODE_FORMAT(9019, "The code does not fit the kind: YJ 7-character prefix, 12-character YJ or 9-digit drug code, or none"),
  FACT_NAME_REQUIRED(9020, "Enter the name (at most 100 characters)"),
  FACT_TEXT_TOO_LONG(9021, "The text is longer than the field may hold (200 characters)"),
  INFECTION_AGENT_TEXT(9022, "Name the agent for \"other\" (at most 100 characters); the listed agents take no text"),
  // 9150-9199: stamps (スタンプ), Do (前回処方) and chart full-text search (docs/adr/0027)
  STAMP_KEYWORD_INVALID(9150, "A stamp needs a kind and a keyword of 1 to 20 characters without spaces"),
  STAMP_TITLE_INVALID(9151, "A stamp needs a title of 1 to 100 characters"),
  STAMP_BODY_INVALID(9152, "A stamp needs a body of at most 10,000 characters"),
  STAMP_KEYWORD_TAKEN(9153, "There is already a stamp with this keyword (personal ones per user, shared ones per clinic)"),
  STAMP_NOT_FOUND(9154, "No stamp has that id (it may have been deleted)"),
  CHART_SEARCH_QUERY_INVALID(9155, "Enter 1 to 10 search terms, at most 200 characters in all"),
  // 9100-9149: lab results, the lab catalogue, vitals and the lab CSV import (docs/adr/0026)
  LAB_CODE_FORMAT(9100, "A lab test's local code is 1 to 20 letters, digits, '_' or '-'"),
  LAB_JLAC10_FORMAT(9101, "A JLAC10 code is 17 characters: digits and capital letters"),
  LAB_TEST_UNKNOWN(9102, "The lab test is not in the clinic's lab catalogue"),
  LAB_VALUE_INVALID(9103, "The value does not fit the test: a plain decimal number for a numeric test, a short text for a qualitative one"),
  LAB_UNIT_MISMATCH(9104, "The unit differs from the unit of the test in the lab catalogue"),
  LAB_RANGE_INVALID(9105, "The reference range is not valid: the low bound is above the high bound, or a bound is not a number"),
  LAB_SPECIMEN_DATE_INVALID(9106, "The specimen date is missing or not a date (yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd)"),
  LAB_SPECIMEN_DATE_FUTURE(9107, "The specimen date is in the future"),
  LAB_ITEM_INVALID(9108, "The lab test needs a name (at most 60 characters) and a unit of at most 20 characters"),
  LAB_FLAG_INVALID(9109, "The abnormal flag is H, L, N, A or empty"),
  VITAL_EMPTY(9110, "Enter at least one vital sign"),
  VITAL_SYSTOLIC_RANGE(9111, "Systolic blood pressure must be 40 to 300 mmHg"),
  VITAL_DIASTOLIC_RANGE(9112, "Diastolic blood pressure must be 20 mmHg or more and below the systolic pressure"),
  VITAL_PULSE_RANGE(9113, "Pulse must be 20 to 250 per minute"),
  VITAL_TEMPERATURE_RANGE(9114, "Body temperature must be 30.0 to 45.0 degrees Celsius, in steps of 0.1"),
  VITAL_SPO2_RANGE(9115, "SpO2 must be 50 to 100 %"),
  VITAL_HEIGHT_RANGE(9116, "Height must be 20.0 to 250.0 cm, in steps of 0.1"),
  VITAL_WEIGHT_RANGE(9117, "Weight must be 0.5 to 400.0 kg, in steps of 0.1"),
  VITAL_MEASURED_AT_FUTURE(9118, "The measurement time is in the future"),
  LAB_IMPORT_FILE_TOO_BIG(9120, "The lab file is larger than 10 MB"),
  LAB_IMPORT_TOO_MANY_LINES(9121, "The lab file has more than 50,000 lines"),
  LAB_IMPORT_ENCODING(9122, "The lab file is not valid text in the declared or detected encoding (UTF-8 or Shift_JIS)"),
  LAB_IMPORT_HEADER(9123, "The header row is missing a required column or names an unknown or repeated column"),
  LAB_IMPORT_COLUMN_COUNT(9124, "The line has a different number of columns than the header"),
  LAB_IMPORT_QUOTING(9125, "The line's CSV quoting is broken (unclosed quote, or text after a closing quote)"),
  LAB_IMPORT_LINE_TOO_LONG(9126, "The line is longer than 1,000 characters"),
  LAB_IMPORT_CONTROL_CHARACTER(9127, "The line contains a control character or binary data"),
  LAB_IMPORT_UNKNOWN_PATIENT(9128, "No patient has that patient number"),
  LAB_IMPORT_DUPLICATE_IN_FILE(9129, "The same patient, test, date and value appear on an earlier line of the file"),
  LAB_IMPORT_DUPLICATE_STORED(9130, "This result (same patient, test, date and value) is stored already"),
  LAB_IMPORT_STALE(9131, "The file or the stored data changed since the preview, or the preview is too old; preview again"),
  LAB_IMPORT_EMPTY(9132, "The lab file has no data lines"),
  LAB_IMPORT_FIELD_MISSING(9133, "A required column is empty on this line"),
  // 9200-9249: the chart window (docs/adr/0028)
  CHART_FILE_UNREADABLE(9200, "The file cannot be read: it is missing, not a file, or not readable"),
  VITAL_NOT_A_NUMBER(9201, "A vital sign must be a number: whole numbers for blood pressure, pulse and SpO2");

  private final int number;
  private final String englishText;

  ErrorCode(int number, String englishText) {
    this.number = number;
    this.englishText = englishText;
  }

  /** The code as people see it, for example {@code TSU-1004}. */
  public String code() {
    return String.format("TSU-%04d", number);
  }

  public int number() {
    return number;
  }

  public String englishText() {
    return englishText;
  }
}
