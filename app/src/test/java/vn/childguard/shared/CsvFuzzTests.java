package vn.childguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.childguard.test.Mutations;

/** Whatever a CSV upload holds, the shared reader answers rows or a {@link Csv.CsvException} with a line. */
class CsvFuzzTests {

    static final String SAMPLE = "\uFEFFcode,name_vi,name_en\r\n25486,\"Phường Trảng Bàng, Tây Ninh\",Trang Bang\r\n"
            + "25489,\"Xã \"\"An Tịnh\"\"\",An Tinh\r\n";

    @Test
    void noBrokenFileCrashesTheReader() throws Exception {
        assertThat(Mutations.firstCrash("csv", SAMPLE.getBytes(StandardCharsets.UTF_8), Mutations.RUNS,
                input -> Csv.read(new ByteArrayInputStream(input), "code"),
                thrown -> thrown instanceof Csv.CsvException e && e.line() >= 0)).isNull();
    }
}
