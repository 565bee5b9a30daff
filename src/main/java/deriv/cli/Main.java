package deriv.cli;

import deriv.parse.DerivException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: subcommands over the library, one diagnostic per bad input, documented exit codes. */
@Command(name = "deriv", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Symbolic differentiation with step-by-step derivations, for deriving gradients by hand.",
    subcommands = {EvalCommand.class, DiffCommand.class, GradCommand.class, BenchCommand.class, FitCommand.class, SimplifyCommand.class, CheckCommand.class, ServeCommand.class, CodegenCommand.class, GradcheckCommand.class, RenderCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (for check: the claim holds)", "1:a verdict of \"not equal\" or a failed numeric check",
                    "2:bad input or usage (the message says what and where)"},
    footerHeading = "%nLimits:%n",
    footer = {"input at most 1,000,000 characters (files at most 4,000,000 bytes); nesting at most 1,000 levels;",
              "a derivative at most 2,000,000 tree nodes; --order at most 100; output at most 10,000,000",
              "characters (nothing is printed past it); each command gives up after --timeout seconds (default 60).",
              "See README.md for the language reference."})
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    @Option(names = "--debug", description = "print stack traces of internal errors", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see deriv --help)");
    }

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs deriv with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, OutputLimit.MAX_CHARS);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with standard output limited to maxOutput characters. */
    static int run(String[] args, PrintWriter realOut, PrintWriter err, long maxOutput) {
        OutputLimit limited = new OutputLimit(realOut, maxOutput);
        PrintWriter out = new PrintWriter(limited);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // "-2^2" and "-x" are expressions, not options
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof DerivException d) {
                err.println(d.diagnostic().render());
                if (debug) ex.printStackTrace(err);
                return 2;
            }
            err.println("error: internal error: " + ex);
            err.println("please report this with the command you ran; --debug shows the details");
            if (debug) ex.printStackTrace(err);
            return 3;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine sub = ex.getCommandLine();
            err.println("error: " + usageMessage(ex, sub == cl));
            err.println("usage: " + sub.getCommandSpec().qualifiedName() + " --help for the options");
            return 2;
        });
        try {
            int code = cl.execute(args);
            out.flush();
            if (limited.over()) {
                err.println("error: " + limited.message());
                return 2;
            }
            return code;
        } catch (OutOfMemoryError | StackOverflowError ex) {
            err.println("error: the computation ran out of memory or stack (the expression is too large)");
            if (debug) ex.printStackTrace(err);
            return 2;
        } finally {
            out.flush();
            realOut.flush();
            err.flush();
        }
    }

    /** picocli's message, in the style of the others: lower case, and naming the first unknown word alone. */
    private static String usageMessage(CommandLine.ParameterException ex, boolean topLevel) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-")) return "unknown option '" + first + "'";
            return topLevel ? "unknown command '" + first + "'" : "unexpected argument '" + first + "'";
        }
        String m = String.valueOf(ex.getMessage());
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] {"deriv " + VERSION}; }
    }
}
