package deriv.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** What every command has: the streams picocli was given (so tests can capture them). */
abstract class BaseCommand {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    PrintWriter out() { return spec.commandLine().getOut(); }

    PrintWriter err() { return spec.commandLine().getErr(); }
}
