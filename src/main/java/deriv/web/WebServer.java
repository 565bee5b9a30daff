package deriv.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import deriv.cli.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code deriv serve}: the page and the JSON API over the JDK's built-in HTTP server
 * ({@code com.sun.net.httpserver}: no dependency, and enough for one student's browser and a class).
 *
 * <p>Requests are read on a bounded pool of connection threads; the mathematics of each runs on a
 * bounded pool of workers (large stacks, as the command line's) and is abandoned after the time
 * limit. Bodies are capped; assets come from a fixed list on the class path; every answer carries
 * a Content-Security-Policy that allows only the page's own script and style files.
 */
public final class WebServer implements AutoCloseable {

    /**
     * @param host        address to bind (loopback unless told otherwise)
     * @param port        port, 0 for any free one
     * @param threads     connection threads (and the number of requests computed at once)
     * @param timeout     time limit of one request's computation
     * @param maxBody     largest request body in bytes
     */
    public record Options(String host, int port, int threads, Duration timeout, int maxBody) {
        public static Options defaults() {
            return new Options("127.0.0.1", 8080, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(10), 256 * 1024);
        }

        public Options withPort(int p) { return new Options(host, p, threads, timeout, maxBody); }

        public Options withHost(String h) { return new Options(h, port, threads, timeout, maxBody); }

        public Options withTimeout(Duration t) { return new Options(host, port, threads, t, maxBody); }

        public Options withMaxBody(int b) { return new Options(host, port, threads, timeout, b); }

        public Options withThreads(int n) { return new Options(host, port, n, timeout, maxBody); }
    }

    /** Allows only the page's own files: no inline script or style, no other origin, no framing. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final int QUEUE = 256;

    private final HttpServer server;
    private final ThreadPoolExecutor connections;
    private final ThreadPoolExecutor workers;
    private final Options options;
    private final boolean loopback;
    private final Endpoints endpoints;

    /** What answers {@code POST /api/NAME}: {@link Api#handle} (tests substitute slow ones). */
    @FunctionalInterface
    interface Endpoints {
        Api.Reply handle(String endpoint, Object json);
    }

    private WebServer(Options options, Endpoints endpoints) throws IOException {
        this.options = options;
        this.endpoints = endpoints;
        InetAddress address = InetAddress.getByName(options.host());
        this.loopback = address.isLoopbackAddress();
        // slow or stalled clients are dropped instead of holding a thread forever
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "30");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "60");
        this.server = HttpServer.create(new InetSocketAddress(address, options.port()), 128);
        this.connections = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4 * QUEUE), threads("deriv-http", 0), new ThreadPoolExecutor.AbortPolicy());
        this.workers = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), threads("deriv-work", 256L << 20), new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(connections);
        server.createContext("/", this::exchange);
    }

    /** Binds and starts serving; the returned server runs until {@link #close()}. */
    public static WebServer start(Options options) throws IOException {
        return start(options, new Api()::handle);
    }

    static WebServer start(Options options, Endpoints endpoints) throws IOException {
        WebServer s = new WebServer(options, endpoints);
        s.server.start();
        return s;
    }

    /** The bound port (useful with port 0). */
    public int port() { return server.getAddress().getPort(); }

    /** The page's address. */
    public URI url() {
        String h = options.host();
        if (h.equals("0.0.0.0") || h.equals("::")) h = "127.0.0.1";
        if (h.contains(":")) h = "[" + h + "]";
        return URI.create("http://" + h + ":" + port() + "/");
    }

    @Override public void close() {
        server.stop(0);
        workers.shutdownNow();
        connections.shutdownNow();
    }

    private static ThreadFactory threads(String name, long stack) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), stack);
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------------------------- requests

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            Headers h = ex.getResponseHeaders();
            h.set("Content-Security-Policy", CSP);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            h.set("Cross-Origin-Resource-Policy", "same-origin");
            try {
                route(ex);
            } catch (ApiException e) {
                sendJson(ex, e.status(), e.body());
            } catch (RuntimeException e) {
                sendJson(ex, 500, Map.of("error", "internal error: " + e, "line", 0, "column", 0));
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    private void route(HttpExchange ex) throws IOException {
        checkHost(ex);
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        if (path.startsWith("/api/")) {
            String endpoint = path.substring("/api/".length());
            if (!Api.ENDPOINTS.contains(endpoint)) throw new ApiException(404, "no such endpoint: /api/" + clip(endpoint));
            if (!method.equals("POST")) {
                ex.getResponseHeaders().set("Allow", "POST");
                throw new ApiException(405, "use POST with a JSON body for /api/" + endpoint);
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            // a JSON content type also makes cross-site posts need a CORS preflight, which is never granted
            if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
                throw new ApiException(415, "send the body as Content-Type: application/json");
            }
            String body = readBody(ex);
            Object json;
            try {
                json = JsonReader.parse(body);
            } catch (JsonReader.Error e) {
                throw new ApiException(400, "bad JSON: " + e.getMessage(), e.line, e.column, "body", null);
            }
            Api.Reply reply = compute(endpoint, json);
            switch (reply) {
                case Api.JsonReply j -> sendJson(ex, 200, j.body());
                case Api.BytesReply b -> {
                    ex.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + b.filename() + "\"");
                    send(ex, 200, b.contentType(), b.bytes());
                }
            }
            return;
        }
        Assets.Asset a = Assets.get(path);
        if (a == null) throw new ApiException(404, "not found");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            throw new ApiException(405, "use GET");
        }
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        if (method.equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Type", a.contentType());
            ex.sendResponseHeaders(200, -1);
            return;
        }
        send(ex, 200, a.contentType(), a.bytes());
    }

    /** On loopback, only loopback names are accepted in Host: a page elsewhere cannot rebind a name to us. */
    private void checkHost(HttpExchange ex) {
        if (!loopback) return;
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) return;
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
            : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        name = name.toLowerCase(Locale.ROOT);
        if (!(name.equals("localhost") || name.equals("[::1]") || name.startsWith("127."))) {
            throw new ApiException(403, "this server answers only requests addressed to localhost");
        }
    }

    private String readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > options.maxBody()) throw tooLarge();
            } catch (NumberFormatException e) {
                throw new ApiException(400, "bad Content-Length");
            }
        }
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(options.maxBody() + 1);
        }
        if (bytes.length > options.maxBody()) throw tooLarge();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "the body is not valid UTF-8");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "the request body is larger than " + options.maxBody() + " bytes");
    }

    /** Runs the endpoint on a worker and waits at most the time limit. */
    private Api.Reply compute(String endpoint, Object json) {
        Future<Api.Reply> f;
        try {
            f = workers.submit(() -> endpoints.handle(endpoint, json));
        } catch (RejectedExecutionException e) {
            throw new ApiException(429, "the server is busy; try again in a moment");
        }
        long ms = options.timeout().toMillis();
        try {
            return f.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiException(422, "gave up after " + ms / 1000.0 + " s; the expression may be too large");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the server is stopping");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ApiException a) throw a;
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof StackOverflowError || c instanceof OutOfMemoryError) {
                throw new ApiException(422, "the computation ran out of memory or stack (the expression is too large)");
            }
            throw new IllegalStateException(c);
        }
    }

    private static void sendJson(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, "application/json; charset=utf-8", Json.compact(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String clip(String s) { return s.length() > 60 ? s.substring(0, 60) + "..." : s; }
}
