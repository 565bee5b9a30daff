package deriv.codegen;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** External compilers and interpreters for the emitted code: found on PATH, run with a time limit. */
final class Toolchains {
    private Toolchains() {}

    record Result(int exit, String out, String err) {}

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) return true;
        }
        return false;
    }

    private static Boolean numpy;

    /** python3 with NumPy importable. */
    static synchronized boolean pythonWithNumpy() {
        if (numpy == null) {
            numpy = onPath("python3") && run(Path.of("."), List.of("python3", "-c", "import numpy")).exit() == 0;
        }
        return numpy;
    }

    /** The java launcher of the running JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static Result run(Path dir, List<String> command) {
        try {
            Path out = Files.createTempFile("deriv-out", ".txt"), err = Files.createTempFile("deriv-err", ".txt");
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs and fails the test with the command's error output when it does not exit 0. */
    static String check(Path dir, String... command) {
        Result r = run(dir, List.of(command));
        if (r.exit() != 0) throw new AssertionError(String.join(" ", command) + " exited " + r.exit() + ":\n" + r.err() + r.out());
        return r.out();
    }

    /** A double printed by Python's repr, C's %.17g or Java. */
    static double parse(String s) {
        return switch (s.strip().toLowerCase()) {
            case "nan", "-nan" -> Double.NaN;
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s.strip());
        };
    }
}
