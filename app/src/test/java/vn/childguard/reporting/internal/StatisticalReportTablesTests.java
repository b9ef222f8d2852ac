package vn.childguard.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childguard.shared.documents.SpreadsheetTable;

/** Public tables hide small cells and every total that would give them back; sheets total with formulas. */
class StatisticalReportTablesTests {

    static final StatisticalReport.CountTable AGE_SEX = new StatisticalReport.CountTable("t", "Bảng", "Nhóm tuổi",
            List.of("Nam", "Nữ"), List.of("Dưới 16", "16–17"), List.of(List.of(30L, 4L), List.of(25L, 40L)), true);

    @Test
    void smallCellsAndTheTotalsThatWouldRevealThemAreSuppressedInPublicTables() {
        var table = StatisticalReport.table(AGE_SEX, true);
        assertThat(table.rows().get(0)).containsExactly("1", "Dưới 16", "30", "< 11", "x");
        assertThat(table.rows().get(1)).containsExactly("2", "16–17", "25", "40", "65");
        assertThat(table.rows().get(2)).containsExactly("", "Tổng cộng", "55", "x", "x");
        var internal = StatisticalReport.table(AGE_SEX, false);
        assertThat(internal.rows().get(2)).containsExactly("", "Tổng cộng", "55", "44", "99");
    }

    @Test
    void spreadsheetTotalsAreSumFormulasOverTheCellsAbove() {
        SpreadsheetTable sheet = StatisticalReport.sheet(AGE_SEX, "Xuất bởi test");
        assertThat(sheet.rows().get(0).get(3)).isEqualTo(new SpreadsheetTable.Formula("SUM(B4:C4)"));
        assertThat(sheet.rows().get(2).get(1)).isEqualTo(new SpreadsheetTable.Formula("SUM(B4:B5)"));
        assertThat(sheet.title()).contains("Xuất bởi test");
    }

    @Test
    void theChoroplethClassesCoverEveryValueOnce() {
        long max = 37;
        for (long v = 1; v <= max; v++) {
            int k = CommuneMap.classOf(v, max);
            assertThat(v).isBetween(CommuneMap.lowest(k, max), k == 4 ? max : CommuneMap.lowest(k + 1, max) - 1);
        }
        assertThat(CommuneMap.classOf(0, max)).isEqualTo(-1);
    }
}
