package vn.childguard.organisation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.AgencyKind;



import vn.childguard.shared.Csv;

/**
 * Loads the reference files at start-up. A file whose checksum is unchanged since its last load is
 * skipped; a changed file is merged: rows are inserted or updated by code, and units that vanished
 * from a newer file get a last day instead of being deleted, so old records keep their meaning.
 * Each file loads in full or not at all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    static final String HISTORICAL_UNITS = "classpath:reference/admin-units-historical.csv";
    static final String AGENCIES = "classpath:reference/agencies.csv";
    static final String REFERENCE_LISTS = "classpath:reference/reference-lists.csv";

    private final OrganisationSettings settings;
    private final ResourceLoader resources;
    private final JdbcTemplate jdbc;
    private final AdminUnitRepository units;
    private final AgencyRepository agencies;
    private final ReferenceItemRepository items;
    private final Clock clock;
    private final HolidayCalendar holidays;
    private final JurisdictionTree jurisdictions;
    private final AgencyCatalogueService catalogue;

    ReferenceDataLoader(OrganisationSettings settings, ResourceLoader resources, JdbcTemplate jdbc,
                        AdminUnitRepository units, AgencyRepository agencies, ReferenceItemRepository items,
                        Clock clock, HolidayCalendar holidays, JurisdictionTree jurisdictions,
                        AgencyCatalogueService catalogue) {
        this.jurisdictions = jurisdictions;
        this.catalogue = catalogue;
        this.holidays = holidays;
        this.settings = settings;
        this.resources = resources;
        this.jdbc = jdbc;
        this.units = units;
        this.agencies = agencies;
        this.items = items;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        load(settings.adminUnitsFile(), this::loadCurrentUnits);
        load(HISTORICAL_UNITS, this::loadHistoricalUnits);
        load(AGENCIES, this::loadAgencies);
        load(REFERENCE_LISTS, this::loadReferenceLists);
        jurisdictions.forget();
        catalogue.forget();
    }

    private interface FileLoader {
        int load(List<Csv.Row> rows);
    }

    private void load(String location, FileLoader loader) throws IOException {
        byte[] content;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            content = in.readAllBytes();
        }
        String checksum = sha256(content);
        List<String> known = jdbc.queryForList("select checksum from reference_load where source = ?", String.class,
                location);
        if (!known.isEmpty() && known.getFirst().equals(checksum)) {
            return;
        }
        int count = loader.load(Csv.read(new ByteArrayInputStream(content)));
        jdbc.update("delete from reference_load where source = ?", location);
        jdbc.update("insert into reference_load (source, checksum, rows_loaded, loaded_at) values (?,?,?,?)",
                location, checksum, count, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        log.info("Loaded {} rows of reference data from {}", count, location);
    }

    private int loadCurrentUnits(List<Csv.Row> rows) {
        Map<String, AdminUnit> existing = new HashMap<>();
        units.findAll().forEach(u -> existing.put(u.getCode(), u));
        Set<String> seen = new HashSet<>();
        LocalDate reform = LocalDate.of(2025, 7, 1);
        for (Csv.Row row : rows) {
            String code = row.require("code");
            AdminUnit unit = existing.computeIfAbsent(code, AdminUnit::new);
            LocalDate validFrom = unit.getValidFrom() == null ? reform : unit.getValidFrom();
            unit.update(row.require("level"), row.require("name"), row.require("full_name"), row.get("name_en"),
                    row.get("full_name_en"), row.get("parent_code"), validFrom, null);
            seen.add(code);
        }
        // a unit of the current list that a newer file no longer has was abolished: keep it, dated
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        existing.values().stream()
                .filter(u -> !seen.contains(u.getCode()) && u.getValidFrom() != null && !u.getValidFrom().isBefore(reform))
                .forEach(u -> u.retire(yesterday));
        units.saveAll(existing.values());
        return rows.size();
    }

    private int loadHistoricalUnits(List<Csv.Row> rows) {
        for (Csv.Row row : rows) {
            String code = row.require("code");
            AdminUnit unit = units.findById(code).orElseGet(() -> new AdminUnit(code));
            unit.update(row.require("level"), row.require("name"), row.require("full_name"), row.get("name_en"),
                    row.get("full_name_en"), row.get("parent_code"), date(row, "valid_from"), date(row, "valid_to"));
            units.save(unit);
            jdbc.update("delete from admin_unit_successor where from_code = ?", code);
            String successors = row.get("successor_codes");
            if (successors != null) {
                for (String to : successors.split("\\s+")) {
                    jdbc.update("insert into admin_unit_successor (from_code, to_code) values (?, ?)", code, to);
                }
            }
        }
        return rows.size();
    }

    private int loadAgencies(List<Csv.Row> rows) {
        // two passes: parents and successors may appear after the agencies that name them
        Map<String, Agency> byCode = new HashMap<>();
        for (Csv.Row row : rows) {
            String code = row.require("code");
            Agency agency = agencies.findByCode(code).orElseGet(() -> new Agency(code));
            agency.update(row.require("name_vi"), row.require("name_en"), kind(row), null, row.require("area_code"),
                    date(row, "valid_from"), date(row, "valid_to"), null);
            byCode.put(code, agencies.save(agency));
        }
        for (Csv.Row row : rows) {
            Agency agency = byCode.get(row.require("code"));
            agency.update(agency.getNameVi(), agency.getNameEn(), agency.getKind(), idOf(byCode, row, "parent_code"),
                    agency.getAreaCode(), agency.getValidFrom(), agency.getValidTo(), idOf(byCode, row, "successor_code"));
        }
        return rows.size();
    }

    private Long idOf(Map<String, Agency> byCode, Csv.Row row, String column) {
        String code = row.get(column);
        if (code == null) {
            return null;
        }
        Agency agency = byCode.containsKey(code) ? byCode.get(code) : agencies.findByCode(code)
                .orElseThrow(() -> new Csv.CsvException(row.line(), column, "unknown agency " + code));
        return agency.getId();
    }

    private int loadReferenceLists(List<Csv.Row> rows) {
        for (Csv.Row row : rows) {
            String list = row.require("list_code");
            String code = row.require("code");
            ReferenceItem item = items.findByListCodeAndCode(list, code).orElseGet(() -> new ReferenceItem(list, code));
            item.update(row.require("name_vi"), row.require("name_en"), date(row, "valid_from"), date(row, "valid_to"));
            items.save(item);
        }
        holidays.invalidate();
        return rows.size();
    }

    private static AgencyKind kind(Csv.Row row) {
        try {
            return AgencyKind.valueOf(row.require("kind"));
        } catch (IllegalArgumentException e) {
            throw new Csv.CsvException(row.line(), "kind", "unknown agency kind " + row.get("kind"));
        }
    }

    private static LocalDate date(Csv.Row row, String column) {
        String value = row.get(column);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Csv.CsvException(row.line(), column, "not a date (YYYY-MM-DD): " + value);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
