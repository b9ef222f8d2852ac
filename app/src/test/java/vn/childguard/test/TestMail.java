package vn.childguard.test;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server of the full-stack tests: GreenMail on the fixed port that application-test.yaml
 * names in {@code spring.mail.port}, so the one shared Spring context can reach it. Register it
 * statically in the test class that reads mail; while no class runs it, sending fails fast.
 */
public final class TestMail {

    public static final int PORT = 13025;

    private TestMail() {
    }

    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }
}
