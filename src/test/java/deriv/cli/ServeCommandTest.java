package deriv.cli;

import static org.junit.jupiter.api.Assertions.*;

import deriv.web.WebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code deriv serve}'s refusals (a running server is tested in deriv.web). */
class ServeCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void badOptionsExit2WithOneMessage() {
        String[] r = run("serve", "--port", "70000");
        assertEquals("2", r[0]);
        assertEquals("error: --port must be from 0 to 65535, got 70000", r[2].strip());
        r = run("serve", "--timeout", "0");
        assertEquals("2", r[0]);
        assertEquals("error: --timeout must be from 0 to 3600 seconds", r[2].strip());
        r = run("serve", "--threads", "0");
        assertEquals("2", r[0]);
    }

    @Test
    void aPortInUseIsReportedNotThrown() throws Exception {
        try (WebServer busy = WebServer.start(WebServer.Options.defaults().withPort(0))) {
            String[] r = run("serve", "--port", String.valueOf(busy.port()));
            assertEquals("2", r[0]);
            assertTrue(r[2].startsWith("error: cannot listen on 127.0.0.1:" + busy.port()), r[2]);
            assertFalse(r[2].contains("Exception"), r[2]);
        }
    }
}
