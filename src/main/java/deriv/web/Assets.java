package deriv.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's files, read from the class path (src/main/resources/deriv/web/). The list is fixed:
 * a request names a path in it or gets 404, so no request reaches the file system.
 */
final class Assets {
    private Assets() {}

    record Asset(byte[] bytes, String contentType) {}

    private static final Map<String, String[]> PATHS = Map.of(
        "/", new String[] {"index.html", "text/html; charset=utf-8"},
        "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
        "/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
        "/style.css", new String[] {"style.css", "text/css; charset=utf-8"},
        "/favicon.svg", new String[] {"favicon.svg", "image/svg+xml"});

    private static final Map<String, Asset> LOADED = load();

    private static Map<String, Asset> load() {
        java.util.HashMap<String, Asset> m = new java.util.HashMap<>();
        for (var e : PATHS.entrySet()) {
            String resource = "/deriv/web/" + e.getValue()[0];
            try (InputStream in = Assets.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing resource " + resource);
                m.put(e.getKey(), new Asset(in.readAllBytes(), e.getValue()[1]));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return Map.copyOf(m);
    }

    /** The asset served at {@code path}, or null. */
    static Asset get(String path) { return LOADED.get(path); }
}
