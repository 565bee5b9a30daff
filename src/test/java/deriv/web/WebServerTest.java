package deriv.web;

import static org.junit.jupiter.api.Assertions.*;

import deriv.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API over real HTTP on a loopback port: shapes, errors with positions, limits, hostile input, concurrency. */
class WebServerTest {
    static WebServer server;
    static HttpClient client;
    static final String NET = "LeakyReLU(W2*tanh(W1*x+b1)+b2)";

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.start(WebServer.Options.defaults().withPort(0));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() { server.close(); }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> postBytes(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) {
        return (Map<String, Object>) JsonReader.parse(r.body());
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, "deriv " + String.join(" ", args));
        return out.toString();
    }

    // ------------------------------------------------------------------------------- shapes

    @Test
    void diffAnswersWhatTheCommandLinePrints() throws Exception {
        var r = post("/api/diff", "{\"expr\": \"" + NET + "\", \"wrt\": [\"W1\"], \"order\": 1, \"latex\": false}");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> web = json(r);
        @SuppressWarnings("unchecked")
        Map<String, Object> cli = (Map<String, Object>) JsonReader.parse(cli("diff", NET, "--wrt", "W1", "--format", "json", "--steps"));
        for (String k : List.of("input", "wrt", "result", "nodes")) assertEquals(cli.get(k), web.get(k), k);
        assertSameSteps(cli.get("steps"), web.get("steps"));
        assertTrue(((String) web.get("result")).contains("x"), "d/dW1 has the inner factor x");
    }

    @SuppressWarnings("unchecked")
    private static void assertSameSteps(Object cli, Object web) {
        List<Object> a = (List<Object>) cli, b = (List<Object>) web;
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            Map<String, Object> x = (Map<String, Object>) a.get(i), y = (Map<String, Object>) b.get(i);
            for (String k : List.of("rule", "before", "after", "note")) assertEquals(x.get(k), y.get(k), k);
            assertSameSteps(x.get("substeps"), y.get("substeps"));
        }
    }

    @Test
    void diffOfHigherOrderAndAtAPoint() throws Exception {
        Map<String, Object> m = json(post("/api/diff", "{\"expr\": \"x^3\", \"wrt\": \"x\", \"order\": 2, \"at\": {\"x\": 2}}"));
        assertEquals(List.of("x", "x"), m.get("wrt"));
        assertEquals(12.0, (Double) m.get("value"), 1e-12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradGivesEveryPartial() throws Exception {
        Map<String, Object> m = json(post("/api/grad", "{\"expr\": \"x*y^2\"}"));
        assertEquals(List.of("x", "y"), m.get("wrt"));
        Map<String, Object> g = (Map<String, Object>) m.get("gradient");
        Map<String, Object> cliJson = (Map<String, Object>) JsonReader.parse(cli("grad", "x*y^2", "--format", "json"));
        assertEquals(cliJson.get("gradient"), g);
        assertTrue(((Map<String, Object>) m.get("latex")).containsKey("y"));
    }

    @Test
    void simplifyAnswers() throws Exception {
        var r = post("/api/simplify", "{\"expr\": \"x*x + 0\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertNotNull(json(r).get("result"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkFindsAWrongClaimWithACounterexample() throws Exception {
        Map<String, Object> bad = json(post("/api/check",
            "{\"expr\": \"" + NET + "\", \"claim\": \"W2*(1 - tanh(W1*x+b1)^2)\", \"wrt\": [\"W1\"]}"));
        assertEquals(false, bad.get("valid"));
        Map<String, Object> ce = (Map<String, Object>) bad.get("counterexample");
        assertNotNull(ce);
        assertNotEquals(ce.get("expected"), ce.get("claimed"));
        Map<String, Object> good = json(post("/api/check", "{\"expr\": \"x^2*sin(x)\", \"claim\": \"2*x*sin(x) + x^2*cos(x)\", \"wrt\": \"x\"}"));
        assertEquals(true, good.get("valid"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkMarksTheWrongStepOfAChain() throws Exception {
        Map<String, Object> m = json(post("/api/check", "{\"chain\": \"diff(x^2*x, x)\\n diff(x^3, x)\\n 3*x\\n\"}"));
        assertEquals(false, m.get("valid"));
        List<Object> steps = (List<Object>) m.get("steps");
        assertEquals(true, ((Map<String, Object>) steps.get(0)).get("valid"));
        assertEquals(false, ((Map<String, Object>) steps.get(1)).get("valid"));
        assertNotNull(((Map<String, Object>) steps.get(1)).get("counterexample"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkReadsALatexDerivation() throws Exception {
        String tex = "$$\\\\frac{\\\\partial}{\\\\partial a} a^{3} = 3 a^{2} = 3a$$";
        var r = post("/api/check", "{\"chain\": \"" + tex + "\", \"latex\": \"auto\"}");
        assertEquals(200, r.statusCode(), r.body());
        List<Object> steps = (List<Object>) json(r).get("steps");
        assertEquals(2, steps.size());
        assertEquals(true, ((Map<String, Object>) steps.get(0)).get("valid"));
        assertEquals(false, ((Map<String, Object>) steps.get(1)).get("valid"));
    }

    @Test
    void codegenEmitsEachLanguage() throws Exception {
        Map<String, Object> py = json(post("/api/codegen", "{\"expr\": \"" + NET + "\", \"wrt\": [\"W1\", \"b1\"], \"lang\": \"python\"}"));
        assertTrue(((String) py.get("code")).contains("def grad_f("), (String) py.get("code"));
        Map<String, Object> c = json(post("/api/codegen", "{\"expr\": \"x^2\", \"lang\": \"c\"}"));
        assertTrue(((String) c.get("code")).contains("double f("));
        Map<String, Object> java = json(post("/api/codegen", "{\"expr\": \"x^2\", \"lang\": \"java\"}"));
        assertTrue(((String) java.get("code")).contains("class Gen"));
        assertEquals(400, post("/api/codegen", "{\"expr\": \"x^2\", \"lang\": \"cobol\"}").statusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void plotSamplesTheFunctionAndItsDerivative() throws Exception {
        Map<String, Object> m = json(post("/api/plot", "{\"expr\": \"a*sin(x)\", \"wrt\": [\"x\"], \"from\": -1, \"to\": 2, \"points\": 301, \"at\": {\"a\": 3}}"));
        List<Object> xs = (List<Object>) m.get("x"), f = (List<Object>) m.get("f"), df = (List<Object>) m.get("df");
        assertEquals(301, xs.size());
        for (int i = 1; i < 300; i++) {
            double x = (Double) xs.get(i);
            assertEquals(3 * Math.sin(x), (Double) f.get(i), 1e-12);
            // central differences of the returned samples agree with the returned derivative
            double h = (Double) xs.get(i + 1) - (Double) xs.get(i - 1);
            double fd = ((Double) f.get(i + 1) - (Double) f.get(i - 1)) / h;
            assertEquals(fd, (Double) df.get(i), 1e-3);
        }
        Map<String, Object> log = json(post("/api/plot", "{\"expr\": \"ln(x)\", \"from\": -1, \"to\": 1, \"points\": 3}"));
        assertNull(((List<Object>) log.get("f")).get(0), "undefined values are null");
    }

    @Test
    @SuppressWarnings("unchecked")
    void parseGivesThePreview() throws Exception {
        Map<String, Object> m = json(post("/api/parse", "{\"expr\": \"m := W1*x + b1\\ntanh(m)*W2\"}"));
        assertEquals(List.of("W1", "x", "b1", "W2"), m.get("variables"));
        assertEquals(List.of("m"), m.get("definitions"));
        assertEquals("plain", m.get("format"));
        assertTrue(((String) m.get("latex")).contains("\\tanh"), (String) m.get("latex"));
        Map<String, Object> tex = json(post("/api/parse", "{\"expr\": \"\\\\frac{1}{1+e^{-a}}\", \"latex\": \"auto\"}"));
        assertEquals("latex", tex.get("format"));
        assertEquals(List.of("a"), tex.get("variables"));
    }

    @Test
    void renderGivesPictures() throws Exception {
        String base = "{\"expr\": \"" + NET + "\", \"wrt\": [\"W1\"], \"what\": \"derivation\", \"format\": ";
        var svg = postBytes("/api/render", base + "\"svg\"}");
        if (svg.statusCode() == 501) return; // the renderer is not in this build
        assertEquals(200, svg.statusCode(), new String(svg.body(), StandardCharsets.UTF_8));
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(svg.body(), StandardCharsets.UTF_8).contains("<svg"));
        var png = postBytes("/api/render", base + "\"png\"}");
        assertEquals(200, png.statusCode());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png.body(), 4));
        var pdf = postBytes("/api/render", base + "\"pdf\"}");
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        var marked = postBytes("/api/render", "{\"what\": \"check\", \"chain\": \"diff(x^3, x)\\n3*x\", \"format\": \"png\"}");
        assertEquals(200, marked.statusCode());
        assertEquals("checked-derivation.png", marked.headers().firstValue("Content-Disposition").orElse("").replaceAll(".*filename=\"(.*)\"", "$1"));
    }

    // ------------------------------------------------------------------------------- errors

    @Test
    void parseErrorsCarryTheirPosition() throws Exception {
        var r = post("/api/diff", "{\"expr\": \"W1*x +* b1\", \"wrt\": [\"W1\"]}");
        assertEquals(400, r.statusCode());
        Map<String, Object> e = json(r);
        assertTrue(((String) e.get("error")).startsWith("unexpected '*'"), (String) e.get("error"));
        assertEquals(1.0, e.get("line"));
        assertEquals(7.0, e.get("column"));
        assertEquals("expr", e.get("field"));
        Map<String, Object> second = json(post("/api/parse", "{\"expr\": \"m := x + 1\\nm +* 2\"}"));
        assertEquals(2.0, second.get("line"));
        assertEquals(4.0, second.get("column"));
        Map<String, Object> claim = json(post("/api/check", "{\"expr\": \"x^2\", \"claim\": \"2*x)\", \"wrt\": \"x\"}"));
        assertEquals("claim", claim.get("field"));
        assertEquals(4.0, claim.get("column"));
    }

    @Test
    void badRequestsAnswer4xxJson() throws Exception {
        var badJson = post("/api/diff", "{\"expr\": \"x\",\n \"wrt\": [\"x\",]}");
        assertEquals(400, badJson.statusCode());
        Map<String, Object> e = json(badJson);
        assertTrue(((String) e.get("error")).startsWith("bad JSON"), (String) e.get("error"));
        assertEquals(2.0, e.get("line"));
        assertEquals(400, post("/api/diff", "[1, 2]").statusCode());
        assertEquals(400, post("/api/diff", "{\"expr\": \"x\"}").statusCode(), "wrt is required");
        assertEquals(400, post("/api/diff", "{\"expr\": 3, \"wrt\": \"x\"}").statusCode());
        assertEquals(400, post("/api/diff", "{\"expr\": \"x\", \"wrt\": \"x\", \"order\": 1.5}").statusCode());
        assertEquals(400, post("/api/diff", "{\"expr\": \"x\", \"wrt\": \"x\", \"order\": 11}").statusCode());
        assertEquals(400, post("/api/diff", "{\"expr\": \"x*y\", \"wrt\": \"x\", \"at\": {\"x\": 1}}").statusCode(), "y has no value");
        assertEquals(404, post("/api/nothing", "{}").statusCode());
        var get = client.send(HttpRequest.newBuilder(server.url().resolve("/api/diff")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals(0.0, json(get).get("line"));
        var text = client.send(HttpRequest.newBuilder(server.url().resolve("/api/diff")).header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("{\"expr\": \"x\", \"wrt\": \"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, text.statusCode(), "a simple (CORS-free) content type is refused");
    }

    @Test
    void bodiesAndExpressionsAreLimited() throws Exception {
        String big = "x+".repeat(200_000) + "x";
        assertEquals(413, post("/api/parse", "{\"expr\": \"" + big + "\"}").statusCode());
        String longExpr = "x+".repeat(60_000) + "x";
        var r = post("/api/parse", "{\"expr\": \"" + longExpr + "\"}");
        assertEquals(413, r.statusCode());
        assertEquals("expr", json(r).get("field"));
        String deep = "[".repeat(100) + "]".repeat(100);
        assertEquals(400, post("/api/parse", deep).statusCode());
    }

    @Test
    void noFileSystemAccess() throws Exception {
        for (String p : List.of("/pom.xml", "/../pom.xml", "/%2e%2e/pom.xml", "/deriv/web/app.js", "/src/main/resources/deriv/web/app.js",
                                "/etc/passwd", "/app.js/../../pom.xml", "/index.html%00.txt")) {
            var r = client.send(HttpRequest.newBuilder(server.url().resolve(p)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), p);
        }
        for (String p : List.of("/", "/app.js", "/style.css", "/favicon.svg")) {
            var r = client.send(HttpRequest.newBuilder(server.url().resolve(p)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), p);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        var page = client.send(HttpRequest.newBuilder(server.url()).build(), HttpResponse.BodyHandlers.ofString());
        var error = post("/api/diff", "{}");
        for (var r : List.of(page, error)) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        assertFalse(page.body().contains("<script>"), "no inline script in the page");
        assertFalse(page.body().contains("style="), "no inline style in the page");
        assertFalse(page.body().contains("http"), "no external resource in the page");
    }

    @Test
    void aForeignHostNameIsRefused() throws Exception {
        // DNS rebinding: a page on another site that resolves its name to 127.0.0.1 sends its own Host
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            String body = "{\"expr\": \"x\"}";
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/parse HTTP/1.1\r\nHost: attacker.example:" + server.port() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            assertTrue(all.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 403"), all.toString(StandardCharsets.US_ASCII));
        }
    }

    // ------------------------------------------------------------------------------- hostile text

    @Test
    void markupPostedAsAVariableNameComesBackInert() throws Exception {
        var r = post("/api/diff", "{\"expr\": \"x^2\", \"wrt\": [\"<script>alert(1)</script>\"]}");
        assertEquals(400, r.statusCode());
        assertFalse(r.body().contains("<"), "every '<' is escaped in JSON: " + r.body());
        assertTrue(((String) json(r).get("error")).contains("<script>alert(1)</script>"), "the text itself is kept, for textContent");
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void markupInLatexTextComesBackInert() throws Exception {
        String tex = "\\\\text{<script>alert(1)</script>} + x^{2}";
        for (String ep : List.of("/api/parse", "/api/diff")) {
            var r = post(ep, "{\"expr\": \"" + tex + "\", \"latex\": true, \"wrt\": [\"x\"], \"svg\": true}");
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r.body());
            assertFalse(r.body().contains("<"), "every '<' is escaped in JSON: " + r.body());
            assertFalse(r.body().toLowerCase().contains("\\u003cscript"), "no script element anywhere, even inside an SVG");
        }
        var svg = postBytes("/api/render", "{\"expr\": \"" + tex + "\", \"latex\": true, \"format\": \"svg\"}");
        assertFalse(new String(svg.body(), StandardCharsets.UTF_8).contains("<script"));
    }

    // ------------------------------------------------------------------------------- concurrency and time

    @Test
    @SuppressWarnings("unchecked")
    void concurrentRequestsGetTheirOwnAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int k = 3; k < 67; k++) {
                int n = k;
                answers.add(pool.submit((Callable<String>) () ->
                    (String) json(post("/api/diff", "{\"expr\": \"x^" + n + "\", \"wrt\": [\"x\"], \"steps\": false}")).get("result")));
            }
            for (int k = 3; k < 67; k++) assertEquals(k + "*x^" + (k - 1), answers.get(k - 3).get().replace(" ", ""), "x^" + k);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void slowWorkIsAbandonedAtTheTimeLimit() throws Exception {
        WebServer.Endpoints slow = (endpoint, json) -> {
            if (endpoint.equals("diff")) {
                try { Thread.sleep(30_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            return new Api().handle(endpoint, json);
        };
        try (WebServer s = WebServer.start(WebServer.Options.defaults().withPort(0).withTimeout(Duration.ofMillis(300)), slow)) {
            HttpRequest slowReq = HttpRequest.newBuilder(s.url().resolve("/api/diff")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"expr\": \"x\", \"wrt\": \"x\"}")).build();
            var r = client.send(slowReq, HttpResponse.BodyHandlers.ofString());
            assertEquals(422, r.statusCode());
            assertTrue(r.body().contains("gave up after"), r.body());
            HttpRequest fast = HttpRequest.newBuilder(s.url().resolve("/api/parse")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"expr\": \"x\"}")).build();
            assertEquals(200, client.send(fast, HttpResponse.BodyHandlers.ofString()).statusCode(), "the server still answers");
        }
    }

    @Test
    void theUrlIsLoopback() {
        URI u = server.url();
        assertEquals("127.0.0.1", u.getHost());
        assertTrue(u.getPort() > 0);
    }
}
