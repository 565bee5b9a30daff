package deriv.cli;

import deriv.parse.DerivException;
import deriv.web.WebServer;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves a local web page: type an expression, see every step rendered, check your answer.",
                   "Also a JSON API (POST /api/diff, /api/grad, ...; see docs/web.md).",
                   "Example: deriv serve --port 8080, then open the printed address."})
final class ServeCommand extends BaseCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "port to listen on; 0 for any free port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
        description = "address to bind (default ${DEFAULT-VALUE}: only this computer can connect)")
    String host;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "time limit of one request (default ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--threads", paramLabel = "N", description = "requests handled at once (default: twice the processors, at least 4)")
    Integer threads;

    @Override public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) throw DerivException.general("--port must be from 0 to 65535, got " + port);
        if (!(timeout > 0 && timeout <= 3600)) throw DerivException.general("--timeout must be from 0 to 3600 seconds");
        if (threads != null && (threads < 1 || threads > 256)) throw DerivException.general("--threads must be from 1 to 256");
        WebServer.Options o = WebServer.Options.defaults().withHost(host).withPort(port)
            .withTimeout(Duration.ofMillis((long) (timeout * 1000)));
        if (threads != null) o = o.withThreads(threads);
        WebServer server;
        try {
            server = WebServer.start(o);
        } catch (BindException e) {
            throw DerivException.general("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                + (port != 0 ? " (is another server using it? --port 0 picks a free port)" : ""));
        } catch (IOException e) {
            throw DerivException.general("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        out().println("deriv: serving on " + server.url() + "  (Ctrl+C stops)");
        if (!java.net.InetAddress.getByName(host).isLoopbackAddress()) {
            err().println("warning: listening on " + host + ": other computers can reach this server");
        }
        out().flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.close(); stop.countDown(); }));
        stop.await();
        return 0;
    }
}
