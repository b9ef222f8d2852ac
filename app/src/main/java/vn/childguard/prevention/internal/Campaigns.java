package vn.childguard.prevention.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.planning.PlanTasks;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Awareness campaigns, their activities (one by one or a whole spreadsheet, all or nothing), the
 * library of materials, progress against the target and coverage by commune.
 */
@Service
public class Campaigns {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String AUDIENCES = "prevention_audience";
    public static final String CHANNELS = "prevention_channel";
    public static final String HOTSPOTS = "prevention_hotspot";
    /** Channels counted by reach (listeners, views), not by participants. */
    public static final Set<String> BROADCAST = Set.of("RADIO", "TV", "LOUDSPEAKER", "SOCIAL_MEDIA", "LEAFLET", "POSTER");
    static final long MAX_EVIDENCE_BYTES = 5L * 1024 * 1024;
    static final Set<String> EVIDENCE_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    public record Campaign(long id, String ownerAgency, String theme, LocalDate startsOn, LocalDate endsOn,
                           List<String> audiences, List<String> channels, int targetReach, Long planTaskId,
                           String indicatorCode, String createdBy) {
    }

    public record NewCampaign(String theme, String startsOn, String endsOn, List<String> audiences,
                              List<String> channels, String targetReach, Long planTaskId, String indicatorCode) {
    }

    public record NewActivity(String heldOn, String unitCode, String place, String channel, String organiser,
                              String partners, String femaleAdults, String maleAdults, String femaleMinors,
                              String maleMinors, String reach, List<Long> materialIds, String cost) {
    }

    public record Evidence(String fileName, String contentType, byte[] content) {
    }

    public record Activity(long id, long campaignId, LocalDate heldOn, String unitCode, String place, String channel,
                           String organiser, String partners, int femaleAdults, int maleAdults, int femaleMinors,
                           int maleMinors, int reach, String materialIds, BigDecimal cost, String evidenceName,
                           String evidenceType, Integer evidenceSize) {

        public int participants() {
            return femaleAdults + maleAdults + femaleMinors + maleMinors;
        }

        public int minors() {
            return femaleMinors + maleMinors;
        }

        /** People reached: participants met in person, or the audience of a broadcast. */
        public int reached() {
            return participants() + reach;
        }
    }

    public record Material(long id, String title, String versionLabel, String languageCode) {
    }

    public record Progress(int target, int reached, int percent, int activities, int participants, int minors,
                           int female, int male, Map<String, Integer> reachByChannel, Set<String> communes,
                           BigDecimal cost) {
    }

    private final JdbcTemplate jdbc;
    private final PreventionPolicy policy;
    private final ReferenceLists lists;
    private final PlanTasks planTasks;
    private final CoverageMap map;
    private final AuditLog audit;
    private final Clock clock;
    private final DataCipher cipher;

    Campaigns(DataCipher cipher, JdbcTemplate jdbc, PreventionPolicy policy, ReferenceLists lists, PlanTasks planTasks, CoverageMap map,
              AuditLog audit, Clock clock) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.policy = policy;
        this.lists = lists;
        this.planTasks = planTasks;
        this.map = map;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    public List<ReferenceLists.Item> list(String code) {
        LocalDate today = today();
        return lists.items(code).stream().filter(i -> i.isValidOn(today)).toList();
    }

    public Set<String> hotspots() {
        return list(HOTSPOTS).stream().map(ReferenceLists.Item::code).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<PlanTasks.TaskRef> tasks() {
        return planTasks.all().stream().filter(t -> !t.indicators().isEmpty()).toList();
    }

    public CoverageMap map() {
        return map;
    }

    // ---- campaigns -------------------------------------------------------------------------------

    @Transactional
    public long create(CurrentUser user, NewCampaign in) {
        if (!policy.canCreateCampaign(user)) {
            deny(AuditLog.Actions.CREATE, "prevention_campaign", null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String theme = clean(in.theme());
        if (theme == null) {
            errors.put("theme", "prevention.error.required");
        }
        LocalDate starts = date(in.startsOn(), "startsOn", errors, true);
        LocalDate ends = date(in.endsOn(), "endsOn", errors, true);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.put("endsOn", "prevention.error.endsBeforeStart");
        }
        Set<String> audienceCodes = codes(AUDIENCES);
        List<String> audiences = in.audiences() == null ? List.of() : in.audiences().stream().distinct().toList();
        if (audiences.isEmpty()) {
            errors.put("audiences", "prevention.error.required");
        } else if (!audienceCodes.containsAll(audiences)) {
            errors.put("audiences", "prevention.error.unknownCode");
        }
        Set<String> channelCodes = codes(CHANNELS);
        List<String> channels = in.channels() == null ? List.of() : in.channels().stream().distinct().toList();
        if (channels.isEmpty()) {
            errors.put("channels", "prevention.error.required");
        } else if (!channelCodes.containsAll(channels)) {
            errors.put("channels", "prevention.error.unknownCode");
        }
        Integer target = count(in.targetReach(), "targetReach", errors, true);
        if (target != null && target < 1) {
            errors.put("targetReach", "prevention.error.positive");
        }
        String indicator = clean(in.indicatorCode());
        if (in.planTaskId() != null) {
            Optional<PlanTasks.TaskRef> task = planTasks.find(in.planTaskId());
            if (task.isEmpty()) {
                errors.put("planTaskId", "prevention.error.unknownTask");
            } else if (indicator != null && task.get().indicator(indicator).isEmpty()) {
                errors.put("indicatorCode", "prevention.error.indicatorNotOfTask");
            }
        } else if (indicator != null) {
            errors.put("planTaskId", "prevention.error.required");
        }
        if (!errors.isEmpty()) {
            throw new PreventionException(errors);
        }
        long id = insert("insert into prevention_campaign (owner_agency, theme, starts_on, ends_on, audiences, channels,"
                        + " target_reach, plan_task_id, indicator_code, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                user.agencyCode(), theme, starts, ends, String.join(",", audiences), String.join(",", channels), target,
                in.planTaskId(), indicator, user.username(), now());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_campaign", id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Campaign> campaigns(CurrentUser user) {
        if (!policy.canReadCampaigns(user)) {
            deny(AuditLog.Actions.READ, "prevention_campaign", null);
        }
        return jdbc.query("select * from prevention_campaign order by starts_on desc, id desc", Campaigns::campaign);
    }

    @Transactional(readOnly = true)
    public Campaign campaign(CurrentUser user, long id) {
        if (!policy.canReadCampaigns(user)) {
            deny(AuditLog.Actions.READ, "prevention_campaign", id);
        }
        return find(id);
    }

    Campaign find(long id) {
        return jdbc.query("select * from prevention_campaign where id = ?", Campaigns::campaign, id).stream()
                .findFirst().orElseThrow(() -> new NoSuchElementException("campaign " + id));
    }

    // ---- activities ------------------------------------------------------------------------------

    @Transactional
    public long addActivity(CurrentUser user, long campaignId, NewActivity in, Evidence evidence) {
        Campaign campaign = writable(user, campaignId);
        Map<String, String> errors = new LinkedHashMap<>();
        ValidActivity valid = validate(campaign, in, errors);
        Evidence checked = null;
        if (evidence != null && evidence.content() != null && evidence.content().length > 0) {
            String problem = evidenceProblem(evidence);
            if (problem != null) {
                errors.put("evidence", problem);
            } else {
                checked = evidence;
            }
        }
        if (!errors.isEmpty()) {
            throw new PreventionException(errors);
        }
        long id = insertActivity(user, campaignId, valid, checked);
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_activity", id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    /**
     * Imports every row of the spreadsheet or none: all rows are checked first and any error refuses
     * the whole file, naming row and column, so the user fixes the file and uploads it again.
     */
    @Transactional
    public List<Long> upload(CurrentUser user, long campaignId, byte[] content) {
        Campaign campaign = writable(user, campaignId);
        if (content == null || content.length == 0) {
            throw PreventionException.field("file", "prevention.upload.error.empty");
        }
        List<ActivitySheet.SheetRow> rows = ActivitySheet.read(content);
        if (rows.isEmpty()) {
            throw PreventionException.field("file", "prevention.upload.error.empty");
        }
        if (rows.size() > ActivitySheet.MAX_ROWS) {
            throw PreventionException.field("file", "prevention.upload.error.tooMany");
        }
        List<PreventionException.RowError> rowErrors = new ArrayList<>();
        List<ValidActivity> valid = new ArrayList<>();
        for (ActivitySheet.SheetRow row : rows) {
            Map<String, String> errors = new LinkedHashMap<>();
            ValidActivity v = validate(campaign, new NewActivity(row.get("date"), row.get("commune"), row.get("place"),
                    row.get("channel") == null ? null : row.get("channel").toUpperCase(java.util.Locale.ROOT),
                    row.get("organiser"), row.get("partners"), row.get("female_adults"), row.get("male_adults"),
                    row.get("female_minors"), row.get("male_minors"), row.get("reach"), List.of(), row.get("cost")), errors);
            errors.forEach((field, key) -> rowErrors.add(new PreventionException.RowError(row.row(), COLUMN_OF.get(field), key)));
            valid.add(v);
        }
        if (!rowErrors.isEmpty()) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_activity", null,
                    AuditEntry.Outcome.FAILURE).withDetails("upload to campaign " + campaignId + " refused: "
                    + rowErrors.size() + " errors"));
            throw new PreventionException(Map.of("file", "prevention.upload.error.rows"), rowErrors);
        }
        List<Long> ids = new ArrayList<>();
        for (ValidActivity v : valid) {
            ids.add(insertActivity(user, campaignId, v, null));
        }
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_activity", null, AuditEntry.Outcome.SUCCESS)
                .withDetails("upload to campaign " + campaignId + ": " + ids.size() + " activities"));
        return ids;
    }

    private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("heldOn", "date"),
            Map.entry("unitCode", "commune"), Map.entry("place", "place"), Map.entry("channel", "channel"),
            Map.entry("organiser", "organiser"), Map.entry("partners", "partners"),
            Map.entry("femaleAdults", "female_adults"), Map.entry("maleAdults", "male_adults"),
            Map.entry("femaleMinors", "female_minors"), Map.entry("maleMinors", "male_minors"),
            Map.entry("reach", "reach"), Map.entry("cost", "cost"), Map.entry("materialIds", "materials"));

    @Transactional(readOnly = true)
    public List<Activity> activities(CurrentUser user, long campaignId) {
        campaign(user, campaignId);
        return jdbc.query("select * from prevention_activity where campaign_id = ? order by held_on, id",
                Campaigns::activity, campaignId);
    }

    @Transactional(readOnly = true)
    public Evidence evidence(CurrentUser user, long activityId) {
        if (!policy.canReadCampaigns(user)) {
            deny(AuditLog.Actions.READ, "prevention_activity", activityId);
        }
        return jdbc.query("select evidence_name, evidence_type, evidence from prevention_activity where id = ?"
                                + " and evidence is not null",
                        (rs, n) -> new Evidence(rs.getString(1), rs.getString(2), cipher.open(rs.getBytes(3))), activityId)
                .stream().findFirst().orElseThrow(() -> new NoSuchElementException("evidence " + activityId));
    }

    public Progress progress(Campaign campaign, List<Activity> activities) {
        int reached = 0;
        int participants = 0;
        int minors = 0;
        int female = 0;
        int male = 0;
        BigDecimal cost = BigDecimal.ZERO;
        Map<String, Integer> byChannel = new TreeMap<>();
        Set<String> communes = new LinkedHashSet<>();
        for (Activity a : activities) {
            reached += a.reached();
            participants += a.participants();
            minors += a.minors();
            female += a.femaleAdults() + a.femaleMinors();
            male += a.maleAdults() + a.maleMinors();
            byChannel.merge(a.channel(), a.reached(), Integer::sum);
            communes.add(a.unitCode());
            if (a.cost() != null) {
                cost = cost.add(a.cost());
            }
        }
        int percent = campaign.targetReach() == 0 ? 0 : (int) Math.min(999, Math.round(100.0 * reached / campaign.targetReach()));
        return new Progress(campaign.targetReach(), reached, percent, activities.size(), participants, minors, female,
                male, byChannel, communes, cost);
    }

    /** Communes reached by any campaign's activities in the days given. */
    @Transactional(readOnly = true)
    public Set<String> communesReached(CurrentUser user, LocalDate from, LocalDate to) {
        if (!policy.canReadCampaigns(user)) {
            deny(AuditLog.Actions.READ, "prevention_activity", null);
        }
        return new LinkedHashSet<>(jdbc.queryForList("select distinct unit_code from prevention_activity"
                + " where held_on between ? and ?", String.class, from, to));
    }

    // ---- materials -------------------------------------------------------------------------------

    @Transactional
    public long addMaterial(CurrentUser user, String title, String versionLabel, String languageCode) {
        if (!policy.canCreateCampaign(user)) {
            deny(AuditLog.Actions.CREATE, "prevention_material", null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (clean(title) == null) {
            errors.put("title", "prevention.error.required");
        }
        if (clean(versionLabel) == null) {
            errors.put("versionLabel", "prevention.error.required");
        }
        if (clean(languageCode) == null || !Set.of("vi", "en", "km").contains(languageCode.strip())) {
            errors.put("languageCode", "prevention.error.unknownCode");
        }
        if (!errors.isEmpty()) {
            throw new PreventionException(errors);
        }
        return insert("insert into prevention_material (title, version_label, language_code, created_by, created_at)"
                + " values (?,?,?,?,?)", title.strip(), versionLabel.strip(), languageCode.strip(), user.username(), now());
    }

    public List<Material> materials() {
        return jdbc.query("select * from prevention_material order by title, version_label",
                (rs, n) -> new Material(rs.getLong("id"), rs.getString("title"), rs.getString("version_label"),
                        rs.getString("language_code")));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record ValidActivity(LocalDate heldOn, String unitCode, String place, String channel, String organiser,
                                 String partners, int femaleAdults, int maleAdults, int femaleMinors, int maleMinors,
                                 int reach, String materialIds, BigDecimal cost) {
    }

    private ValidActivity validate(Campaign campaign, NewActivity in, Map<String, String> errors) {
        LocalDate heldOn = date(in.heldOn(), "heldOn", errors, true);
        if (heldOn != null && (heldOn.isBefore(campaign.startsOn()) || heldOn.isAfter(campaign.endsOn()))) {
            errors.put("heldOn", "prevention.error.outsidePeriod");
        }
        String unit = clean(in.unitCode());
        if (unit == null) {
            errors.put("unitCode", "prevention.error.required");
        } else if (!map.codes().contains(unit)) {
            errors.put("unitCode", "prevention.error.unknownCommune");
        }
        String channel = clean(in.channel());
        if (channel == null) {
            errors.put("channel", "prevention.error.required");
        } else if (!codes(CHANNELS).contains(channel)) {
            errors.put("channel", "prevention.error.unknownCode");
        }
        String organiser = clean(in.organiser());
        if (organiser == null) {
            errors.put("organiser", "prevention.error.required");
        }
        Integer fa = count(in.femaleAdults(), "femaleAdults", errors, false);
        Integer ma = count(in.maleAdults(), "maleAdults", errors, false);
        Integer fm = count(in.femaleMinors(), "femaleMinors", errors, false);
        Integer mm = count(in.maleMinors(), "maleMinors", errors, false);
        Integer reach = count(in.reach(), "reach", errors, false);
        if (channel != null && !errors.containsKey("channel")) {
            int people = nz(fa) + nz(ma) + nz(fm) + nz(mm);
            if (BROADCAST.contains(channel)) {
                if (nz(reach) < 1 && !errors.containsKey("reach")) {
                    errors.put("reach", "prevention.error.reachRequired");
                }
            } else if (people < 1 && !errors.containsKey("femaleAdults")) {
                errors.put("femaleAdults", "prevention.error.participantsRequired");
            }
        }
        BigDecimal cost = null;
        String costText = clean(in.cost());
        if (costText != null) {
            try {
                cost = new BigDecimal(costText.replace(".", "").replace(",", "").replace(" ", ""));
                if (cost.signum() < 0) {
                    errors.put("cost", "prevention.error.notNegative");
                }
            } catch (NumberFormatException e) {
                errors.put("cost", "prevention.error.number");
            }
        }
        List<Long> materialIds = in.materialIds() == null ? List.of() : in.materialIds().stream().distinct().toList();
        if (!materialIds.isEmpty()) {
            Set<Long> known = materials().stream().map(Material::id).collect(Collectors.toSet());
            if (!known.containsAll(materialIds)) {
                errors.put("materialIds", "prevention.error.unknownCode");
            }
        }
        return new ValidActivity(heldOn, unit, clean(in.place()), channel, organiser, clean(in.partners()), nz(fa),
                nz(ma), nz(fm), nz(mm), nz(reach),
                materialIds.isEmpty() ? null : materialIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                cost);
    }

    private long insertActivity(CurrentUser user, long campaignId, ValidActivity v, Evidence evidence) {
        return insert("insert into prevention_activity (campaign_id, held_on, unit_code, place_text, channel, organiser,"
                        + " partners, female_adults, male_adults, female_minors, male_minors, reach_count, material_ids,"
                        + " cost_vnd, evidence_name, evidence_type, evidence_size, evidence, created_by, created_at)"
                        + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                campaignId, v.heldOn(), v.unitCode(), v.place(), v.channel(), v.organiser(), v.partners(),
                v.femaleAdults(), v.maleAdults(), v.femaleMinors(), v.maleMinors(), v.reach(), v.materialIds(), v.cost(),
                evidence == null ? null : evidence.fileName(), evidence == null ? null : evidence.contentType(),
                evidence == null ? null : evidence.content().length, evidence == null ? null : cipher.seal(evidence.content()),
                user.username(), now());
    }

    /** Null when the file is acceptable evidence, else the message key of the problem. */
    static String evidenceProblem(Evidence e) {
        if (e.content().length > MAX_EVIDENCE_BYTES) {
            return "prevention.error.evidenceTooLarge";
        }
        byte[] b = e.content();
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean pdf = b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
        String type = e.contentType() == null ? "" : e.contentType();
        boolean ok = ("image/jpeg".equals(type) && jpeg) || ("image/png".equals(type) && png)
                || ("application/pdf".equals(type) && pdf);
        return ok ? null : "prevention.error.evidenceType";
    }

    private Campaign writable(CurrentUser user, long campaignId) {
        Campaign campaign = find(campaignId);
        if (!policy.canRecordActivity(user, campaign.ownerAgency())) {
            deny(AuditLog.Actions.CREATE, "prevention_activity", null);
        }
        return campaign;
    }

    private Set<String> codes(String list) {
        return list(list).stream().map(ReferenceLists.Item::code).collect(Collectors.toSet());
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    static LocalDate date(String text, String field, Map<String, String> errors, boolean required) {
        String t = clean(text);
        if (t == null) {
            if (required) {
                errors.put(field, "prevention.error.required");
            }
            return null;
        }
        try {
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = t.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(t);
        } catch (java.time.DateTimeException e) {
            errors.put(field, "prevention.error.date");
            return null;
        }
    }

    static Integer count(String text, String field, Map<String, String> errors, boolean required) {
        String t = clean(text);
        if (t == null) {
            if (required) {
                errors.put(field, "prevention.error.required");
            }
            return null;
        }
        try {
            int n = Integer.parseInt(t.replace(".", "").replace(",", ""));
            if (n < 0) {
                errors.put(field, "prevention.error.notNegative");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, "prevention.error.number");
            return null;
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var s = connection.prepareStatement(sql, new String[]{"id"});
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    s.setNull(i + 1, java.sql.Types.NULL);
                } else if (args[i] instanceof byte[] bytes) {
                    s.setBytes(i + 1, bytes);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    void deny(String action, String entity, Object id) {
        audit.recordIndependently(AuditEntry.of(action, entity, id, AuditEntry.Outcome.DENIED));
        throw new AccessDeniedException("prevention: " + action + " " + entity);
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        long task = rs.getLong("plan_task_id");
        Long taskId = rs.wasNull() ? null : task;
        return new Campaign(rs.getLong("id"), rs.getString("owner_agency"), rs.getString("theme"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                Arrays.asList(rs.getString("audiences").split(",")), Arrays.asList(rs.getString("channels").split(",")),
                rs.getInt("target_reach"), taskId, rs.getString("indicator_code"), rs.getString("created_by"));
    }

    private static Activity activity(ResultSet rs, int n) throws SQLException {
        int size = rs.getInt("evidence_size");
        Integer evidenceSize = rs.wasNull() ? null : size;
        return new Activity(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("held_on", LocalDate.class),
                rs.getString("unit_code"), rs.getString("place_text"), rs.getString("channel"),
                rs.getString("organiser"), rs.getString("partners"), rs.getInt("female_adults"),
                rs.getInt("male_adults"), rs.getInt("female_minors"), rs.getInt("male_minors"),
                rs.getInt("reach_count"), rs.getString("material_ids"), rs.getBigDecimal("cost_vnd"),
                rs.getString("evidence_name"), rs.getString("evidence_type"), evidenceSize);
    }

}
