package vn.childguard.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childguard.test.Mutations;

/** Broken travel-record files end the read with a {@link RowSource.FileProblem} naming a line, never with a crash. */
class RowSourceFuzzTests {

    static final String CSV = "record_id,full_name,birth_date,sex,document_number,nationality,travel_date,direction,"
            + "border_gate,destination_country,transit_countries,booking_ref,travel_purpose,visa_type\n"
            + "R1,Lê Văn Bình,1990-01-01,M,C0000001,VN,2026-11-28,EXIT,MOC_BAI,KH,,BK1,TOURISM,\n"
            + "R2,\"Nguyễn Thị \"\"Lan\"\"\",2011-02-03,F,C0000002,VN,2026-11-28,EXIT,SGN,RU,AE;TR,BK2,TOURISM,TOURIST\n";

    static final RowSource.Handler COUNTING = new RowSource.Handler() {
        @Override
        public void header(List<String> columns) {
            assertThat(columns).isNotNull();
        }

        @Override
        public boolean row(int line, List<String> values) {
            assertThat(line).isPositive();
            return true;
        }
    };

    static boolean refusedWithALine(Throwable thrown) {
        return thrown instanceof RowSource.FileProblem problem && problem.error().line() >= 1
                && problem.error().messageKey().startsWith("screening.error.");
    }

    @Test
    void noBrokenCsvCrashesTheReader() throws Exception {
        assertThat(Mutations.firstCrash("screening-csv", CSV.getBytes(StandardCharsets.UTF_8), Mutations.RUNS,
                input -> RowSource.readCsv(new ByteArrayInputStream(input), COUNTING),
                RowSourceFuzzTests::refusedWithALine)).isNull();
    }

    @Test
    void noBrokenWorkbookCrashesTheReader(@TempDir Path dir) throws Exception {
        byte[] workbook;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet();
            List<String> lines = CSV.lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                var row = sheet.createRow(r);
                String[] cells = lines.get(r).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        Path file = dir.resolve("records.xlsx");
        assertThat(Mutations.firstCrash("screening-xlsx", workbook, Mutations.RUNS / 5, input -> {
            Files.write(file, input);
            RowSource.readXlsx(file, COUNTING);
        }, RowSourceFuzzTests::refusedWithALine)).isNull();
    }
}
