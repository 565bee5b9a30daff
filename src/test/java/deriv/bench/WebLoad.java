package deriv.bench;

import deriv.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load test of {@code deriv serve} on loopback, bounded in count and time: REQUESTS requests
 * from CLIENTS concurrent clients (Java's HttpClient), a mix of what the page sends (the live
 * preview with its picture, derivations with every step rendered, gradients, plots, checks of a
 * claim and of a chain). Prints requests per second and latency percentiles, overall and per
 * endpoint, and the count of answers that were not 200 (there should be none). Not a test (it
 * times things): run it by hand, see docs/web.md.
 *
 * <pre>java -cp target/test-classes:target/classes:target/lib/* deriv.bench.WebLoad [REQUESTS] [CLIENTS] [URL]</pre>
 * Without URL it starts a server on a free loopback port in this JVM.
 */
public final class WebLoad {
    private WebLoad() {}

    /** Stops issuing requests after this long, whatever the count. */
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private record Call(String endpoint, String body) {}

    private static final List<Call> MIX = List.of(
        new Call("parse", "{\"expr\": \"LeakyReLU(W2*tanh(W1*x+b1)+b2)\", \"latex\": \"auto\", \"svg\": true}"),
        new Call("parse", "{\"expr\": \"\\\\frac{1}{1+e^{-a}}\", \"latex\": \"auto\", \"svg\": true}"),
        new Call("parse", "{\"expr\": \"(y - sigmoid(w*x + b))^2\", \"latex\": \"auto\", \"svg\": true}"),
        new Call("diff", "{\"expr\": \"LeakyReLU(W2*tanh(W1*x+b1)+b2)\", \"wrt\": [\"W1\"], \"steps\": true, \"svg\": true}"),
        new Call("diff", "{\"expr\": \"(y - sigmoid(w*x + b))^2\", \"wrt\": [\"w\"], \"steps\": true, \"svg\": true}"),
        new Call("grad", "{\"expr\": \"LeakyReLU(W2*tanh(W1*x+b1)+b2)\", \"steps\": false}"),
        new Call("plot", "{\"expr\": \"LeakyReLU(W2*tanh(W1*x+b1)+b2)\", \"wrt\": [\"W1\"], \"points\": 301}"),
        new Call("codegen", "{\"expr\": \"LeakyReLU(W2*tanh(W1*x+b1)+b2)\", \"wrt\": [\"W1\", \"b1\"], \"lang\": \"python\"}"),
        new Call("check", "{\"expr\": \"LeakyReLU(W2*tanh(W1*x+b1)+b2)\", \"claim\": \"W2*(1 - tanh(W1*x+b1)^2)\", \"wrt\": [\"W1\"]}"),
        new Call("check", "{\"chain\": \"$$\\\\frac{\\\\partial}{\\\\partial a}\\\\frac{1}{1+e^{-a}} = -\\\\left(1+e^{-a}\\\\right)^{-2} \\\\cdot -e^{-a}"
            + " = \\\\frac{e^{-a}}{(1+e^{-a})^{2}}$$\", \"latex\": \"auto\"}"));

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        WebServer own = args.length > 2 ? null : WebServer.start(WebServer.Options.defaults().withPort(0));
        URI base = own != null ? own.url() : URI.create(args[2]);
        try {
            run(base, requests, clients);
        } finally {
            if (own != null) own.close();
        }
    }

    private static void run(URI base, int requests, int clients) throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(4, r -> Thread.ofPlatform().daemon().unstarted(r));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(io).build();
        // warm up: every call a few times, so that the figures are of a warm server
        for (int i = 0; i < 3; i++) for (Call c : MIX) send(client, base, c);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Long>> byEndpoint = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    Call c = MIX.get(i % MIX.size());
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = send(client, base, c).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long ns = System.nanoTime() - t0;
                    if (status != 200) {
                        failed.incrementAndGet();
                        if (failures.size() < 5) failures.add(c.endpoint() + " -> " + status);
                    }
                    all.add(ns);
                    byEndpoint.computeIfAbsent(c.endpoint(), k -> new ConcurrentLinkedQueue<>()).add(ns);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(LIMIT.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        System.out.printf("deriv serve load test: %d requests, %d concurrent clients, %.2f s, %d cores%n",
            all.size(), clients, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("throughput: %.0f requests/s; not 200: %d%s%n", all.size() / seconds, failed.get(),
            failures.isEmpty() ? "" : " " + failures);
        // CPU per request does not depend on what else the machine runs: cores * 1000 / it bounds the throughput
        System.out.printf("CPU time of this JVM (server and clients): %.1f ms per request; system load average %.1f%n",
            cpuMs / all.size(), os.getSystemLoadAverage());
        System.out.println("endpoint    count   p50 ms   p90 ms   p99 ms   max ms");
        line("all", all);
        for (var e : new TreeMap<>(byEndpoint).entrySet()) line(e.getKey(), e.getValue());
        io.shutdownNow();
    }

    private static HttpResponse<byte[]> send(HttpClient client, URI base, Call c) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/" + c.endpoint())).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(c.body())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void line(String name, ConcurrentLinkedQueue<Long> q) {
        long[] ns = q.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(ns);
        System.out.printf("%-10s %6d %8.1f %8.1f %8.1f %8.1f%n", name, ns.length, pct(ns, 50), pct(ns, 90), pct(ns, 99), ns[ns.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
