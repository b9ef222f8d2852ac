package vn.childguard.prevention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.childguard.test.Mutations;

/** Broken activity spreadsheets are refused with the module's own error, whatever the damage. */
class ActivitySheetFuzzTests {

    static final String CSV = "date,commune,place,channel,organiser,partners,female_adults,male_adults\n"
            + "2026-05-01,25486,Nhà văn hoá ấp,MEETING,Hội Phụ nữ xã,\"Đoàn, Hội\",10,5\n"
            + "2026-05-02,25489,,RADIO,Đài xã,,,\n";

    @Test
    void noBrokenCsvCrashesTheReader() throws Exception {
        assertThat(Mutations.firstCrash("activity-csv", CSV.getBytes(StandardCharsets.UTF_8), Mutations.RUNS,
                ActivitySheet::read, PreventionException.class::isInstance)).isNull();
    }

    @Test
    void noBrokenWorkbookCrashesTheReader() throws Exception {
        byte[] workbook;
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet();
            String[][] rows = {{"date", "commune", "channel", "organiser", "female_adults"},
                {"2026-05-01", "25486", "MEETING", "Hội Phụ nữ xã", "10"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        assertThat(Mutations.firstCrash("activity-xlsx", workbook, Mutations.RUNS / 5, ActivitySheet::read,
                PreventionException.class::isInstance)).isNull();
    }
}
