package vn.childguard.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    static List<Csv.Row> read(String text, String... required) throws IOException {
        return Csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), required);
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndNewlines() throws IOException {
        var rows = read("code,name\r\n1,\"Sở Văn hóa, Thể thao\"\n2,\"say \"\"hi\"\"\nthere\"\n", "code");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name")).isEqualTo("Sở Văn hóa, Thể thao");
        assertThat(rows.get(1).get("name")).isEqualTo("say \"hi\"\nthere");
    }

    @Test
    void columnsMayComeInAnyOrderAndExtraColumnsAreIgnored() throws IOException {
        var rows = read("extra,NAME,code\nx,Tây Ninh,80\n", "code", "name");
        assertThat(rows.getFirst().require("code")).isEqualTo("80");
        assertThat(rows.getFirst().get("name")).isEqualTo("Tây Ninh");
    }

    @Test
    void normalisesDecomposedTextToNfc() throws IOException {
        var rows = read("name\nTa\u0302y Ninh\n");
        assertThat(rows.getFirst().get("name")).isEqualTo("Tây Ninh");
    }

    @Test
    void namesTheMissingColumn() {
        assertThatThrownBy(() -> read("code\n1\n", "code", "name"))
                .isInstanceOf(Csv.CsvException.class).hasMessageContaining("line 1, column name");
    }

    @Test
    void namesTheLineOfAnUnclosedQuote() {
        assertThatThrownBy(() -> read("code,name\n1,ok\n2,\"broken\n"))
                .isInstanceOf(Csv.CsvException.class).hasMessageContaining("line 3").hasMessageContaining("unclosed quote");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = "code\nT\u00e2y\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Csv.read(new ByteArrayInputStream(latin1)))
                .isInstanceOf(Csv.CsvException.class).hasMessageContaining("UTF-8");
    }
}
