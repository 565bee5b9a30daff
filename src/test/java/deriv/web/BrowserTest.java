package deriv.web;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The page in a real headless Chromium, driven by web-e2e/e2e.mjs (Node and playwright-core):
 * a derivation of the LeakyReLU network by W1, a wrong answer with its counterexample, a pasted
 * LaTeX derivation with its wrong step marked, a parse error with its caret, and markup posted as a
 * variable name and as LaTeX text that must not execute; at laptop and phone widths, with
 * screenshots in the build folder's screenshots/. Skipped, saying why, where Chromium, Node or
 * playwright-core is missing (scripts/ci-install-browser.sh installs them).
 */
class BrowserTest {

    @Test
    void thePageWorksInARealBrowser() throws Exception {
        Path root = Path.of(System.getProperty("user.dir"));
        Path script = root.resolve("web-e2e/e2e.mjs");
        String chromium = System.getenv().getOrDefault("DERIV_CHROMIUM", "/usr/bin/chromium");
        assumeTrue(Files.isExecutable(Path.of(chromium)),
            "skipped: no Chromium at " + chromium + " (apt-get install chromium, or run scripts/ci-install-browser.sh)");
        assumeTrue(onPath("node"), "skipped: no node on the PATH (apt-get install nodejs npm, or run scripts/ci-install-browser.sh)");
        assumeTrue(Files.isDirectory(root.resolve("web-e2e/node_modules/playwright-core")),
            "skipped: playwright-core is not installed (cd web-e2e && npm ci, or run scripts/ci-install-browser.sh)");
        Path shots = buildDir().resolve("screenshots");
        try (WebServer server = WebServer.start(WebServer.Options.defaults().withPort(0))) {
            Process p = new ProcessBuilder("node", script.toString(), server.url().toString(), shots.toString(), chromium)
                .directory(root.resolve("web-e2e").toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            // read on another thread so that a hung browser cannot hold the test past its limit
            StringBuilder out = new StringBuilder();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            boolean done = p.waitFor(240, TimeUnit.SECONDS);
            if (!done) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            reader.join(10_000);
            System.out.print(out);
            assertTrue(done, "the browser test did not finish in 240 s:\n" + out);
            assertEquals(0, p.exitValue(), "browser checks failed:\n" + out);
            assertTrue(out.toString().contains("e2e: all checks passed"), out.toString());
        }
        for (String shot : List.of("laptop-1-derivation.png", "laptop-2-wrong-answer.png", "laptop-3-latex-chain.png",
                                   "phone-1-derivation.png", "phone-3-latex-chain.png")) {
            assertTrue(Files.size(shots.resolve(shot)) > 10_000, shot + " was written");
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** The build folder (target/ or -Dderiv.build's): the parent of test-classes. */
    private static Path buildDir() throws Exception {
        Path classes = Path.of(BrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent();
    }
}
