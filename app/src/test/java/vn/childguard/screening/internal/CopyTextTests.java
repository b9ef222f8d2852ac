package vn.childguard.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PostgreSQL's COPY text format: a value with a backslash, tab or line break must not shift the columns. */
class CopyTextTests {

    @Test
    void backslashTabAndLineBreaksAreEscapedAndEverythingElseKept() {
        StringBuilder out = new StringBuilder();
        RecordStore.escape(out, "Nguyễn\\Văn\tHùng\r\nC1234567");
        assertThat(out).hasToString("Nguyễn\\\\Văn\\tHùng\\r\\nC1234567");
    }
}
