package deriv.cli;

import deriv.parse.DerivException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Option;

/** The time limit of a command: the work runs on a thread with a large stack and is abandoned after --timeout. */
public final class Limits {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
        description = "give up after this many seconds (default ${DEFAULT-VALUE})")
    double timeout = 60;

    public <T> T run(Callable<T> work) {
        if (!(timeout > 0)) throw DerivException.general("--timeout must be a number of seconds above 0, not " + fmt(timeout));
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(null, task, "deriv-work", 512L << 20);
        t.setDaemon(true);
        t.start();
        try {
            return task.get((long) (timeout * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw DerivException.general("gave up after " + fmt(timeout) + " s (--timeout); the expression may be too large");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DerivException.general("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    private static String fmt(double s) { return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s); }
}
