package vn.childguard.prevention.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceAndSheetTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

    @Test
    void evidenceMustBeWhatItSaysAndSmall() {
        assertThat(Campaigns.evidenceProblem(new Campaigns.Evidence("a.png", "image/png", PNG))).isNull();
        assertThat(Campaigns.evidenceProblem(new Campaigns.Evidence("a.pdf", "application/pdf", PNG)))
                .isEqualTo("prevention.error.evidenceType");
        assertThat(Campaigns.evidenceProblem(new Campaigns.Evidence("a.html", "text/html", "<html>".getBytes())))
                .isEqualTo("prevention.error.evidenceType");
        assertThat(Campaigns.evidenceProblem(new Campaigns.Evidence("big.png", "image/png",
                new byte[(int) Campaigns.MAX_EVIDENCE_BYTES + 1]))).isEqualTo("prevention.error.evidenceTooLarge");
    }

    @Test
    void csvRowsKeepTheSpreadsheetsRowNumbers() {
        List<ActivitySheet.SheetRow> rows = ActivitySheet.read(("date,commune,channel,organiser\n"
                + "2026-05-01,25486,MEETING,Xã đoàn\n\n2026-05-02,25489,RADIO,Đài xã\n").getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(ActivitySheet.SheetRow::row).containsExactly(2, 4);
        assertThat(rows.get(1).get("commune")).isEqualTo("25489");
        assertThat(rows.get(1).get("reach")).isNull();
    }

    @Test
    void aSheetWithoutTheRequiredColumnsIsRefusedAtTheHeader() {
        assertThatThrownBy(() -> ActivitySheet.read("date,commune\n2026-05-01,25486\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PreventionException.class, e -> assertThat(e.rowErrors())
                        .extracting(PreventionException.RowError::row).containsExactly(1));
    }
}
